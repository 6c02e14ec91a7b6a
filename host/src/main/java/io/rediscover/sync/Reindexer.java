package io.rediscover.sync;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorListener;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.sync.RecordKind;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Rebuilds everything derived from the mirror by handing every candidate of every connection to the
 * {@link MirrorListener}s — the same path a sync uses after each commit — in batches, with progress. One reindex at a
 * time.
 */
@Singleton
public final class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);
    static final int BATCH = 1_000;

    private final SyncConnections connections;
    private final MirrorStore mirror;
    private final Set<MirrorListener> listeners;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>();

    /**
     * @param connections which connections exist
     * @param mirror      the mirror
     * @param listeners   what is rebuilt
     */
    @Inject
    public Reindexer(SyncConnections connections, MirrorStore mirror, Set<MirrorListener> listeners, Clock clock) {
        this.clock = clock;
        this.connections = connections;
        this.mirror = mirror;
        this.listeners = listeners;
    }

    /**
     * @param running   whether a reindex is going on
     * @param done      candidates handed on
     * @param total     candidates to hand on (live and deleted)
     * @param startedAt start
     * @param endedAt   end, or null
     */
    public record Progress(boolean running, long done, long total, Instant startedAt, Instant endedAt) {
    }

    /** @return the current or last reindex, if any */
    public java.util.Optional<Progress> progress() {
        return java.util.Optional.ofNullable(progress.get());
    }

    /**
     * Runs a reindex in the calling thread.
     *
     * @param each called after every batch with the progress so far
     * @return the final progress
     * @throws IllegalStateException when a reindex is already running
     */
    public Progress reindex(java.util.function.Consumer<Progress> each) {
        List<ConnectionRef> refs = connections.active();
        long total = refs.stream().mapToLong(r -> {
            var c = mirror.counts(r);
            return c.live().get(RecordKind.CANDIDATE) + c.tombstones().get(RecordKind.CANDIDATE);
        }).sum();
        Progress start = new Progress(true, 0, total, clock.instant(), null);
        Progress current = progress.get();
        if (current != null && current.running() || !progress.compareAndSet(current, start)) {
            throw new IllegalStateException("a reindex is already running");
        }
        long done = 0;
        try {
            for (ConnectionRef ref : refs) {
                List<String> batch = new ArrayList<>(BATCH);
                try (Stream<String> ids = mirror.records(ref, RecordKind.CANDIDATE).map(r -> r.externalId())) {
                    for (String id : (Iterable<String>) ids::iterator) {
                        batch.add(id);
                        if (batch.size() == BATCH) {
                            done += handOn(ref, batch);
                            each.accept(update(done, total));
                        }
                    }
                }
                done += handOn(ref, batch);
                each.accept(update(done, total));
            }
        } finally {
            Progress end = new Progress(false, done, total, start.startedAt(), clock.instant());
            progress.set(end);
            LOG.info("reindex handed on {} candidate(s) of {} connection(s)", done, refs.size());
        }
        return progress.get();
    }

    private Progress update(long done, long total) {
        Progress p = new Progress(true, done, total, progress.get().startedAt(), null);
        progress.set(p);
        return p;
    }

    private long handOn(ConnectionRef ref, List<String> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Set<String> ids = new LinkedHashSet<>(batch);
        listeners.forEach(l -> l.changed(ref, ids));
        int n = batch.size();
        batch.clear();
        return n;
    }
}
