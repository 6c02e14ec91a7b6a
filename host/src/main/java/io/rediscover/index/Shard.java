package io.rediscover.index;

import io.indextables.tantivy4java.core.Document;
import io.indextables.tantivy4java.core.Schema;
import io.indextables.tantivy4java.core.Searcher;
import io.indextables.tantivy4java.split.SplitCacheManager;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One shard of a collection: a Tantivy index that every write goes to, and what readers see of it. Counts, facets and
 * insights read splits (tantivy4java aggregates only on splits, stack-notes.md), and making a split of a large index
 * takes seconds: so besides the large split of the whole shard, made now and then, a shard keeps its recent changes
 * in a small second index whose split takes milliseconds. Readers read the large split without the documents the
 * recent changes replaced or deleted (a mask of their keys), plus the small split; ranked hits come from a reader of
 * the whole index at the same commit. When the recent changes grow past {@link #RECENT_MAX} keys, or a rebuild or a
 * connection removal writes past them, or they have waited {@link #FOLD_IDLE_MILLIS} without a new write, the next
 * publication makes a split of the whole shard again and starts the recent changes afresh.
 */
final class Shard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Shard.class);

    /** Recent changes kept apart before the whole shard is published again: each is a term of every search's mask. */
    static final int RECENT_MAX = 10_000;
    /** Recent changes that have waited this long without a new write are folded into a split of the whole shard. */
    static final long FOLD_IDLE_MILLIS = 60_000;
    private static final int WHOLE_WRITER_HEAP = 64 * 1024 * 1024;
    /** The recent changes' writer holds a few documents at a time: Tantivy's least. */
    private static final int RECENT_WRITER_HEAP = 15 * 1024 * 1024;

    private final Path dir;
    private final String name;
    private final CandidateFields fields;
    private final SplitCacheManager cache;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock publishLock = new ReentrantLock();
    private final WritableIndex whole;
    private WritableIndex recent; // a copy of the changes since the whole shard's split; guarded by writeLock
    private final Set<String> recentKeys = new HashSet<>(); // guarded by writeLock
    private boolean recentOverflow; // changes the recent index does not hold: the whole shard must be published
    private volatile int recentCount;
    private SplitFile wholeSplit; // the last split of the whole shard (shared by publications); guarded by writeLock
    private volatile boolean dirty;
    private volatile long dirtySinceMillis;
    private volatile long lastWriteMillis;
    private volatile long publishedAtMillis;
    private volatile long wholePublishedAtMillis;
    private volatile long wholePublishTookMillis;
    private volatile Published published;
    private long generation;

    /** What readers see of the shard, counted by the readers using it. */
    static final class Published {
        final Searcher ranked;
        final Schema schema;
        final long docs;
        private final List<SplitPart> parts;
        private final List<SplitFile> splits;
        private final AtomicInteger users = new AtomicInteger(1); // the shard's own reference
        private volatile boolean retired;

        Published(SplitFile whole, Set<String> replaced, SplitFile recent, Searcher ranked, Schema schema) {
            this.ranked = ranked;
            this.schema = schema;
            this.docs = ranked.getNumDocs();
            List<SplitPart> p = new ArrayList<>();
            List<SplitFile> s = new ArrayList<>();
            if (whole != null) {
                p.add(new SplitPart(whole.searcher(), SplitPart.mask(replaced)));
                s.add(whole);
            }
            if (recent != null) {
                p.add(new SplitPart(recent.searcher(), null));
                s.add(recent);
            }
            this.parts = List.copyOf(p);
            this.splits = List.copyOf(s);
        }

        List<SplitPart> parts() {
            return parts;
        }

        boolean acquire() {
            while (true) {
                int n = users.get();
                if (n <= 0) {
                    return false;
                }
                if (users.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (users.decrementAndGet() == 0) {
                splits.forEach(SplitFile::release);
                ranked.close();
            }
        }

        void retire() {
            if (!retired) {
                retired = true;
                release();
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
            clearRecentExcept(null); // the whole index holds every change; the first publication is whole
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index shard " + dir, e);
        }
        whole = new WritableIndex(dir.resolve("index"), fields::schema, WHOLE_WRITER_HEAP);
        recent = new WritableIndex(recentDir(), fields::schema, RECENT_WRITER_HEAP);
        dirty = true;
        recentOverflow = true;
        publish();
    }

    private Path splitsDir() {
        return dir.resolve("splits");
    }

    /** @return a new directory for the recent changes (each whole publication starts them in a new one) */
    private Path recentDir() {
        return dir.resolve("recent-" + generation);
    }

    /** @param keep the recent changes' directory in use, or null */
    private void clearRecentExcept(Path keep) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("recent") && !p.equals(keep)).toList()) {
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
        if (recentKeys.size() + upserts.size() + deletes.size() > RECENT_MAX) {
            recentOverflow = true;
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
        if (documents.isEmpty()) {
            return;
        }
        writeLock.lock();
        try {
            for (IndexedCandidate c : documents) {
                try (Document d = document(c)) {
                    whole.add(d);
                }
            }
            whole.commit();
            recentOverflow = true;
            markDirty();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * @param connectionId a removed connection
     */
    void deleteConnection(String connectionId) {
        writeLock.lock();
        try {
            whole.deleteWhere(CandidateFields.CONNECTION, connectionId);
            whole.commit();
            recentOverflow = true;
            markDirty();
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes every document (a rebuild starts from nothing). */
    void clear() {
        writeLock.lock();
        try {
            whole.deleteAll();
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
     *         have waited long enough without a new write to be folded into a split of the whole shard
     */
    boolean publishDue(long now, long minInterval) {
        if (!dirty) {
            return recentCount > 0 && now - lastWriteMillis >= FOLD_IDLE_MILLIS;
        }
        if (recentOverflow) {
            // A split of the whole shard: a large shard under a stream of writes (a rebuild, a corpus import) would
            // spend most of its time publishing, so it waits at least four times its last whole publication.
            return now - wholePublishedAtMillis >= Math.max(minInterval, 4 * wholePublishTookMillis);
        }
        return now - publishedAtMillis >= minInterval;
    }

    /**
     * Publishes what changed since the last publication: the recent changes' small split, or a split of the whole shard
     * when they overflowed (or wait to be folded).
     *
     * @return whether anything was published
     */
    boolean publish() {
        // One publication at a time, to its end: a caller that finds nothing to publish knows the last one is readable.
        publishLock.lock();
        writeLock.lock(); // readers see exactly one commit: nothing is written while it is split
        try {
            boolean fold = !dirty && recentCount > 0;
            if (!dirty && !fold) {
                return false;
            }
            dirty = false;
            publishedAtMillis = System.currentTimeMillis();
            generation++;
            swap(recentOverflow || fold ? publishWhole() : publishRecent());
            return true;
        } catch (RuntimeException e) {
            dirty = true;
            throw e;
        } finally {
            writeLock.unlock();
            publishLock.unlock();
        }
    }

    private Published publishWhole() {
        long t0 = System.currentTimeMillis();
        SplitFile split = whole.split(splitsDir(), name + "-" + generation, cache).orElse(null);
        if (wholeSplit != null) {
            wholeSplit.release(); // the shard's own reference; publications still reading it keep theirs
        }
        wholeSplit = split;
        Path freshDir = recentDir();
        WritableIndex fresh = new WritableIndex(freshDir, fields::schema, RECENT_WRITER_HEAP);
        recent.close();
        recent = fresh;
        try {
            clearRecentExcept(freshDir);
        } catch (IOException e) {
            LOG.warn("index {}: could not delete old recent changes ({}); deleted at the next start", name, e.getMessage());
        }
        recentKeys.clear();
        recentCount = 0;
        recentOverflow = false;
        wholePublishedAtMillis = System.currentTimeMillis();
        wholePublishTookMillis = wholePublishedAtMillis - t0;
        return new Published(split == null ? null : split.acquire(), Set.of(), null, whole.reader(), whole.schema());
    }

    private Published publishRecent() {
        SplitFile recentSplit = recent.split(splitsDir(), name + "-" + generation + "-recent", cache).orElse(null);
        return new Published(wholeSplit == null ? null : wholeSplit.acquire(), Set.copyOf(recentKeys), recentSplit,
                whole.reader(), whole.schema());
    }

    private void swap(Published next) {
        Published previous = published;
        published = next;
        if (previous != null) {
            previous.retire();
        }
    }

    /** @return the newest publication, acquired (release it) */
    Optional<Published> acquire() {
        while (true) {
            Published p = published;
            if (p == null) {
                return Optional.empty();
            }
            if (p.acquire()) {
                return Optional.of(p);
            }
        }
    }

    /** @return how many publications this shard made since it opened */
    long generation() {
        return generation;
    }

    /** @return documents readers see */
    long publishedDocs() {
        Published p = published;
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
        c.dates().forEach((k, v) -> d.addDate(k, LocalDateTime.ofInstant(v, ZoneOffset.UTC)));
        return d;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            swap(null);
            if (wholeSplit != null) {
                wholeSplit.release();
                wholeSplit = null;
            }
            recent.close();
            whole.close();
        } finally {
            writeLock.unlock();
        }
    }
}
