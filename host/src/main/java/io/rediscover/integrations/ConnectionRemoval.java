package io.rediscover.integrations;

import io.rediscover.budget.BudgetLedger;
import io.rediscover.documents.ResumeTexts;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pipeline.Pipeline;
import io.rediscover.store.TempIdSet;
import io.rediscover.store.WorkingSets;
import io.rediscover.sync.RunHistory;
import io.rediscover.sync.SyncRunner;
import io.rediscover.sync.SyncScheduler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Removes a connection with everything derived from it: its sync is stopped, then what the pipeline waits for and what
 * its stages derived (index entries), its mirror records, sync state, run history, request count and the org's resume
 * files nothing refers to any more (with their texts) are deleted, in bounded commits, and finally the connection
 * itself. The connection is marked REMOVING first (and
 * committed), so a crash halfway leaves it REMOVING and the removal resumes at the next start: nothing is left behind.
 */
@Singleton
public final class ConnectionRemoval implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRemoval.class);
    static final int BATCH = 5_000;

    private final ConnectionStore connections;
    private final SyncScheduler scheduler;
    private final SyncRunner runner;
    private final MirrorStore mirror;
    private final RunHistory history;
    private final WorkingSets workingSets;
    private final Pipeline pipeline;
    private final ResumeTexts resumeTexts;
    private final BudgetLedger budgets;
    private ExecutorService worker;

    /**
     * @param connections stored connections
     * @param scheduler   stops the connection's sync
     * @param runner      tells whether a run is still going
     * @param mirror      the mirror
     * @param history     the run history
     * @param workingSets temp-file sets for the resume-file sweep
     * @param pipeline    drops the connection's waiting candidates and derived data
     * @param resumeTexts the texts of the resume files, which go with their files
     * @param budgets     forgets the connection's request count
     */
    @Inject
    public ConnectionRemoval(ConnectionStore connections, SyncScheduler scheduler, SyncRunner runner, MirrorStore mirror,
                             RunHistory history, WorkingSets workingSets, Pipeline pipeline, ResumeTexts resumeTexts,
                             BudgetLedger budgets) {
        this.connections = connections;
        this.scheduler = scheduler;
        this.runner = runner;
        this.mirror = mirror;
        this.history = history;
        this.workingSets = workingSets;
        this.pipeline = pipeline;
        this.resumeTexts = resumeTexts;
        this.budgets = budgets;
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadExecutor(DaemonThreads.named("connection-removal"));
        try (Stream<Connection> all = connections.all()) {
            all.filter(c -> c.status() == Connection.Status.REMOVING).toList()
                    .forEach(c -> worker.execute(() -> purge(new ConnectionRef(c.org(), c.id()))));
        }
    }

    @Override
    public void stop() throws InterruptedException {
        DaemonThreads.stopNow(worker, 30);
    }

    @Override
    public String name() {
        return "connection removal";
    }

    /** @param c a connection to remove; it is REMOVING when this returns, and gone once its data is */
    public void remove(Connection c) {
        ConnectionRef ref = new ConnectionRef(c.org(), c.id());
        connections.setStatus(ref, Connection.Status.REMOVING, null, null);
        scheduler.cancel(ref);
        worker.execute(() -> purge(ref));
    }

    private void purge(ConnectionRef ref) {
        try {
            // A run that started just before the mark may still be writing: wait for it, then delete; again if one
            // slipped in meanwhile.
            do {
                awaitNoRun(ref);
                pipeline.discard(ref);
                long records = mirror.removeConnection(ref, BATCH);
                history.removeConnection(ref, BATCH);
                LOG.info("{}: removed {} mirrored record(s) and the run history", ref, records);
            } while (runner.current(ref).isPresent() || mirror.state(ref).isPresent() || !history.latest(ref, 1).isEmpty());
            try (TempIdSet referenced = workingSets.newIdSet("resume-sweep")) {
                long files = mirror.sweepBlobs(ref.org(), referenced, BATCH);
                long texts = resumeTexts.sweep(ref.org(), BATCH);
                LOG.info("{}: removed {} resume file(s) no other record refers to, and {} text(s) of them", ref, files, texts);
            }
            budgets.forget(ref);
            connections.delete(ref);
            LOG.info("{}: removed", ref);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: resumes at the next start
        } catch (RuntimeException e) {
            LOG.error("{}: removal failed; it resumes at the next start", ref, e);
        }
    }

    private void awaitNoRun(ConnectionRef ref) throws InterruptedException {
        while (runner.current(ref).isPresent()) {
            scheduler.cancel(ref);
            Thread.sleep(200);
        }
    }
}
