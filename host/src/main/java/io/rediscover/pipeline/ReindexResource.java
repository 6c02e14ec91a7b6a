package io.rediscover.pipeline;

import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Platform admins: rebuild everything derived from the mirror ({@code POST /api/admin/reindex}, 202) and follow its progress
 * ({@code GET /api/admin/reindex}). It runs on its own thread; one at a time (409 otherwise).
 */
@Tag(name = "Installation")
@Path("/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ReindexResource implements ApiResource {

    private final Reindexer reindexer;

    /** @param reindexer does the work */
    @Inject
    public ReindexResource(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    /** @param security the caller @return the current or last reindex; 404 when none ran since start-up */
    @GET
    @Operation(summary = "Reindex progress and the pipeline's backlog")
    public Reindexer.Progress progress(@Context SecurityContext security) {
        Caller.of(security).requirePlatformAdmin("follow a reindex");
        return reindexer.progress().orElseThrow(() -> ApiException.notFound("a reindex since start-up"));
    }

    /** @param security the caller @return 202 with the starting progress, or 409 when one is running */
    @POST
    @Operation(summary = "Rebuild everything derived from the mirror",
            responses = @ApiResponse(responseCode = "202", description = "started"))
    public Response start(@Context SecurityContext security) {
        Caller.of(security).requirePlatformAdmin("rebuild the indexes");
        if (reindexer.progress().map(Reindexer.Progress::running).orElse(false)) {
            throw ApiException.conflict("a reindex is already running");
        }
        Thread worker = new Thread(() -> {
            try {
                reindexer.reindex(p -> { });
            } catch (IllegalStateException alreadyRunning) {
                // lost a race with another request; that one reports progress
            }
        }, "reindex");
        worker.setDaemon(true);
        worker.start();
        return Response.accepted().build();
    }
}
