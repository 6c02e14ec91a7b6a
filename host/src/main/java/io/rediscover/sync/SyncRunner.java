package io.rediscover.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.budget.BudgetLedger;
import io.rediscover.budget.DailyBudget;
import io.rediscover.lifecycle.ServiceUnavailableException;
import io.rediscover.logging.LogIds;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.plugins.ConnectorContexts;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.store.WorkingSets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one sync of one connection: opens the plugin's source from the last committed state (none = full download),
 * feeds a {@link MirrorSink}, and records how it ended. The plugin's requests are metered against the connection's
 * daily budget ({@link BudgetLedger}); a run that ends because a daily quota is spent (the budget, or the ATS's own)
 * ends as {@link SyncRun.Result#BUDGET_SPENT}, with the wait until both have reset. A run's live sink is visible to the
 * progress API while it runs.
 */
@Singleton
public final class SyncRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    private final ConnectorRegistry connectors;
    private final ConnectorContexts contexts;
    private final MirrorStore mirror;
    private final RunHistory history;
    private final BacklogGate gate;
    private final WorkingSets workingSets;
    private final BudgetLedger budgets;
    private final ObjectMapper json;
    private final Clock clock;
    private final SyncMeters meters;
    private final Map<ConnectionRef, MirrorSink> running = new ConcurrentHashMap<>();

    /**
     * @param connectors  loaded connectors
     * @param contexts    makes each call's connector context
     * @param mirror      the mirror
     * @param history     the run history
     * @param gate        where runs wait for the pipeline and for disk space
     * @param workingSets temp-file id sets for reconciliation
     * @param budgets     counts each connection's requests against its daily budget
     * @param json        the host's mapper
     * @param clock       the host's clock
     * @param meters      counts runs, records and requests
     */
    @Inject
    public SyncRunner(ConnectorRegistry connectors, ConnectorContexts contexts, MirrorStore mirror, RunHistory history,
                      BacklogGate gate, WorkingSets workingSets, BudgetLedger budgets, ObjectMapper json, Clock clock,
                      SyncMeters meters) {
        this.clock = clock;
        this.meters = meters;
        this.connectors = connectors;
        this.contexts = contexts;
        this.mirror = mirror;
        this.history = history;
        this.gate = gate;
        this.workingSets = workingSets;
        this.budgets = budgets;
        this.json = json;
    }

    /**
     * @param ref a connection
     * @return its run in progress, if any
     */
    public Optional<SyncRun> current(ConnectionRef ref) {
        return Optional.ofNullable(running.get(ref)).map(MirrorSink::run);
    }

    /**
     * Runs to the end (or failure, or cancellation) in the calling thread.
     *
     * @param connection   the connection with its credentials
     * @param cancellation the stop signal
     * @return the finished run; its error kind tells the scheduler what to do next
     */
    public SyncRun run(SyncConnection connection, Cancellation cancellation) {
        ConnectionRef ref = connection.ref();
        Optional<String> saved = mirror.state(ref);
        SyncState from = saved.map(SyncState::of).orElse(SyncState.initial());
        // A first download cut short resumes from its last checkpoint, but it is still the full download until a run
        // of it succeeds: label it so, so the history shows one FULL run that succeeded.
        boolean fullDownloadDone = !from.isInitial() && history.anySucceeded(ref);
        SyncRun start = new SyncRun(history.nextRunId(ref), ref.org(), ref.connectionId(),
                fullDownloadDone ? SyncRun.Mode.INCREMENTAL : SyncRun.Mode.FULL, clock.instant(), null,
                SyncRun.Result.RUNNING, SyncRun.Progress.starting(), SyncRun.Counts.zero(), Map.of(), null);
        history.save(ref, start);
        Optional<LoadedConnector> connector = connectors.find(connection.connectorId());
        if (connector.isEmpty()) {
            SyncRun failed = start.ended(SyncRun.Result.FAILED, clock.instant(), new SyncRun.RunError(ErrorKind.CONFIG,
                    "connector '" + connection.connectorId() + "' is not installed on this server"));
            history.save(ref, failed);
            meters.ended(connection.connectorId(), failed);
            return failed;
        }
        LoadedConnector c = connector.get();
        // Every line the run logs, the plugin's included (its reads on other threads carry it too), names the run.
        MDC.put(LogIds.RUN, ref.org() + "/" + ref.connectionId() + "#" + start.runId());
        try (MirrorSink sink = new MirrorSink(ref, start, mirror, history, gate, cancellation, workingSets, clock, json,
                meters.forRun(connection.connectorId()))) {
            running.put(ref, sink);
            LOG.info("{}: {} sync run {} started", ref, start.mode().name().toLowerCase(java.util.Locale.ROOT), start.runId());
            SyncRun end = read(c, connection, from, sink, cancellation);
            LOG.info("{}: run {} {}: {} ({} emitted){}", ref, end.runId(), end.result(), end.counts(), sink.recordsEmitted(),
                    end.error() == null ? "" : " " + end.error().kind() + ": " + end.error().message());
            meters.ended(connection.connectorId(), end);
            return end;
        } finally {
            running.remove(ref);
            MDC.remove(LogIds.RUN);
        }
    }

    private SyncRun read(LoadedConnector c, SyncConnection connection, SyncState from, MirrorSink sink, Cancellation cancel) {
        try (BudgetLedger.CallMeter meter = budgets.meter(connection.ref(), connection.budget(),
                c.descriptor().requestQuota(), true)) {
            ConnectorContext context = contexts.forCall(c, connection.ref().toString(), connection.credentials(), cancel, meter);
            c.call(() -> {
                try (SyncSource source = c.connector().openSync(connection.credentials(), context)) {
                    source.read(from, sink);
                }
                return null;
            });
            return sink.finish(SyncRun.Result.SUCCEEDED, null);
        } catch (ConnectorException e) {
            if (cancel.isRequested()) {
                return sink.finish(SyncRun.Result.CANCELLED, null);
            }
            if (e.quotaResetsAt().isPresent()) {
                return sink.finish(SyncRun.Result.BUDGET_SPENT, new SyncRun.RunError(e.kind(), e.getMessage(),
                        Duration.between(clock.instant(), endDay(connection, e.quotaResetsAt().get())).toSeconds()));
            }
            return sink.finish(SyncRun.Result.FAILED, new SyncRun.RunError(e.kind(), e.getMessage(),
                    e.retryAfter().map(Duration::toSeconds).orElse(null)));
        } catch (ServiceUnavailableException e) {
            // The host's own store failed under the run (a full disk): a passing fault, logged once by the store.
            return sink.finish(SyncRun.Result.FAILED, new SyncRun.RunError(ErrorKind.TRANSIENT, e.getMessage()));
        } catch (Exception | LinkageError e) {
            LOG.error("{}: the {} plugin failed unexpectedly", connection.ref(), c.id(), e);
            return sink.finish(SyncRun.Result.FAILED, new SyncRun.RunError(ErrorKind.INTERNAL,
                    "the connector failed unexpectedly (" + e.getClass().getSimpleName() + "); see the server log"));
        }
    }

    /**
     * A daily quota is spent: the connection's budget (or what is left of it is too little to go on), or the ATS's own.
     * Either way the connection's budget day ends, so nothing asks the ATS for more until the reset.
     *
     * @return when the next run may start: after the budget's reset and the ATS's
     */
    private Instant endDay(SyncConnection connection, Instant quotaResets) {
        Instant resume = quotaResets;
        if (connection.budget().isPresent()) {
            DailyBudget budget = connection.budget().get();
            budgets.endDay(connection.ref(), budget);
            Instant reset = budgets.today(connection.ref(), budget).resetsAt();
            resume = reset.isAfter(resume) ? reset : resume;
        }
        return resume;
    }
}
