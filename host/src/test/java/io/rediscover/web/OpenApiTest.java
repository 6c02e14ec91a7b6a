package io.rediscover.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import io.rediscover.Host;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestHosts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/openapi.json} against the routes Jersey actually serves: every resource method is in the document with a
 * summary, and every documented operation exists; each has a stable id, the error shape for 4XX/5XX and the right
 * security (public methods none, the rest cookie + CSRF or bearer). Swagger UI is served at {@code /api/docs/} from files
 * only, so it runs under the server's Content-Security-Policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** Reports the routes of Jersey's running resource model. */
    @Tag(name = "Test")
    @Path("/test/routes")
    public static final class RoutesProbe implements ApiResource {
        @Context
        private ExtendedResourceContext jersey;

        /** @return every route Jersey serves from our resources, as "METHOD /path" */
        @GET
        @Public
        @Operation(summary = "Test only: the routes Jersey serves")
        public Set<String> routes() {
            Set<String> out = new TreeSet<>();
            jersey.getResourceModel().getRootResources().forEach(r -> walk("/api", r, out));
            return out;
        }

        private static void walk(String base, Resource resource, Set<String> out) {
            String path = (base + "/" + (resource.getPath() == null ? "" : resource.getPath())).replaceAll("/+", "/");
            for (ResourceMethod m : resource.getResourceMethods()) {
                if (m.getInvocable().getDefinitionMethod().getDeclaringClass().getName().startsWith("io.rediscover.")) {
                    out.add(m.getHttpMethod() + " " + (path.length() > 1 ? path.replaceAll("/$", "") : path));
                }
            }
            resource.getChildResources().forEach(child -> walk(path, child, out));
        }
    }

    private Host host;
    private Http http;
    private JsonNode doc;

    @BeforeAll
    void start(@TempDir java.nio.file.Path dir) throws Exception {
        host = Host.start(TestHosts.config(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")), Map.of()),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        WebModule.addResource(binder(), RoutesProbe.class);
                    }
                });
        http = new Http(host.port());
        Http.Reply r = http.get("/api/openapi.json");
        assertThat(r.status()).as("the document is public").isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        doc = r.json();
    }

    @AfterAll
    void stop() {
        host.close();
    }

    @Test
    void everyRouteJerseyServesIsDocumentedAndNothingElse() {
        Set<String> served = new TreeSet<>();
        http.get("/api/test/routes").json().forEach(n -> served.add(n.asText()));
        assertThat(served).as("routes Jersey serves").contains("POST /api/search", "GET /api/connections/{id}/sync",
                "POST /api/admin/backup", "GET /api/openapi.json");
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (HTTP_METHODS.contains(m)) {
                documented.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        assertThat(documented).as("documented operations = served routes").isEqualTo(served);
    }

    @Test
    void everyOperationIsDescribedWithErrorsAndWhoMayCallIt() {
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertThat(schemes.at("/session/in").asText()).isEqualTo("cookie");
        assertThat(schemes.at("/session/name").asText()).isEqualTo("rediscover_session");
        assertThat(schemes.at("/csrf/name").asText()).isEqualTo("X-CSRF-Token");
        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/schemas/ApiError/properties/error")).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                assertThat(o.path("summary").asText()).as("summary of %s", where).isNotBlank();
                assertThat(ids.add(o.path("operationId").asText())).as("unique operationId of %s", where).isTrue();
                assertThat(o.path("tags")).as("tag of %s", where).isNotEmpty();
                assertThat(o.at("/responses/4XX/content/application~1json/schema/$ref").asText()).as("errors of %s", where)
                        .isEqualTo("#/components/schemas/ApiError");
                assertThat(o.at("/responses/5XX")).as("5XX of %s", where).isNotEmpty();
                List<String> success = new java.util.ArrayList<>();
                o.path("responses").fieldNames().forEachRemaining(code -> {
                    if (code.startsWith("2") || code.equals("default")) {
                        success.add(code);
                    }
                });
                assertThat(success).as("a success answer of %s", where).isNotEmpty();
            });
        }
        for (String publicOp : List.of("/api/health:get", "/api/session:post", "/api/openapi.json:get")) {
            String[] p = publicOp.split(":");
            JsonNode security = doc.path("paths").path(p[0]).path(p[1]).path("security");
            assertThat(security.isArray() && security.isEmpty()).as("%s needs no sign-in", publicOp).isTrue();
        }
        assertThat(doc.at("/paths/~1api~1search/post/security").isMissingNode()).as("search inherits the global security")
                .isTrue();
        assertThat(doc.path("security").toString()).contains("session").contains("csrf").contains("bearer");
    }

    @Test
    void schemasComeFromTheRecordsAndCarryExamples() {
        JsonNode search = doc.at("/paths/~1api~1search/post");
        String request = search.at("/requestBody/content/application~1json/schema/$ref").asText();
        String response = search.at("/responses/default/content/application~1json/schema/$ref").asText()
                + search.at("/responses/200/content/application~1json/schema/$ref").asText();
        assertThat(request).endsWith("/SearchRequest");
        assertThat(response).endsWith("/SearchResponse");
        assertThat(schema(request).path("properties").fieldNames()).toIterable().contains("corpus", "query", "filters", "page");
        assertThat(schema(response).path("properties").fieldNames()).toIterable().contains("total", "hits", "facets");
        assertThat(search.at("/requestBody/content/application~1json/examples").toString()).contains("java AND");
        assertThat(doc.at("/paths/~1api~1connections/post/responses/201/content/application~1json/schema/$ref").asText())
                .endsWith("/ConnectionView");
        assertThat(doc.at("/paths/~1api~1admin~1backup/post/responses/200/content").fieldNames()).toIterable()
                .containsExactly("application/zip");
    }

    private JsonNode schema(String ref) {
        return doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void swaggerUiRunsFromFilesUnderTheContentSecurityPolicy() {
        Http.Reply redirect = http.get("/api/docs");
        assertThat(redirect.status()).isEqualTo(302);
        Http.Reply page = http.get("/api/docs/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-security-policy").get(0)).startsWith("default-src 'self'");
        Matcher scripts = Pattern.compile("<script([^>]*)>([^<]*)</script>").matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("scripts are files").contains("src=");
            assertThat(scripts.group(2)).as("no inline script").isBlank();
        }
        assertThat(count).isEqualTo(3);
        assertThat(page.body()).doesNotContain("<style");
        assertThat(http.get("/api/docs/swagger-initializer.js").body()).contains("\"/api/openapi.json\"")
                .doesNotContain("petstore");
        Http.Reply bundle = http.get("/api/docs/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).startsWith("text/javascript");
        assertThat(http.get("/api/docs/swagger-ui.css").status()).isEqualTo(200);
        assertThat(http.get("/api/docs/nothing.js").status()).isEqualTo(404);
    }
}
