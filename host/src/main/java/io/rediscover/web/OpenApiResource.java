package io.rediscover.web;

import com.google.inject.Provider;
import io.rediscover.config.Release;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/openapi.json}: the API's OpenAPI 3.1 document ({@link OpenApiDocument}), public like the API's
 * paths themselves; Swagger UI at {@code /api/docs} reads it. Built once, on first request, from the resources the
 * running server serves.
 */
@Path("/openapi.json")
@Tag(name = "API")
@Singleton
public final class OpenApiResource implements ApiResource {

    private final Provider<Set<ApiResource>> resources;
    private volatile String document;

    /** @param resources every resource of the API, this one included (hence a provider) */
    @Inject
    public OpenApiResource(Provider<Set<ApiResource>> resources) {
        this.resources = resources;
    }

    /** @return the document */
    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This API's OpenAPI 3.1 document")
    public String document() {
        String d = document;
        if (d == null) {
            d = OpenApiDocument.json(resources.get().stream().map(Object::getClass).collect(Collectors.toSet()), Release.version());
            document = d;
        }
        return d;
    }
}
