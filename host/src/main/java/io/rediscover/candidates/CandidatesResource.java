package io.rediscover.candidates;

import io.rediscover.documents.ResumeText;
import io.rediscover.documents.ResumeTexts;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.ResumeRef;
import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Candidates of the caller's org: one candidate's view ({@code GET /api/candidates/{id}}), finding one by its ATS id
 * ({@code GET /api/candidates?connection=…&atsId=…}), and its original resume ({@code GET /api/candidates/{id}/resume}).
 * Another org's candidate answers 404, as an unknown one does.
 */
@Tag(name = "Candidates")
@Path("/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class CandidatesResource implements ApiResource {

    private final CandidateViews views;
    private final MirrorStore mirror;
    private final ResumeTexts texts;

    /** @param views the candidates' views @param mirror resume files @param texts their extracted texts */
    @Inject
    public CandidatesResource(CandidateViews views, MirrorStore mirror, ResumeTexts texts) {
        this.views = views;
        this.mirror = mirror;
        this.texts = texts;
    }

    /** @param id a candidate id */
    private static CandidateId parse(String id) {
        return CandidateId.parse(id).orElseThrow(() -> ApiException.notFound("candidate '" + id + "'"));
    }

    /** @param id a candidate id @param security the caller @return the candidate */
    @GET
    @Path("/{id}")
    @Operation(summary = "One candidate's merged view: ATS data, work, education, links, with sources")
    public CandidateView get(@PathParam("id") String id, @Context SecurityContext security) {
        String org = Caller.of(security).org();
        return views.view(org, parse(id)).orElseThrow(() -> ApiException.notFound("candidate '" + id + "'"));
    }

    /** @param id the candidate's id in the API */
    public record Found(String id) {
    }

    /**
     * @param connection a connection of the caller's org
     * @param atsId      an id in its ATS
     * @param security   the caller
     * @return the candidate's API id
     */
    @GET
    @Operation(summary = "Find a candidate by its connection and ATS id")
    public Found find(@QueryParam("connection") String connection, @QueryParam("atsId") String atsId,
                      @Context SecurityContext security) {
        String org = Caller.of(security).org();
        if (connection == null || connection.isBlank()) {
            throw ApiException.badRequest("connection", "give the connection id: ?connection=…&atsId=…");
        }
        if (atsId == null || atsId.isBlank()) {
            throw ApiException.badRequest("atsId", "give the candidate's id in the ATS: ?connection=…&atsId=…");
        }
        if (connection.contains("/")) {
            throw ApiException.notFound("connection '" + connection + "'");
        }
        return views.find(org, connection, atsId).map(c -> new Found(c.value()))
                .orElseThrow(() -> ApiException.notFound("candidate '" + atsId + "' of connection '" + connection + "'"));
    }

    /**
     * @param id       a candidate id
     * @param text     whether to answer the extracted text (plain UTF-8) instead of the file
     * @param security the caller
     * @return the resume file as the ATS gave it, always as an attachment in a sandbox (it is the ATS's content, not
     * ours), or its text
     */
    @GET
    @Path("/{id}/resume")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The candidate's resume file as the ATS gave it, or its extracted text (?text=true)",
            responses = @ApiResponse(responseCode = "200", description = "the file, as an attachment; or its text",
                    content = {@Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "text/plain", schema = @Schema(type = "string"))}))
    public Response resume(@PathParam("id") String id, @QueryParam("text") boolean text, @Context SecurityContext security) {
        String org = Caller.of(security).org();
        ResumeRef ref = views.load(parse(id).ref(org), parse(id).atsId()).filter(d -> d.record().live())
                .map(d -> d.record().resume())
                .orElseThrow(() -> ApiException.notFound("a resume of candidate '" + id + "'"));
        if (text) {
            ResumeText extracted = texts.text(org, ref.sha256())
                    .orElseThrow(() -> ApiException.notFound("the text of the resume of candidate '" + id + "' (not read yet)"));
            if (!extracted.ok()) {
                throw ApiException.notFound("the text of the resume of candidate '" + id + "' (it could not be read: "
                    + extracted.failure() + ")");
            }
            return Response.ok(extracted.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        }
        byte[] bytes = mirror.blob(org, ref.sha256())
                .orElseThrow(() -> ApiException.notFound("the resume file of candidate '" + id + "'"));
        String type = ref.mediaType() == null || ref.mediaType().isBlank() ? MediaType.APPLICATION_OCTET_STREAM : ref.mediaType();
        String name = ref.fileName() == null ? "resume" : ref.fileName();
        return Response.ok(bytes, type)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .header("Content-Security-Policy", "sandbox")
                .build();
    }
}
