package io.rediscover.profiles;

import io.rediscover.audit.AuditLog;
import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Platform admins import public profiles: {@code POST /api/admin/profiles/import} with a JSON Lines body
 * ({@code application/x-ndjson}, plain or with {@code Content-Encoding: gzip}, or {@code application/gzip}) streamed to
 * the data directory and imported in the background (202 with the import); {@code GET /api/admin/profiles/imports} and
 * {@code …/imports/{id}} follow them: state, counts, progress, bad lines.
 */
@Tag(name = "Public profiles")
@Path("/admin/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ProfileImportsResource implements ApiResource {

    private static final Set<String> TYPES = Set.of("application/x-ndjson", "application/gzip", "application/x-gzip");

    private final ProfileImports imports;
    private final AuditLog audit;

    /** @param imports the imports @param audit the audit log */
    @Inject
    public ProfileImportsResource(ProfileImports imports, AuditLog audit) {
        this.imports = imports;
        this.audit = audit;
    }

    /**
     * @param security    the caller
     * @param contentType the body's type
     * @param encoding    the body's encoding (gzip or none)
     * @param name        the file's name, for the record (optional)
     * @param body        the file
     * @param uri         the request's URI, for the Location of the import
     * @return 202 with the queued import
     * @throws IOException when the upload cannot be written
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a JSON Lines corpus of public profiles; it is imported in the background",
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/gzip", schema = @Schema(type = "string", format = "binary"))}),
            responses = @ApiResponse(responseCode = "202", description = "queued; Location is the import",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileImport.class))))
    public Response upload(@Context SecurityContext security, @HeaderParam("Content-Type") String contentType,
                           @HeaderParam("Content-Encoding") String encoding, @QueryParam("name") String name,
                           InputStream body, @Context UriInfo uri) throws IOException {
        Caller caller = Caller.of(security);
        caller.requirePlatformAdmin("import public profiles");
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw ApiException.badRequest("Content-Type", "send the profiles as JSON Lines: Content-Type application/x-ndjson"
                    + " (gzip-compressed with Content-Encoding: gzip, or as application/gzip), not '" + type + "'");
        }
        if (encoding != null && !List.of("gzip", "identity").contains(encoding.strip().toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("Content-Encoding", "the body may be gzip-compressed (Content-Encoding: gzip)"
                    + " or not at all, not '" + encoding + "'");
        }
        ProfileImport queued = imports.upload(body, name, caller.user().email());
        audit.record(caller.actor(), null, "profiles.import", queued.id(),
                Map.of("bytes", Long.toString(queued.progress().bytesTotal())));
        return Response.accepted(queued).location(uri.getBaseUriBuilder().path("admin/profiles/imports")
                .path(queued.id()).build()).build();
    }

    /** @param security the caller @return every import, newest first */
    @GET
    @Path("/imports")
    @Operation(summary = "Profile imports, newest first")
    public List<ProfileImport> list(@Context SecurityContext security) {
        Caller.of(security).requirePlatformAdmin("follow profile imports");
        return imports.list();
    }

    /** @param security the caller @param id an import @return it: state, counts, progress, bad lines */
    @GET
    @Path("/imports/{id}")
    @Operation(summary = "One profile import: state, counts, progress, bad lines")
    public ProfileImport get(@Context SecurityContext security, @PathParam("id") String id) {
        Caller.of(security).requirePlatformAdmin("follow profile imports");
        return imports.get(id).orElseThrow(() -> ApiException.notFound("profile import " + id));
    }
}
