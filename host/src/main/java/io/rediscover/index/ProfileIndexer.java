package io.rediscover.index;

import io.rediscover.lifecycle.BackgroundWorker;
import io.rediscover.lifecycle.Managed;
import io.rediscover.profiles.Profile;
import io.rediscover.profiles.ProfileChanges;
import io.rediscover.profiles.ProfileStore;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import io.rediscover.store.StoreWatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Feeds the public-profile index ({@link Indexes#profiles()}) from the corpus, on a thread of its own, two ways:
 * <ul>
 *   <li><b>Changes</b>: it drains the profile journal as its {@link ProfileChanges.Reader#INDEX INDEX} reader, in
 *       batches — each changed profile's document is replaced (delete by key, add), in one index commit per batch — and
 *       acknowledges the batch only after the index commit, so a crash in between indexes the batch again, which is
 *       harmless.</li>
 *   <li><b>Rebuild</b>: when the index is new (first start, deleted, or re-created for changed fields), when this
 *       installation never fed it, and on {@code reindex}, it clears the index and streams the whole corpus into it in id
 *       order (never all in memory), holding publication back meanwhile (searches see the last published index), then
 *       passes the journal up to where the rebuild began. The rebuild's state is in the store, updated with every batch:
 *       a restart resumes it after the last profile written.</li>
 * </ul>
 * Progress is in {@link #status()} (the pipeline status API) and, for a rebuild, in the log with the rate and an ETA.
 */
@Singleton
public final class ProfileIndexer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileIndexer.class);
    /** Changes per index commit. */
    static final int DRAIN_BATCH = 1_000;
    /** Profiles per index commit during a rebuild. */
    static final int REBUILD_BATCH = 5_000;
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final String RUNNING = "running";
    private static final String LAST = "last";

    private final Indexes indexes;
    private final ProfileStore profiles;
    private final ProfileChanges changes;
    private final Store store;
    private final Clock clock;
    private final StoreMap<Rebuild> rebuilds;
    private final Object work = new Object();
    private volatile long processed;
    private volatile Instant lastBatchAt;
    private volatile Meter meter;
    private long lastLogNanos;
    private final BackgroundWorker worker;

    /**
     * @param indexes  the collections
     * @param profiles the corpus
     * @param changes  the journal of profile changes
     * @param store    the system of record (the rebuild's state)
     * @param watch    pauses feeding while the store is down or the disk nearly full
     * @param clock    the host's clock
     */
    @Inject
    public ProfileIndexer(Indexes indexes, ProfileStore profiles, ProfileChanges changes, Store store, StoreWatch watch,
                          Clock clock) {
        this.indexes = indexes;
        this.profiles = profiles;
        this.changes = changes;
        this.store = store;
        this.clock = clock;
        this.rebuilds = store.map("index.profileRebuild", Rebuild.class);
        this.worker = new BackgroundWorker("profile-indexer", "indexing public profiles failed", watch::pauseReason,
                Duration.ofMillis(500), this::workOnce);
    }

    /**
     * A rebuild, as stored.
     *
     * @param through   the journal's newest change when it began: the rebuild passes the journal up to it
     * @param after     the id of the last profile written, or null before the first
     * @param done      profiles written
     * @param total     profiles in the corpus when it began (an estimate: imports may run meanwhile)
     * @param startedAt when it began
     * @param endedAt   when it ended, or null while it runs
     */
    public record Rebuild(long through, String after, long done, long total, Instant startedAt, Instant endedAt) {
    }

    /**
     * The rebuild's progress.
     *
     * @param running      whether it runs
     * @param done         profiles written
     * @param total        profiles to write (an estimate)
     * @param perSecond    profiles per second since this process (re)started it, or 0
     * @param etaSeconds   time left at that rate, or null when unknown
     * @param startedAt    when it began
     * @param endedAt      when it ended, or null
     */
    public record RebuildStatus(boolean running, long done, long total, double perSecond, Long etaSeconds,
                                Instant startedAt, Instant endedAt) {
    }

    /**
     * How far the public-profile index is behind the corpus.
     *
     * @param documents        documents searches see (published)
     * @param pending          profile changes not indexed yet
     * @param oldestAgeSeconds how long the oldest of them has waited, or null
     * @param processed        changes indexed since the server started
     * @param lastBatchAt      when the last batch was committed, or null
     * @param waitingFor       why feeding waits (store down, disk full, an index failure), or null
     * @param rebuild          the running or last rebuild, or null when none ever ran
     */
    public record Status(long documents, long pending, Long oldestAgeSeconds, long processed, Instant lastBatchAt,
                         String waitingFor, RebuildStatus rebuild) {
    }

    /** Profiles per second over the rebuild's run in this process. */
    private record Meter(long startDone, long startNanos) {
        double perSecond(long done) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return seconds < 1 ? 0 : (done - startDone) / seconds;
        }
    }

    @Override
    public void start() {
        OrgIndex index = indexes.profiles();
        if (index.created() || rebuilds.get(RUNNING).isEmpty() && rebuilds.get(LAST).isEmpty()) {
            LOG.info("the public-profile index is {}: rebuilding it from the corpus ({} profile(s))",
                    index.created() ? "new" : "not yet fed by this release", profiles.count());
            begin();
        }
        worker.start();
    }

    @Override
    public void stop() throws InterruptedException {
        worker.stop();
    }

    @Override
    public String name() {
        return "profile indexer";
    }

    /**
     * Asks for a rebuild from the whole corpus (reindex); it starts at once, on the indexer's thread. A rebuild that is
     * running starts over.
     */
    public void rebuild() {
        synchronized (work) {
            begin();
        }
        worker.wake();
    }

    private void begin() {
        Rebuild r = new Rebuild(changes.last(), null, 0, profiles.count(), clock.instant(), null);
        store.write(b -> b.put(rebuilds, RUNNING, r));
        meter = null;
    }

    /** Wakes the indexer (an import committed changes; tests). */
    public void wake() {
        worker.wake();
    }

    /**
     * Does one batch: of the rebuild while one runs, else of the journal.
     *
     * @return whether there was anything to do
     */
    boolean workOnce() {
        synchronized (work) {
            Optional<Rebuild> rebuild = rebuilds.get(RUNNING);
            boolean did = rebuild.isPresent() ? rebuildBatch(rebuild.get()) : drainBatch();
            worker.waitingFor(null);
            return did;
        }
    }

    private boolean drainBatch() {
        List<ProfileChanges.Change> batch = changes.pending(ProfileChanges.Reader.INDEX, DRAIN_BATCH);
        if (batch.isEmpty()) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<Profile>> latest = new LinkedHashMap<>();
        batch.forEach(c -> latest.put(c.profileId(), profiles.get(c.profileId())));
        List<IndexedCandidate> upserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        latest.forEach((id, p) -> {
            if (p.isPresent()) {
                upserts.add(ProfileFields.document(p.get(), today));
            } else {
                deletes.add(ProfileFields.key(id));
            }
        });
        indexes.profiles().write(upserts, deletes);
        List<Long> sequences = batch.stream().map(ProfileChanges.Change::sequence).toList();
        store.write(b -> changes.ack(b, ProfileChanges.Reader.INDEX, sequences));
        processed += batch.size();
        lastBatchAt = clock.instant();
        return true;
    }

    private boolean rebuildBatch(Rebuild r) {
        OrgIndex index = indexes.profiles();
        index.holdPublication(true);
        if (r.after() == null && r.done() == 0) {
            index.clear();
        }
        if (meter == null) {
            meter = new Meter(r.done(), System.nanoTime());
            LOG.info("public-profile index rebuild {}: {} of about {} profile(s) written", r.done() == 0 ? "starts" : "resumes",
                    r.done(), r.total());
        }
        LocalDate today = LocalDate.now(clock);
        List<IndexedCandidate> docs = new ArrayList<>(REBUILD_BATCH);
        try (Stream<Profile> all = r.after() == null ? profiles.all() : profiles.allAfter(r.after())) {
            // a stopping host cuts the batch short: what was read is written with its position, the rest resumes later
            all.limit(REBUILD_BATCH).takeWhile(p -> worker.running()).forEach(p -> docs.add(ProfileFields.document(p, today)));
        }
        if (docs.isEmpty() && !worker.running()) {
            return false;
        }
        if (docs.isEmpty()) {
            finish(index, r);
            return true;
        }
        if (r.after() == null) {
            index.append(docs);
        } else {
            // after a restart the batch after the stored position may be in the index already
            index.write(docs, List.of());
        }
        Rebuild next = new Rebuild(r.through(), docs.get(docs.size() - 1).externalId(), r.done() + docs.size(),
                Math.max(r.total(), r.done() + docs.size()), r.startedAt(), null);
        boolean first = r.after() == null;
        store.write(b -> b.compute(rebuilds, RUNNING, now -> now != null && now.startedAt().equals(r.startedAt()) ? next : now));
        lastBatchAt = clock.instant();
        if (first || Duration.ofNanos(System.nanoTime() - lastLogNanos).compareTo(LOG_EVERY) >= 0) {
            lastLogNanos = System.nanoTime();
            RebuildStatus s = status(next, true);
            LOG.info("public-profile index rebuild: {} of about {} profile(s) ({}%), {} profiles/s, ETA {}", s.done(),
                    s.total(), s.total() == 0 ? 100 : s.done() * 100 / s.total(), Math.round(s.perSecond()),
                    s.etaSeconds() == null ? "unknown" : Duration.ofSeconds(s.etaSeconds()));
        }
        return true;
    }

    private void finish(OrgIndex index, Rebuild r) {
        Rebuild ended = new Rebuild(r.through(), r.after(), r.done(), r.done(), r.startedAt(), clock.instant());
        store.write(b -> {
            changes.pass(b, ProfileChanges.Reader.INDEX, r.through());
            b.remove(rebuilds, RUNNING);
            b.put(rebuilds, LAST, ended);
        });
        index.holdPublication(false);
        index.publishDue(Long.MAX_VALUE, 0);
        double rate = meter == null ? 0 : meter.perSecond(r.done());
        meter = null;
        LOG.info("public-profile index rebuilt: {} profile(s) in {} ({} profiles/s in this run); {} change(s) since it began"
                        + " follow", r.done(), Duration.between(r.startedAt(), ended.endedAt()).withNanos(0), Math.round(rate),
                changes.size(ProfileChanges.Reader.INDEX));
    }

    private RebuildStatus status(Rebuild r, boolean running) {
        Meter m = meter;
        double rate = running && m != null ? m.perSecond(r.done()) : 0;
        Long eta = running && rate > 0 ? Math.round(Math.max(0, r.total() - r.done()) / rate) : null;
        return new RebuildStatus(running, r.done(), r.total(), Math.round(rate * 10) / 10.0, eta, r.startedAt(), r.endedAt());
    }

    /** @return how far the public-profile index is behind the corpus, and the rebuild's progress */
    public Status status() {
        Optional<Rebuild> run = rebuilds.get(RUNNING);
        RebuildStatus rebuild = run.map(r -> status(r, true)).orElseGet(() -> rebuilds.get(LAST).map(r -> status(r, false))
                .orElse(null));
        Long oldest = changes.pending(ProfileChanges.Reader.INDEX, 1).stream().findFirst()
                .map(c -> Math.max(0, Duration.between(c.at(), clock.instant()).toSeconds())).orElse(null);
        return new Status(indexes.profiles().publishedDocuments(), changes.size(ProfileChanges.Reader.INDEX), oldest,
                processed, lastBatchAt, worker.waitingFor(), rebuild);
    }

    /** @return whether nothing waits: no rebuild runs and the journal holds nothing for the index */
    public boolean idle() {
        return rebuilds.get(RUNNING).isEmpty() && changes.size(ProfileChanges.Reader.INDEX) == 0;
    }
}
