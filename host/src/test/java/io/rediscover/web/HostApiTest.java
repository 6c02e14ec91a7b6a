package io.rediscover.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import io.rediscover.Host;
import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.testing.Http;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The host started for real on a free port, with the iCIMS plugin zip the reactor built in a temporary plugins
 * directory, spoken to over HTTP.
 */
class HostApiTest {

    @TempDir
    static java.nio.file.Path dir;
    static Host host;
    static Http http;
    /** An org admin of an Enterprise org with the iCIMS plugin allowed. */
    static Http orgAdmin;
    /** What Jersey warned about while the host started (its resource model validation logs through JUL). */
    static final List<String> jerseyWarnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    /** Test-only routes: one that fails unexpectedly, one that reads a JSON body. */
    @Path("/test")
    @Produces(MediaType.APPLICATION_JSON)
    @io.rediscover.web.Public
    public static final class TestResource implements ApiResource {
        public record Widget(String name, Integer size, List<String> tags, Inner inner) {
            public Widget {
                if (name != null && name.isBlank()) {
                    throw new IllegalArgumentException("name must not be blank");
                }
            }
        }

        public record Inner(boolean on) {
        }

        @GET
        @Path("/boom")
        public String boom() {
            throw new IllegalStateException("secret internal detail /etc/passwd");
        }

        @POST
        @Path("/widgets")
        @Consumes(MediaType.APPLICATION_JSON)
        public Widget create(Widget w) {
            return w;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        JERSEY.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    jerseyWarnings.add(r.getLoggerName() + ": " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        java.nio.file.Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve(PluginZips.icimsZip().getFileName()));
        host = Host.start(TestHosts.config(dir.resolve("data"), plugins,
                Map.of("integrations.egressIps", "203.0.113.7,198.51.100.9", "server.maxRequestBytes", "2048")),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        WebModule.addResource(binder(), TestResource.class);
                    }
                });
        http = new Http(host.port());
        Http platform = http.signIn(io.rediscover.testing.TestTenants.ADMIN_EMAIL, io.rediscover.testing.TestTenants.ADMIN_PASSWORD);
        assertThat(platform.post("/api/admin/orgs", "{\"id\":\"acme\",\"name\":\"Acme\",\"tier\":\"ENTERPRISE\","
                + "\"integrationsEnabled\":true,\"plugins\":[\"icims-stream\"]}").status()).isEqualTo(201);
        assertThat(platform.post("/api/admin/orgs/acme/users", "{\"email\":\"ada@acme.test\",\"name\":\"Ada\","
                + "\"role\":\"ORG_ADMIN\",\"password\":\"ada-password-123\"}").status()).isEqualTo(201);
        orgAdmin = http.signIn("ada@acme.test", "ada-password-123");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void jerseyFindsNothingToWarnAboutInTheResourceModel() {
        // e.g. "contains (sub) resource method(s) and sub resource locator … The locator will be ignored."
        assertThat(jerseyWarnings).filteredOn(w -> w.contains("resource")).isEmpty();
    }

    @Test
    void theIcimsPluginIsLoadedFromItsZipNotFromTheHostClassPath() {
        AtsConnector connector = host.injector().getInstance(ConnectorRegistry.class).find("icims-stream").orElseThrow().connector();
        assertThat(connector.getClass().getClassLoader()).isInstanceOf(org.pf4j.PluginClassLoader.class);
        assertThatThrownBy(() -> Class.forName("io.rediscover.icims.IcimsStreamConnector"))
                .isInstanceOf(ClassNotFoundException.class);
        // The contract itself is shared with the host, so the extension is assignable.
        assertThat(connector).isInstanceOf(AtsConnector.class);
    }

    @Test
    void connectorsListsTheFullIcimsDescriptor() {
        assertThat(http.get("/api/connectors").status()).as("signed out").isEqualTo(401);
        Http.Reply r = orgAdmin.get("/api/connectors");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode c = r.json().get("connectors").get(0);
        assertThat(c.get("id").asText()).isEqualTo("icims-stream");
        assertThat(c.get("displayName").asText()).isEqualTo("iCIMS Stream");
        assertThat(c.get("capabilities").toString()).isEqualTo("[\"REDISCOVERY\"]");
        assertThat(c.get("credentials").findValuesAsText("label")).containsExactly("Client ID", "Client Secret", "Stream ID");
        assertThat(c.get("credentials").get(1).get("secret").asBoolean()).isTrue();
        assertThat(c.get("credentials").get(0).get("secret").asBoolean()).isFalse();
        assertThat(c.get("credentials").findValuesAsText("required")).containsOnly("true");
        assertThat(c.get("filters").findValuesAsText("label"))
                .containsExactly("Status", "Job/Title", "Source", "Recruiter", "Last Updated", "Stage");
        assertThat(c.get("filters").get(4).get("kind").asText()).isEqualTo("DATE_RANGE");
        assertThat(c.get("profileFields").findValuesAsText("label")).containsExactly("Phone Number", "Email", "Resume",
                "Candidate ID", "Candidate Name", "Workflow ID", "Workflow Source", "Workflow Status",
                "Workflow Recruiter", "Workflow Last Updated Date");
        assertThat(c.get("setupNotes").get(0).get("text").asText())
                .contains("203.0.113.7, 198.51.100.9").doesNotContain("{egressIps}");
        assertThat(c.get("deprecated").asBoolean()).isFalse();
        assertThat(c.get("plugin").get("id").asText()).isEqualTo("icims-stream");

        assertThat(orgAdmin.get("/api/connectors/icims-stream").json().get("id").asText()).isEqualTo("icims-stream");
        Http.Reply missing = orgAdmin.get("/api/connectors/workday");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void healthTellsAnonymousCallersAndOrgUsersTheStatusAlone() {
        for (Http caller : List.of(http, orgAdmin, http.withToken(orgAdmin.post("/api/tokens", "{\"name\":\"monitor\"}")
                .json().get("token").asText()))) {
            Http.Reply r = caller.get("/api/health");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}").doesNotContain("mv.db");
        }
        assertThat(http.with(Map.of("Cookie", "rediscover_session=made-up")).get("/api/health").status())
                .as("stale credentials on a public route are ignored, not refused").isEqualTo(200);
    }

    @Test
    void healthShowsEachCheckToPlatformAdmins() {
        Http.Reply r = http.signIn(io.rediscover.testing.TestTenants.ADMIN_EMAIL, io.rediscover.testing.TestTenants.ADMIN_PASSWORD)
                .get("/api/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.json().at("/checks/plugins/ok").asBoolean()).isTrue();
        assertThat(r.json().at("/checks/plugins/detail").asText()).contains("icims-stream");
        assertThat(r.json().at("/checks/store/ok").asBoolean()).isTrue();
        assertThat(r.json().at("/checks/store/detail").asText()).contains("rediscover.mv.db");
    }

    @Test
    void healthDetailsCanBeMadePublic(@TempDir java.nio.file.Path other) throws Exception {
        try (Host open = Host.start(TestHosts.config(other.resolve("data"), other, Map.of("health.details", "public")))) {
            Http.Reply r = new Http(open.port()).get("/api/health");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().at("/checks/store/detail").asText()).contains("rediscover.mv.db");
        }
    }

    @Test
    void unknownRoutesAnswer404Json() {
        Http.Reply api = http.get("/api/no/such/thing");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/json");
        assertThat(api.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(api.json().at("/error/message").asText()).contains("/api/no/such/thing");

        Http.Reply page = http.get("/no-such-page.html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.json().at("/error/code").asText()).isEqualTo("not_found");

        Http.Reply method = http.method("DELETE", "/api/health");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().at("/error/code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void unexpectedFailuresAnswer500WithAnIncidentAndNothingInternal() {
        Http.Reply r = http.get("/api/test/boom");
        assertThat(r.status()).isEqualTo(500);
        JsonNode e = r.json().get("error");
        assertThat(e.get("code").asText()).isEqualTo("internal");
        assertThat(e.get("incident").asText()).as("the incident is the request's id").hasSize(12)
                .isEqualTo(r.headers().get("x-request-id").get(0));
        assertThat(e.get("message").asText()).contains(e.get("incident").asText());
        assertThat(r.body()).doesNotContain("passwd").doesNotContain("IllegalState").doesNotContain("at io.");
        assertThat(r.headers().get("x-content-type-options")).containsExactly("nosniff");
    }

    @Test
    void badBodiesAnswer400NamingTheField() {
        assertThat(http.post("/api/test/widgets", "{\"name\":\"a\",\"size\":3,\"tags\":[\"x\"],\"inner\":{\"on\":true}}").status())
                .isEqualTo(200);

        Http.Reply malformed = http.post("/api/test/widgets", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/error/code").asText()).isEqualTo("malformed_json");

        Http.Reply unknown = http.post("/api/test/widgets", "{\"name\":\"a\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/field").asText()).isEqualTo("colour");

        Http.Reply wrongType = http.post("/api/test/widgets", "{\"size\":\"big\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().at("/error/field").asText()).isEqualTo("size");

        Http.Reply nested = http.post("/api/test/widgets", "{\"inner\":{\"on\":\"maybe\"}}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().at("/error/field").asText()).isEqualTo("inner.on");

        Http.Reply listItem = http.post("/api/test/widgets", "{\"tags\":[\"x\", {\"a\":1}]}");
        assertThat(listItem.status()).isEqualTo(400);
        assertThat(listItem.json().at("/error/field").asText()).isEqualTo("tags[1]");

        Http.Reply invalid = http.post("/api/test/widgets", "{\"name\":\" \"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/error/message").asText()).isEqualTo("name must not be blank");

        Http.Reply notJson = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/api/test/widgets"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.json().at("/error/code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void oversizedBodiesAnswer400() {
        String big = "{\"name\":\"" + "x".repeat(4096) + "\"}";
        Http.Reply declared = http.post("/api/test/widgets", big);
        assertThat(declared.status()).isEqualTo(400);
        assertThat(declared.json().at("/error/code").asText()).isEqualTo("payload_too_large");

        // Chunked, so no Content-Length tells the size up front: the limit counts bytes as they arrive.
        Http.Reply chunked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/api/test/widgets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))));
        assertThat(chunked.status()).isEqualTo(400);
        assertThat(chunked.code()).isEqualTo("payload_too_large");
    }

    @Test
    void theWebUiIsServedAtTheRoot() {
        Http.Reply r = http.get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("Rediscover");
    }
}
