package io.rediscover.pipeline;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.Outbox;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.stage.PipelineStage;
import io.rediscover.store.Store;
import io.rediscover.sync.SyncConnections;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Rebuilds everything derived from the mirror the way every change reaches it: by putting every candidate of every
 * connection (live and deleted) into the {@link Outbox} with a new version, in bounded commits, and letting the
 * {@link Pipeline} drain it. One reindex at a time; its progress counts the candidates enqueued, the pipeline's status
 * how far the stages are.
 */
@Singleton
public final class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);
    static final int BATCH = 1_000;

    private final SyncConnections connections;
    private final MirrorStore mirror;
    private final Outbox outbox;
    private final Store store;
    private final Clock clock;
    private final Set<PipelineStage> stages;
    private final AtomicReference<Progress> progress = new AtomicReference<>();

    /**
     * @param connections which connections exist
     * @param mirror      the mirror
     * @param outbox      where the candidates go
     * @param store       the store
     * @param clock       the host's clock
     * @param stages      told that a reindex begins
     */
    @Inject
    public Reindexer(SyncConnections connections, MirrorStore mirror, Outbox outbox, Store store, Clock clock,
                     Set<PipelineStage> stages) {
        this.connections = connections;
        this.mirror = mirror;
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
        this.stages = stages;
    }

    /**
     * @param running   whether candidates are still being enqueued
     * @param done      candidates enqueued
     * @param total     candidates to enqueue (live and deleted)
     * @param startedAt start
     * @param endedAt   end of enqueueing, or null
     * @param backlog   candidates the pipeline has still to process (all reasons)
     */
    public record Progress(boolean running, long done, long total, Instant startedAt, Instant endedAt, long backlog) {
    }

    /** @return the current or last reindex, if any, with the pipeline's backlog now */
    public Optional<Progress> progress() {
        Progress p = progress.get();
        return p == null ? Optional.empty()
                : Optional.of(new Progress(p.running(), p.done(), p.total(), p.startedAt(), p.endedAt(), outbox.size()));
    }

    /**
     * Enqueues every candidate, in the calling thread.
     *
     * @param each called after every batch with the progress so far
     * @return the final progress
     * @throws IllegalStateException when a reindex is already running
     */
    public Progress reindex(Consumer<Progress> each) {
        return reindex(ref -> true, each);
    }

    /**
     * Enqueues every candidate of some connections, in the calling thread.
     *
     * @param which the connections to enqueue
     * @param each  called after every batch with the progress so far
     * @return the final progress
     * @throws IllegalStateException when a reindex is already running
     */
    public Progress reindex(Predicate<ConnectionRef> which, Consumer<Progress> each) {
        List<ConnectionRef> refs = connections.active().stream().filter(which).toList();
        long total = refs.stream().mapToLong(r -> {
            var c = mirror.counts(r);
            return c.live().get(RecordKind.CANDIDATE) + c.tombstones().get(RecordKind.CANDIDATE);
        }).sum();
        Progress start = new Progress(true, 0, total, clock.instant(), null, outbox.size());
        Progress current = progress.get();
        if (current != null && current.running() || !progress.compareAndSet(current, start)) {
            throw new IllegalStateException("a reindex is already running");
        }
        long done = 0;
        try {
            stages.forEach(PipelineStage::reindexing);
            for (ConnectionRef ref : refs) {
                List<String> batch = new ArrayList<>(BATCH);
                try (Stream<String> ids = mirror.records(ref, RecordKind.CANDIDATE).map(MirrorRecord::externalId)) {
                    for (String id : (Iterable<String>) ids::iterator) {
                        batch.add(id);
                        if (batch.size() == BATCH) {
                            done += enqueue(ref, batch);
                            each.accept(update(done, total));
                        }
                    }
                }
                done += enqueue(ref, batch);
                each.accept(update(done, total));
            }
        } finally {
            progress.set(new Progress(false, done, total, start.startedAt(), clock.instant(), outbox.size()));
            LOG.info("reindex: {} candidate(s) of {} connection(s) handed to the pipeline", done, refs.size());
        }
        return progress.get();
    }

    private Progress update(long done, long total) {
        Progress p = new Progress(true, done, total, progress.get().startedAt(), null, outbox.size());
        progress.set(p);
        return p;
    }

    private long enqueue(ConnectionRef ref, List<String> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<String> ids = List.copyOf(batch);
        store.write(b -> outbox.enqueue(b, ref, ids));
        outbox.signal();
        batch.clear();
        return ids.size();
    }
}
