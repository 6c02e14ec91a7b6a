package io.rediscover.sync;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The run history and per-record failures of every connection, in the store. Newest runs first on read. */
@Singleton
public final class RunHistory {

    private final Store store;
    private final StoreMap<SyncRun> runs;
    private final StoreMap<RunFailure> failures;
    private final StoreMap<Long> sequence;

    /** @param store the system of record */
    @Inject
    public RunHistory(Store store) {
        this.store = store;
        this.runs = store.map("sync.runs", SyncRun.class);
        this.failures = store.map("sync.failures", RunFailure.class);
        this.sequence = store.map("sync.run-sequence", Long.class);
    }

    /** @param ref a connection @return its next run id (committed, so ids never repeat after a crash) */
    synchronized String nextRunId(ConnectionRef ref) {
        String key = ref.org() + "/" + ref.connectionId();
        long next = sequence.get(key).orElse(0L) + 1;
        store.write(b -> b.put(sequence, key, next));
        return String.format("%012d", next);
    }

    /**
     * Forgets a removed connection's runs, failures and run ids.
     *
     * @param ref       the connection
     * @param batchSize keys per commit
     */
    public void removeConnection(ConnectionRef ref, int batchSize) {
        store.removeAll(failures, ref.prefix(), batchSize);
        store.removeAll(runs, ref.prefix(), batchSize);
        store.write(b -> b.remove(sequence, ref.org() + "/" + ref.connectionId()));
    }

    static String runKey(ConnectionRef ref, String runId) {
        return ref.prefix() + runId;
    }

    /** Adds the run's current record to a batch. */
    void put(Store.Batch batch, ConnectionRef ref, SyncRun run) {
        batch.put(runs, runKey(ref, run.runId()), run);
    }

    /** Adds a failure to a batch. */
    void put(Store.Batch batch, ConnectionRef ref, RunFailure f) {
        batch.put(failures, runKey(ref, f.runId()) + "/" + f.kind().name().toLowerCase(java.util.Locale.ROOT) + "/"
                + f.externalId().replace("/", "%2F"), f);
    }

    /** Writes the run record alone. */
    void save(ConnectionRef ref, SyncRun run) {
        store.write(b -> put(b, ref, run));
    }

    /**
     * @param ref   a connection
     * @param limit how many
     * @return its newest runs, newest first
     */
    public List<SyncRun> latest(ConnectionRef ref, int limit) {
        ArrayDeque<SyncRun> newest = new ArrayDeque<>();
        try (Stream<Map.Entry<String, SyncRun>> all = runs.scan(ref.prefix())) {
            all.forEach(e -> {
                newest.addFirst(e.getValue());
                if (newest.size() > limit) {
                    newest.removeLast();
                }
            });
        }
        return List.copyOf(newest);
    }

    /** @param ref a connection @param runId a run id @return that run, if it is one of the connection's */
    public Optional<SyncRun> run(ConnectionRef ref, String runId) {
        return runs.get(runKey(ref, runId));
    }

    /** @param ref a connection @return its newest run that succeeded, if any (reads every run of the connection) */
    public Optional<SyncRun> latestSucceeded(ConnectionRef ref) {
        try (Stream<Map.Entry<String, SyncRun>> all = runs.scan(ref.prefix())) {
            return all.map(Map.Entry::getValue).filter(r -> r.result() == SyncRun.Result.SUCCEEDED)
                    .reduce((older, newer) -> newer);
        }
    }

    /** @param ref a connection @return whether any of its runs succeeded (its first full download is complete) */
    public boolean anySucceeded(ConnectionRef ref) {
        try (Stream<Map.Entry<String, SyncRun>> all = runs.scan(ref.prefix())) {
            return all.anyMatch(e -> e.getValue().result() == SyncRun.Result.SUCCEEDED);
        }
    }

    /** @param ref a connection @return every run still marked running (interrupted by a crash when found at start) */
    public List<SyncRun> running(ConnectionRef ref) {
        try (Stream<Map.Entry<String, SyncRun>> all = runs.scan(ref.prefix())) {
            return all.map(Map.Entry::getValue).filter(r -> r.result() == SyncRun.Result.RUNNING).toList();
        }
    }

    /**
     * @param ref   a connection
     * @param runId a run
     * @param limit how many
     * @return the run's failures
     */
    public List<RunFailure> failures(ConnectionRef ref, String runId, int limit) {
        try (Stream<Map.Entry<String, RunFailure>> all = failures.scan(runKey(ref, runId) + "/")) {
            return all.limit(limit).map(Map.Entry::getValue).toList();
        }
    }
}
