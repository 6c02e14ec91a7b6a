package io.rediscover.matching;

import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.BackgroundWorker;
import io.rediscover.lifecycle.Managed;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.Outbox;
import io.rediscover.profiles.ProfileChanges;
import io.rediscover.store.Store;
import io.rediscover.store.StoreWatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches candidates again when the corpus changes under them. Drains the profiles' re-matching journal
 * ({@link ProfileChanges}) oldest first: for each added or changed profile, the candidates matched to it and those that
 * looked up one of its blocking keys (before or after the change) go back into the mirror's outbox with a new version,
 * so the whole pipeline — matching, then the index — sees them again; the journal entries are acknowledged in the same
 * commit, so a crash neither loses a change nor enqueues one twice. Waits while the store pauses and while the outbox
 * is at {@code pipeline.maxBacklog}.
 */
@Singleton
public final class Rematcher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Rematcher.class);
    /** Journal entries per commit. */
    static final int BATCH = 500;
    private static final long IDLE_MILLIS = 1_000;

    private final Store store;
    private final ProfileChanges changes;
    private final Matches matches;
    private final Outbox outbox;
    private final BackgroundWorker worker;

    /**
     * @param store   the system of record
     * @param changes the re-matching journal
     * @param matches who matched or looked up what
     * @param outbox  where candidates go back into the pipeline
     * @param watch   pauses while the store is down or the disk nearly full
     * @param config  the backlog bound
     */
    @Inject
    public Rematcher(Store store, ProfileChanges changes, Matches matches, Outbox outbox, StoreWatch watch, HostConfig config) {
        this.store = store;
        this.changes = changes;
        this.matches = matches;
        this.outbox = outbox;
        long maxBacklog = config.pipeline().maxBacklog();
        // waits while the pipeline's backlog is full: the candidates it would enqueue could not be taken
        this.worker = new BackgroundWorker("rematch", "re-matching after profile changes failed",
                () -> watch.pauseReason().or(() -> outbox.size() >= maxBacklog
                        ? Optional.of("the pipeline's backlog is full") : Optional.empty()),
                Duration.ofMillis(IDLE_MILLIS), this::drainOnce);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() throws InterruptedException {
        worker.stop();
    }

    @Override
    public String name() {
        return "rematch";
    }

    /**
     * Handles one batch of journal entries.
     *
     * @return whether there was any
     */
    boolean drainOnce() {
        List<ProfileChanges.Change> batch = pending();
        if (batch.isEmpty()) {
            return false;
        }
        Map<ConnectionRef, Set<String>> concerned = new LinkedHashMap<>();
        for (ProfileChanges.Change change : batch) {
            matches.matchedTo(change.profileId()).forEach(c -> concerned.computeIfAbsent(c.ref(), r -> new LinkedHashSet<>())
                    .add(c.candidateId()));
            for (String key : change.keys()) {
                matches.lookedUp(key).forEach(c -> concerned.computeIfAbsent(c.ref(), r -> new LinkedHashSet<>())
                        .add(c.candidateId()));
            }
        }
        List<Long> handled = batch.stream().map(ProfileChanges.Change::sequence).toList();
        store.write(b -> {
            concerned.forEach((ref, ids) -> outbox.enqueue(b, ref, ids));
            acknowledge(b, handled);
        });
        if (!concerned.isEmpty()) {
            outbox.signal();
            LOG.debug("{} profile change(s): {} candidate(s) to match again", batch.size(),
                    concerned.values().stream().mapToInt(Set::size).sum());
        }
        return true;
    }

    // The journal is read and acknowledged only here, as its MATCHER reader.
    private List<ProfileChanges.Change> pending() {
        return changes.pending(ProfileChanges.Reader.MATCHER, BATCH);
    }

    private void acknowledge(Store.Batch b, Collection<Long> sequences) {
        changes.ack(b, ProfileChanges.Reader.MATCHER, sequences);
    }
}
