package io.rediscover.index;

import io.indextables.tantivy4java.core.Document;
import io.indextables.tantivy4java.core.Searcher;
import io.indextables.tantivy4java.split.SplitCacheManager;
import io.rediscover.lifecycle.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One shard of a collection: a Tantivy index that every write goes to, and what readers see of it. Counts, facets and
 * insights read splits (tantivy4java aggregates only on splits, stack-notes.md), and making a split of a large index
 * takes seconds: so besides the split of the whole shard, made now and then, a shard keeps its recent changes in a
 * small second index whose split takes milliseconds, and readers read the whole split without the documents the recent
 * changes replaced or deleted (a mask of their keys), plus the small split; ranked hits come from a reader of the
 * whole index at the same commit.
 *
 * <p>Once the recent changes reach {@link #RECENT_MAX} keys, or have waited {@link #FOLD_IDLE_MILLIS} without a new
 * write, they are folded into a new split of the whole shard in the background: the whole index's last commit is
 * snapshotted (hard links), new changes start a new recent index, and the snapshot is merged and split while writes
 * and their publications go on; meanwhile readers read three layers (the old whole split, the folded changes, the new
 * ones), each without what the newer ones replaced. A rebuild, a connection's removal, or more than
 * {@link #RECENT_LIMIT} recent changes are published with a split of the whole shard made in place.
 *
 * <p>A fold merges the snapshot into one segment, so that the whole split's terms aggregations list its most frequent
 * values exactly at the length asked ({@link SplitPart#segmentListSize}) and pay their per-segment cost once. A whole
 * split made in place keeps the index's segments (writes wait while it is made); when it has several, the shard is
 * folded (compacted) once writes have paused for {@link #FOLD_IDLE_MILLIS}, recent changes or not.
 */
final class Shard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Shard.class);
    /** Folds run one at a time, beside the publisher (which goes on publishing recent changes meanwhile). */
    private static final ExecutorService FOLDS = Executors.newSingleThreadExecutor(DaemonThreads.named("index-fold"));

    /** Recent changes folded into a new split of the whole shard (in the background) once they are this many. */
    static final int RECENT_MAX = 10_000;
    /** Recent changes that would outgrow this while a fold runs are published with a whole split made in place. */
    static final int RECENT_LIMIT = 5 * RECENT_MAX;
    /** Recent changes that have waited this long without a new write are folded. */
    static final long FOLD_IDLE_MILLIS = 60_000;
    private static final int WHOLE_WRITER_HEAP = 64 * 1024 * 1024;
    /** The recent changes' writer holds a few documents at a time: Tantivy's least. */
    private static final int RECENT_WRITER_HEAP = 15 * 1024 * 1024;
    /** Readers of the whole index per publication: as many requests at once read ranked hits without waiting. */
    private static final int RANKED_READERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Path dir;
    private final String name;
    private final CandidateFields fields;
    private final SplitCacheManager cache;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock publishLock = new ReentrantLock();
    private final WritableIndex whole;
    // guarded by writeLock:
    private WritableIndex recent; // a copy of the changes since the whole split (and since the folded ones)
    private Path recentDir; // where it is
    private final Set<String> recentKeys = new HashSet<>();
    private Folded folded; // recent changes being folded into a new whole split, or null
    private boolean recentOverflow; // changes the recent index does not hold: the whole shard is split in place
    private SplitFile wholeSplit; // the last split of the whole shard (shared by publications)
    private Future<?> fold; // the running fold, if any
    private volatile int recentCount; // recentKeys.size(), for publishDue without the lock
    private volatile boolean folding;
    private volatile boolean wholeSplitSegmented; // the whole split was made in place of several segments
    private volatile boolean dirty;
    private volatile long dirtySinceMillis;
    private volatile long lastWriteMillis;
    private volatile long publishedAtMillis;
    private volatile long wholePublishedAtMillis;
    private volatile long wholePublishTookMillis;
    private volatile Publication published;
    private volatile long generation; // numbers each publication's files; changed under writeLock
    /**
     * The generation readers can read: set only once its publication is swapped in. A reader that saw a new
     * generation before its publication was readable (the split is made after the number is taken) would read the
     * previous publication and file what it found under the new number — a filter that publication first holds values
     * for stayed unoffered until the next publication.
     */
    private volatile long readableGeneration;

    /** Recent changes being folded: their index, keys, and last split (which readers read until the fold ends). */
    private record Folded(WritableIndex index, Set<String> keys, SplitFile split) {

        /** Closes its index and lets go of its split (publications still reading it keep theirs). */
        void release() {
            index.close();
            if (split != null) {
                split.release();
            }
        }
    }

    /**
     * Opens (or creates) the shard in {@code dir} and publishes what it holds.
     *
     * @param dir    the shard's directory
     * @param name   for logs and split ids
     * @param fields the index's fields (a new directory is created with them)
     * @param cache  the host's split cache
     */
    Shard(Path dir, String name, CandidateFields fields, SplitCacheManager cache) {
        this.dir = dir;
        this.name = name;
        this.fields = fields;
        this.cache = cache;
        try {
            Files.createDirectories(splitsDir());
            clearOldSplits();
            // the whole index holds every change, so the first publication is whole: recent changes and a fold's
            // snapshot left by the last stop are not needed
            clearRecentExcept(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index shard " + dir, e);
        }
        whole = new WritableIndex(dir.resolve("index"), fields::schema, WHOLE_WRITER_HEAP);
        startRecentAfresh();
        lastWriteMillis = System.currentTimeMillis(); // a compaction waits as long after the start as after a write
        dirty = true;
        recentOverflow = true;
        publish();
    }

    private Path splitsDir() {
        return dir.resolve("splits");
    }

    /** A new, empty recent index, in a directory of its own (each publication has its own generation). */
    private void startRecentAfresh() {
        recentDir = dir.resolve("recent-" + generation);
        recent = new WritableIndex(recentDir, fields::schema, RECENT_WRITER_HEAP);
        recentKeys.clear();
        recentCount = 0;
    }

    /** @param keep the recent changes' directory in use, or null */
    private void clearRecentExcept(Path keep) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> (p.getFileName().toString().startsWith("recent")
                    || p.getFileName().toString().startsWith("fold")) && !p.equals(keep)).toList()) {
                OrgIndex.deleteTree(p);
            }
        }
    }

    private void clearOldSplits() throws IOException {
        try (Stream<Path> old = Files.list(splitsDir())) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Replaces documents: each key is deleted (if present) and the new document added; keys in {@code deletes} are only
     * deleted. Committed before it returns, so what the pipeline marks done is in the index.
     *
     * @param upserts documents to write
     * @param deletes keys to remove
     */
    void write(Collection<IndexedCandidate> upserts, Collection<String> deletes) {
        if (upserts.isEmpty() && deletes.isEmpty()) {
            return;
        }
        writeLock.lock();
        try {
            try (Searcher present = whole.reader()) {
                for (IndexedCandidate c : upserts) {
                    deleteIfPresent(present, c.key());
                    try (Document d = document(c)) {
                        whole.add(d);
                    }
                }
                for (String key : deletes) {
                    deleteIfPresent(present, key);
                }
            }
            whole.commit();
            keepRecent(upserts, deletes);
            markDirty();
        } finally {
            writeLock.unlock();
        }
    }

    private void deleteIfPresent(Searcher present, String key) {
        if (whole.contains(present, key)) {
            whole.deleteWhere(CandidateFields.KEY, key);
        }
    }

    /** Copies the changes into the recent index too, while it holds every change since the last whole split. */
    private void keepRecent(Collection<IndexedCandidate> upserts, Collection<String> deletes) {
        if (recentOverflow) {
            return;
        }
        if (recentKeys.size() + upserts.size() + deletes.size() > RECENT_LIMIT) {
            recentOverflow = true; // far more than a fold keeps up with (a rebuild written as changes)
            return;
        }
        for (IndexedCandidate c : upserts) {
            if (!recentKeys.add(c.key())) {
                recent.deleteWhere(CandidateFields.KEY, c.key()); // changed again: its earlier copy goes
            }
            try (Document d = document(c)) {
                recent.add(d);
            }
        }
        for (String key : deletes) {
            if (!recentKeys.add(key)) {
                recent.deleteWhere(CandidateFields.KEY, key);
            }
        }
        recent.commit();
        recentCount = recentKeys.size();
    }

    /**
     * Adds documents whose keys the shard does not hold (a rebuild into a cleared shard): no lookup per key. Committed
     * before it returns; published with a split of the whole shard.
     *
     * @param documents new documents
     */
    void append(Collection<IndexedCandidate> documents) {
        if (!documents.isEmpty()) {
            writeWholeOnly(() -> documents.forEach(c -> {
                try (Document d = document(c)) {
                    whole.add(d);
                }
            }));
        }
    }

    /**
     * @param connectionId a removed connection
     */
    void deleteConnection(String connectionId) {
        writeWholeOnly(() -> whole.deleteWhere(CandidateFields.CONNECTION, connectionId));
    }

    /** Removes every document (a rebuild starts from nothing). */
    void clear() {
        writeWholeOnly(whole::deleteAll);
    }

    /** A change too broad to keep apart as recent changes: committed, then published with a split of the whole shard. */
    private void writeWholeOnly(Runnable change) {
        writeLock.lock();
        try {
            change.run();
            whole.commit();
            recentOverflow = true;
            markDirty();
        } finally {
            writeLock.unlock();
        }
    }

    private void markDirty() {
        long now = System.currentTimeMillis();
        if (!dirty) {
            dirtySinceMillis = now;
        }
        lastWriteMillis = now;
        dirty = true;
    }

    /** @return whether writes wait to be published, and since when (epoch millis) */
    Optional<Long> dirtySince() {
        return dirty ? Optional.of(dirtySinceMillis) : Optional.empty();
    }

    /**
     * @param now         epoch millis
     * @param minInterval the least time between two publications of this shard
     * @return whether a publication is due: changes wait and the last publication is long enough ago, or recent changes
     *         (or a whole split of several segments) have waited long enough without a new write to be folded
     */
    boolean publishDue(long now, long minInterval) {
        if (folding) {
            return dirty && now - publishedAtMillis >= minInterval; // the recent changes only, until the fold ends
        }
        if (!dirty) {
            return foldWanted() && now - lastWriteMillis >= FOLD_IDLE_MILLIS;
        }
        if (recentOverflow) {
            // A split of the whole shard in place: a large shard under a stream of writes (a rebuild, a corpus import)
            // would spend most of its time publishing, so it waits at least four times its last whole publication.
            return now - wholePublishedAtMillis >= Math.max(minInterval, 4 * wholePublishTookMillis);
        }
        return now - publishedAtMillis >= minInterval;
    }

    /**
     * Publishes what changed since the last publication: the recent changes' small split (starting a fold when they
     * are many or idle), or a split of the whole shard made in place when they overflowed.
     *
     * @return whether anything was published
     */
    boolean publish() {
        // One publication at a time, to its end: a caller that finds nothing to publish knows the last one is readable.
        publishLock.lock();
        writeLock.lock(); // readers see exactly one commit: nothing is written while it is split
        try {
            boolean idle = !dirty && foldWanted() && !folding;
            if (!dirty && !idle) {
                return false;
            }
            dirty = false;
            publishedAtMillis = System.currentTimeMillis();
            generation++;
            if (recentOverflow && !folding) {
                swap(publishWhole());
            } else if (!folding && (idle || recentKeys.size() >= RECENT_MAX)) {
                startFold();
            } else {
                swap(view(splitRecent()));
            }
            return true;
        } catch (RuntimeException e) {
            dirty = true;
            throw e;
        } finally {
            writeLock.unlock();
            publishLock.unlock();
        }
    }

    /** @return whether a fold would change what readers read: recent changes, or a whole split of several segments */
    private boolean foldWanted() {
        return recentCount > 0 || wholeSplitSegmented;
    }

    /**
     * @param recentSplit the recent changes' newest split (this publication's own), or null
     * @return what readers see now: the whole split, the folded changes' if a fold runs, the recent ones', each without
     *         what newer layers replaced
     */
    private Publication view(SplitFile recentSplit) {
        List<Publication.Layer> layers = new ArrayList<>();
        if (wholeSplit != null) {
            Set<String> hidden = new HashSet<>(recentKeys);
            if (folded != null) {
                hidden.addAll(folded.keys());
            }
            layers.add(new Publication.Layer(wholeSplit.acquire(), hidden));
        }
        if (folded != null && folded.split() != null) {
            layers.add(new Publication.Layer(folded.split().acquire(), Set.copyOf(recentKeys)));
        }
        if (recentSplit != null) {
            layers.add(new Publication.Layer(recentSplit, Set.of()));
        }
        List<Searcher> ranked = new ArrayList<>();
        for (int i = 0; i < RANKED_READERS; i++) {
            ranked.add(whole.reader()); // the same commit: nothing is written meanwhile
        }
        return new Publication(layers, ranked, whole.schema());
    }

    /** @return a split of the recent changes (this publication's own), or null when they hold no document */
    private SplitFile splitRecent() {
        return recent.split(splitsDir(), name + "-" + generation + "-recent", cache, false).orElse(null);
    }

    /** A split of the whole shard, made in place (writes wait): the recent changes start afresh. */
    private Publication publishWhole() {
        long t0 = System.currentTimeMillis();
        SplitFile split = whole.split(splitsDir(), name + "-" + generation, cache, false).orElse(null);
        replaceWholeSplit(split);
        wholeSplitSegmented = split != null && split.segments() > 1;
        if (folded != null) {
            dropFolded();
        }
        recent.close();
        startRecentAfresh();
        deleteRecentExceptCurrent();
        recentOverflow = false;
        wholePublishedAtMillis = System.currentTimeMillis();
        wholePublishTookMillis = wholePublishedAtMillis - t0;
        return view(null);
    }

    private void replaceWholeSplit(SplitFile split) {
        if (wholeSplit != null) {
            wholeSplit.release(); // the shard's own reference; publications still reading it keep theirs
        }
        wholeSplit = split;
    }

    /**
     * Starts folding the recent changes (writes wait only for the snapshot): their last split joins the view as a layer
     * of its own, new changes start a new recent index, and the whole index's snapshot is merged and split in the
     * background.
     */
    private void startFold() {
        SplitFile lastSplit = splitRecent();
        Path snapshot = dir.resolve("fold-" + generation);
        try {
            whole.snapshot(snapshot);
        } catch (RuntimeException e) {
            if (lastSplit != null) {
                lastSplit.release();
            }
            throw e;
        }
        folded = new Folded(recent, Set.copyOf(recentKeys), lastSplit);
        startRecentAfresh();
        folding = true;
        swap(view(null));
        long t0 = System.currentTimeMillis();
        fold = FOLDS.submit(() -> finishFold(snapshot, t0));
    }

    /** In the background: splits the snapshot, then swaps the new whole split in and drops the folded changes. */
    private void finishFold(Path snapshot, long t0) {
        SplitFile split = null;
        RuntimeException failure = null;
        try (WritableIndex copy = new WritableIndex(snapshot, fields::schema, WHOLE_WRITER_HEAP)) {
            split = copy.split(splitsDir(), name + "-" + generation + "-fold", cache, true).orElse(null);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            OrgIndex.deleteTree(snapshot);
        } catch (IOException e) {
            LOG.warn("index {}: could not delete the fold's snapshot {} ({}); deleted at the next start", name, snapshot,
                    e.getMessage());
        }
        publishLock.lock();
        writeLock.lock();
        try {
            if (failure == null) {
                replaceWholeSplit(split);
                wholeSplitSegmented = false; // one segment (a fold never asks twice for the same split)
                dropFolded();
                wholePublishedAtMillis = System.currentTimeMillis();
                wholePublishTookMillis = wholePublishedAtMillis - t0;
                LOG.info("index {}: folded into a whole split of one segment in {} ms", name, wholePublishTookMillis);
                generation++;
                swap(view(splitRecent()));
            } else {
                splitWholeInPlaceNext("folding recent changes failed", failure);
            }
        } catch (RuntimeException e) {
            splitWholeInPlaceNext("publishing a fold failed", e);
        } finally {
            folding = false;
            writeLock.unlock();
            publishLock.unlock();
        }
    }

    /** After a failed fold: the next publication splits the whole shard in place, which drops the folded changes. */
    private void splitWholeInPlaceNext(String what, RuntimeException e) {
        LOG.error("index {}: {}; the whole shard is split in place next", name, what, e);
        recentOverflow = true;
        markDirty();
    }

    private void dropFolded() {
        folded.release();
        folded = null;
        deleteRecentExceptCurrent();
    }

    private void deleteRecentExceptCurrent() {
        try {
            clearRecentExcept(recentDir);
        } catch (IOException e) {
            LOG.warn("index {}: could not delete old recent changes ({}); deleted at the next start", name, e.getMessage());
        }
    }

    /** Waits for a running fold to end (tests and benchmarks that read a settled shard). */
    void awaitFold() {
        Future<?> running;
        writeLock.lock();
        try {
            running = fold;
        } finally {
            writeLock.unlock();
        }
        if (running != null) {
            try {
                running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.debug("index {}: the fold failed (logged)", name, e);
            }
        }
    }

    private void swap(Publication next) {
        Publication previous = published;
        published = next;
        readableGeneration = generation; // after the publication: whoever sees the number can read what it numbers
        if (previous != null) {
            previous.retire();
        }
    }

    /** @return the newest publication, acquired (release it) */
    Optional<Publication> acquire() {
        while (true) {
            Publication p = published;
            if (p == null) {
                return Optional.empty();
            }
            if (p.acquire()) {
                return Optional.of(p);
            }
        }
    }

    /** @return the number of the publication readers read now (it grows with every publication since the shard opened) */
    long generation() {
        return readableGeneration;
    }

    /** @return documents readers see */
    long publishedDocs() {
        Publication p = published;
        return p == null ? 0 : p.docs;
    }

    private static Document document(IndexedCandidate c) {
        Document d = new Document();
        d.addString(CandidateFields.KEY, c.key());
        d.addString(CandidateFields.CONNECTION, c.connectionId());
        d.addString(CandidateFields.EXTERNAL_ID, c.externalId());
        for (Map.Entry<String, String> e : c.display().entrySet()) {
            d.addString(CandidateFields.DISPLAY_PREFIX + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : c.text().entrySet()) {
            if (!e.getValue().isEmpty()) {
                d.addText(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, List<String>> e : c.keywords().entrySet()) {
            e.getValue().forEach(v -> d.addString(e.getKey(), v));
        }
        c.numbers().forEach((k, v) -> d.addInteger(k, v));
        CandidateFields.valueCounts(c).forEach(v -> d.addInteger(CandidateFields.VALUE_COUNTS, v.encoded()));
        c.dates().forEach((k, v) -> d.addDate(k, LocalDateTime.ofInstant(v, ZoneOffset.UTC)));
        return d;
    }

    @Override
    public void close() {
        awaitFold();
        writeLock.lock();
        try {
            swap(null);
            replaceWholeSplit(null);
            if (folded != null) {
                folded.release();
                folded = null;
            }
            recent.close();
            whole.close();
        } finally {
            writeLock.unlock();
        }
    }
}
