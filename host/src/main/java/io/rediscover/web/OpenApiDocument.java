package io.rediscover.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API's OpenAPI 3.1 document, read from the JAX-RS resources themselves (swagger's reader): every path and method,
 * parameters, request and response schemas from our records, the summaries and examples their {@code @Operation}
 * annotations give. Added here, for every operation: the error shape ({@link ApiError}) for 4XX and 5XX answers, a
 * stable operation id ({@code resource_method}), and who may call it — the session cookie (with the CSRF header on
 * changes) or a bearer API token, or nobody at all for the {@link Public} methods.
 */
final class OpenApiDocument {

    static final String SESSION = "session";
    static final String CSRF = "csrf";
    static final String BEARER = "bearer";
    private static final String ERROR = "#/components/schemas/ApiError";
    /** Where Jersey serves the resources ({@link WebServer}). */
    static final String API_ROOT = "/api";

    private OpenApiDocument() {
    }

    /**
     * @param resources the resource classes Jersey serves
     * @param version   the release
     * @return the document, as pretty JSON
     */
    static String json(Set<Class<?>> resources, String version) {
        return Json31.pretty(read(resources, version));
    }

    /**
     * @param resources the resource classes Jersey serves
     * @param version   the release
     * @return the document
     */
    static OpenAPI read(Set<Class<?>> resources, String version) {
        Components components = new Components()
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                        .name("rediscover_session").description("The session cookie of POST /api/session (HTTP-only)."))
                .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-CSRF-Token").description("The csrfToken of the session, on every request that changes "
                                + "something (not GET)."))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token (rdk_…) from POST /api/tokens."));
        ModelConverters.getInstance(true).readAll(ApiError.class).forEach(components::addSchemas);
        OpenAPI base = new OpenAPI().info(new Info().title("Rediscover API").version(version).description(
                        "JSON over HTTP. Every error answers {\"error\":{\"code\",\"message\",\"field\"?,\"column\"?,"
                                + "\"incident\"?}}; a 500's incident is the request's X-Request-Id, quote it when reporting."))
                .servers(List.of(new Server().url("/")))
                .components(components)
                .security(List.of(new SecurityRequirement().addList(SESSION).addList(CSRF),
                        new SecurityRequirement().addList(BEARER)));
        SwaggerConfiguration config = new SwaggerConfiguration().openAPI(base).openAPI31(true).sortOutput(true)
                .readAllResources(true);
        OpenAPI api = new DecoratingReader(config).read(new LinkedHashSet<>(resources));
        api.setOpenapi("3.1.0");
        // The resources' paths are relative to the API servlet's mapping; the document names them as clients call them.
        Paths mounted = new Paths();
        api.getPaths().forEach((path, item) -> mounted.addPathItem(API_ROOT + path, item));
        api.setPaths(mounted);
        return api;
    }

    /** Swagger's reader, with our additions to each operation it reads. */
    private static final class DecoratingReader extends Reader {

        DecoratingReader(SwaggerConfiguration config) {
            super(config);
        }

        @Override
        protected Operation parseMethod(Class<?> type, Method method, List<io.swagger.v3.oas.models.parameters.Parameter> global,
                                        Produces methodProduces, Produces classProduces, Consumes methodConsumes,
                                        Consumes classConsumes, List<SecurityRequirement> security,
                                        Optional<io.swagger.v3.oas.models.ExternalDocumentation> docs, Set<String> tags,
                                        List<Server> servers, boolean subresource,
                                        io.swagger.v3.oas.models.parameters.RequestBody parentBody,
                                        ApiResponses parentResponses, com.fasterxml.jackson.annotation.JsonView view,
                                        io.swagger.v3.oas.annotations.responses.ApiResponse[] classResponses,
                                        com.fasterxml.jackson.databind.introspect.AnnotatedMethod annotated) {
            Operation op = super.parseMethod(type, method, global, methodProduces, classProduces, methodConsumes,
                    classConsumes, security, docs, tags, servers, subresource, parentBody, parentResponses, view,
                    classResponses, annotated);
            String resource = method.getDeclaringClass().getSimpleName().replaceFirst("Resource$", "");
            op.setOperationId(Character.toLowerCase(resource.charAt(0)) + resource.substring(1) + "_" + method.getName());
            if (method.isAnnotationPresent(Public.class) || method.getDeclaringClass().isAnnotationPresent(Public.class)) {
                op.setSecurity(List.of()); // nobody needs to sign in
            }
            ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
            responses.addApiResponse("4XX", error("Refused: bad input (400, naming the field), not signed in (401), not "
                    + "allowed (403), not found (404), a conflict (409), too many attempts (429)."));
            responses.addApiResponse("5XX", error("Our failure (500, with an incident id) or a dependency down (503, "
                    + "with Retry-After)."));
            op.setResponses(responses);
            return op;
        }

        private static ApiResponse error(String description) {
            return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                    new MediaType().schema(new Schema<>().$ref(ERROR))));
        }
    }
}
