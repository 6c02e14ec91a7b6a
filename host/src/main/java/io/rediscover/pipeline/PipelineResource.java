package io.rediscover.pipeline;

import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Platform admins: how far the pipeline is behind the mirror ({@code GET /api/admin/pipeline}) — candidates waiting,
 * the oldest one's age, each stage's throughput, each connection's backlog and failures, and what it waits for.
 */
@Tag(name = "Installation")
@Path("/admin/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class PipelineResource implements ApiResource {

    private final Pipeline pipeline;

    /** @param pipeline the pipeline */
    @Inject
    public PipelineResource(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** @param security the caller @return the pipeline's state */
    @GET
    @Operation(summary = "The pipeline's lag, stages and failures")
    public Pipeline.Status status(@Context SecurityContext security) {
        Caller.of(security).requirePlatformAdmin("read the pipeline's state");
        return pipeline.status();
    }
}
