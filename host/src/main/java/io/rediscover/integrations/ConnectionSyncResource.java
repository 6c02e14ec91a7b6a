package io.rediscover.integrations;

import io.rediscover.budget.BudgetDay;
import io.rediscover.budget.BudgetLedger;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorCounts;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pipeline.Pipeline;
import io.rediscover.pluginapi.RequestQuota;
import io.rediscover.pipeline.StageFailures;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.sync.RunFailure;
import io.rediscover.sync.RunHistory;
import io.rediscover.sync.SyncRun;
import io.rediscover.sync.SyncRunner;
import io.rediscover.sync.SyncScheduler;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A connection's sync, in the caller's org: live progress (readable by recruiters too) and what the mirror holds ({@code GET …/sync}), "sync now"
 * ({@code POST …/sync}), the run history ({@code GET …/runs}) and a run's per-record failures. It shares the root path
 * {@code /connections} with {@link ConnectionsResource} (Jersey merges root resources of one path), with full
 * sub-paths rather than a sub-resource locator on {@code /{id}}: Jersey ignores a locator on a path that also has
 * resource methods, and says so at every start.
 */
@Tag(name = "Sync")
@Path("/connections")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectionSyncResource implements ApiResource {

    static final int MAX_LIMIT = 200;

    private final ConnectionStore connections;
    private final SyncScheduler scheduler;
    private final SyncRunner runner;
    private final RunHistory history;
    private final MirrorStore mirror;
    private final Pipeline pipeline;
    private final StageFailures stageFailures;
    private final IntegrationGate gate;
    private final ConnectorRegistry registry;
    private final BudgetLedger budgets;

    /**
     * @param connections stored connections
     * @param scheduler   the scheduler
     * @param runner      runs in progress
     * @param history     finished runs
     * @param mirror        what the mirror holds
     * @param pipeline      how far what is derived from the mirror is behind
     * @param stageFailures candidates a pipeline stage failed on
     * @param gate          licence and plugin gates
     * @param registry      loaded connectors (each connection's budget and what counts)
     * @param budgets       each connection's requests today
     */
    @Inject
    public ConnectionSyncResource(ConnectionStore connections, SyncScheduler scheduler, SyncRunner runner,
                                  RunHistory history, MirrorStore mirror, Pipeline pipeline, StageFailures stageFailures,
                                  IntegrationGate gate, ConnectorRegistry registry, BudgetLedger budgets) {
        this.connections = connections;
        this.scheduler = scheduler;
        this.runner = runner;
        this.history = history;
        this.mirror = mirror;
        this.pipeline = pipeline;
        this.stageFailures = stageFailures;
        this.gate = gate;
        this.registry = registry;
        this.budgets = budgets;
    }

    /**
     * @param connection the connection
     * @param running    the run in progress, or null
     * @param lastRun    the newest finished or interrupted run, or null
     * @param nextRunAt  when the next run is due, or null when not scheduled
     * @param mirror     live records, tombstones and access-lost records by kind
     * @param pausedBecause why no run starts now (disk nearly full, store down), or null
     * @param pipeline   how far matching and indexing are behind the mirror for this connection, with some failures
     * @param budget     its daily request budget: today's use, the reset and, during the first download, how many days
     *                   it still takes; null when it has none
     */
    public record SyncStatus(ConnectionSummary connection, SyncRun running, SyncRun lastRun, Instant nextRunAt,
                             MirrorCounts mirror, String pausedBecause, PipelineLag pipeline, BudgetStatus budget) {
    }

    /**
     * @param backlog          candidates changed in the mirror and not yet through every stage
     * @param oldestAgeSeconds how long the oldest of them has waited, or null
     * @param failures         candidates a stage failed on (kept until a later version passes)
     * @param recentFailures   some of them, with the stage and the reason
     */
    public record PipelineLag(long backlog, Long oldestAgeSeconds, long failures,
                              List<StageFailures.StageFailure> recentFailures) {
    }

    /**
     * @param id            connection id
     * @param connectorId   connector
     * @param status        connection status
     * @param statusMessage why it failed or needs attention, or null
     */
    public record ConnectionSummary(String id, String connectorId, Connection.Status status, String statusMessage) {
    }

    /** @param runs newest first */
    public record Runs(List<SyncRun> runs) {
    }

    /** @param failures the run's records that could not be read */
    public record Failures(List<RunFailure> failures) {
    }

    /** Finds the connection in the caller's org, behind the gates; org admins only unless {@code anyMember}. */
    private Connection find(String id, SecurityContext security, boolean anyMember) {
        Caller caller = Caller.of(security);
        if (!anyMember) {
            caller.requireOrgAdmin("run syncs or read their history");
        }
        String org = caller.org();
        gate.require(org);
        return connections.get(org, id).orElseThrow(() -> ApiException.notFound("connection '" + id + "'"));
    }

    private static ConnectionRef ref(Connection c) {
        return new ConnectionRef(c.org(), c.id());
    }

    /** @param id connection id @return progress and mirror contents */
    @GET
    @Path("/{id}/sync")
    @Operation(summary = "Live sync progress, last and next run, mirror counts, pipeline lag")
    public SyncStatus status(@PathParam("id") String id, @Context SecurityContext security) {
        Connection c = find(id, security, true);
        ConnectionRef ref = ref(c);
        SyncRun running = runner.current(ref).orElse(null);
        SyncRun last = history.latest(ref, 2).stream().filter(r -> running == null || !r.runId().equals(running.runId()))
                .findFirst().orElse(null);
        Pipeline.ConnectionLag lag = pipeline.lag(ref);
        return new SyncStatus(new ConnectionSummary(c.id(), c.connectorId(), c.status(), c.statusMessage()), running, last,
                scheduler.nextRun(ref).filter(t -> !t.equals(Instant.MAX)).orElse(null), mirror.counts(ref),
                scheduler.pausedBecause().orElse(null), new PipelineLag(lag.backlog(), lag.oldestAgeSeconds(),
                        lag.failures(), lag.failures() == 0 ? List.of() : stageFailures.list(ref, 20)),
                budget(c, running != null ? running : last).orElse(null));
    }

    /** Today's budget of the connection, and while its first download runs, how long that takes. */
    private Optional<BudgetStatus> budget(Connection c, SyncRun newest) {
        Optional<LoadedConnector> connector = registry.find(c.connectorId());
        return connector.flatMap(l -> c.budget(l.descriptor())).map(b -> {
            ConnectionRef ref = ref(c);
            SyncRun download = newest != null && newest.mode() == SyncRun.Mode.FULL
                    && newest.result() != SyncRun.Result.SUCCEEDED ? newest : null;
            return BudgetStatus.of(budgets.today(ref, b), connector.get().descriptor().requestQuota()
                    .map(RequestQuota::description).orElse("every request"), download);
        });
    }

    /** @return today's budget of the connection, when it has one and nothing is left */
    private Optional<BudgetDay> spent(Connection c) {
        return registry.find(c.connectorId()).flatMap(l -> c.budget(l.descriptor()))
                .map(b -> budgets.today(ref(c), b)).filter(BudgetDay::spent);
    }

    /** @param id connection id @return 202 when a run will start, 409 when one is already going */
    @POST
    @Path("/{id}/sync")
    @Operation(summary = "Sync now",
            responses = @ApiResponse(responseCode = "202", description = "the run is asked for",
                    content = @Content(schema = @Schema(implementation = ConnectionSummary.class))))
    public Response syncNow(@PathParam("id") String id, @Context SecurityContext security) {
        Connection c = find(id, security, false);
        if (c.status() != Connection.Status.CONNECTED) {
            throw ApiException.conflict("connection " + id + " is " + c.status() + "; fix it before syncing"
                    + (c.statusMessage() == null ? "" : " (" + c.statusMessage() + ")"));
        }
        Optional<BudgetDay> spent = spent(c);
        if (spent.isPresent()) {
            throw ApiException.conflict("today's request budget of " + spent.get().budget().requestsPerDay()
                    + " is spent; syncs go on after it resets at " + spent.get().resetsAt());
        }
        if (!scheduler.syncNow(ref(c))) {
            throw ApiException.conflict("a sync of connection " + id + " is already running or about to start");
        }
        return Response.accepted(new ConnectionSummary(c.id(), c.connectorId(), c.status(), null)).build();
    }

    /** @param id connection id @param limit how many (1–200) @return the newest runs */
    @GET
    @Path("/{id}/runs")
    @Operation(summary = "Run history, newest first")
    public Runs runs(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("20") int limit,
                     @Context SecurityContext security) {
        Connection c = find(id, security, false);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new Runs(history.latest(ref(c), limit));
    }

    /** @param id connection id @param runId a run @param limit how many @return the run's failures */
    @GET
    @Path("/{id}/runs/{runId}/failures")
    @Operation(summary = "The records a run could not read, with reasons")
    public Failures failures(@PathParam("id") String id, @PathParam("runId") String runId,
                             @QueryParam("limit") @DefaultValue("100") int limit, @Context SecurityContext security) {
        Connection c = find(id, security, false);
        if (limit < 1 || limit > 10_000) {
            throw ApiException.badRequest("limit", "limit must be between 1 and 10000");
        }
        ConnectionRef ref = ref(c);
        if (runId.contains("/") || history.run(ref, runId).isEmpty()) {
            throw ApiException.notFound("run '" + runId + "' of connection '" + id + "'");
        }
        return new Failures(history.failures(ref, runId, limit));
    }
}
