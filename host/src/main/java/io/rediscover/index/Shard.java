package io.rediscover.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.indextables.tantivy4java.core.Document;
import io.indextables.tantivy4java.core.Index;
import io.indextables.tantivy4java.core.IndexWriter;
import io.indextables.tantivy4java.core.Schema;
import io.indextables.tantivy4java.core.Searcher;
import io.indextables.tantivy4java.query.Query;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitCacheManager;
import io.indextables.tantivy4java.split.SplitSearcher;
import io.indextables.tantivy4java.split.merge.QuickwitSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One Tantivy index directory and the newest split published from it. Writes go to the index (one writer, guarded by
 * a lock: Tantivy allows one writer per directory); reads go to the published split, because tantivy4java aggregates
 * only on splits (stack-notes.md). Publishing merges away deleted documents first — a split with deleted documents
 * cannot serve top-k searches — then converts the index into a new split and swaps it in; the old split's searcher is
 * closed when its last reader lets go.
 */
final class Shard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Shard.class);
    /** Reads Tantivy's {@code meta.json} (plain JSON: a mapper of its own, no host configuration needed). */
    private static final ObjectMapper META_READER = new ObjectMapper();
    static final long WRITER_HEAP_BYTES = 64L * 1024 * 1024;

    private final Path dir;
    private final String name;
    private final SplitCacheManager cache;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock publishLock = new ReentrantLock();
    private final Index index;
    private final Schema schema;
    private IndexWriter writer; // replaced at each publication (see quiesceMerges); guarded by writeLock
    private volatile boolean dirty;
    private volatile boolean deletedSinceMerge;
    private volatile long dirtySinceMillis;
    private volatile long publishedAtMillis;
    private volatile long publishTookMillis;
    private volatile Published published;
    private long generation;

    /**
     * A publication: the split (exact counts, facets, insights) and a reader of the index at the very same commit
     * (ranked hits: splits do not score), counted by the readers using them.
     */
    static final class Published {
        final Path split;
        final SplitSearcher searcher;
        final Searcher ranked;
        final Schema schema;
        final long docs;
        private final AtomicInteger users = new AtomicInteger(1); // the shard's own reference
        private volatile boolean retired;

        Published(Path split, SplitSearcher searcher, Searcher ranked, Schema schema, long docs) {
            this.split = split;
            this.searcher = searcher;
            this.ranked = ranked;
            this.schema = schema;
            this.docs = docs;
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
                searcher.close();
                ranked.close();
                try {
                    Files.deleteIfExists(split);
                } catch (IOException e) {
                    LOG.debug("cannot delete retired split {}", split, e);
                }
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
        this.cache = cache;
        try {
            Files.createDirectories(indexDir());
            Files.createDirectories(splitsDir());
            if (Index.exists(indexDir().toString())) {
                index = Index.open(indexDir().toString());
            } else {
                try (Schema s = fields.schema()) {
                    index = new Index(s, indexDir().toString(), false);
                }
            }
            schema = index.getSchema();
            writer = index.writer((int) WRITER_HEAP_BYTES, 1);
            clearOldSplits();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index shard " + dir, e);
        }
        dirty = true;
        deletedSinceMerge = true; // a crash may have left deletes unmerged
        publish();
    }

    private Path indexDir() {
        return dir.resolve("index");
    }

    private Path splitsDir() {
        return dir.resolve("splits");
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
            index.reload();
            try (Searcher present = index.searcher()) {
                for (IndexedCandidate c : upserts) {
                    deleteIfPresent(present, c.key());
                    try (Document d = document(c)) {
                        writer.addDocument(d);
                    }
                }
                for (String key : deletes) {
                    deleteIfPresent(present, key);
                }
            }
            writer.commit();
            markDirty();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Adds documents whose keys the shard does not hold (a rebuild into a cleared shard): no lookup per key. Committed
     * before it returns.
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
                    writer.addDocument(d);
                }
            }
            writer.commit();
            markDirty();
        } finally {
            writeLock.unlock();
        }
    }

    /** Deleting is only done for keys the index holds: a split with nothing deleted needs no merge before publishing. */
    private void deleteIfPresent(Searcher present, String key) {
        try (Query q = Query.termQuery(schema, CandidateFields.KEY, key)) {
            boolean found;
            // a one-hit search, because tantivy4java 0.31's docFreq answers nothing useful (stack-notes, decision 2)
            try (SearchResult hit = present.search(q, 1)) {
                found = !hit.getHits().isEmpty();
            }
            if (found) {
                writer.deleteDocumentsByQuery(q);
                deletedSinceMerge = true;
            }
        }
    }

    /**
     * @param connectionId a removed connection
     */
    void deleteConnection(String connectionId) {
        writeLock.lock();
        try {
            try (Query q = Query.termQuery(schema, CandidateFields.CONNECTION, connectionId)) {
                writer.deleteDocumentsByQuery(q);
            }
            writer.commit();
            deletedSinceMerge = true;
            markDirty();
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes every document (a rebuild starts from nothing). */
    void clear() {
        writeLock.lock();
        try {
            writer.deleteAllDocuments();
            writer.commit();
            deletedSinceMerge = true;
            markDirty();
        } finally {
            writeLock.unlock();
        }
    }

    private void markDirty() {
        if (!dirty) {
            dirtySinceMillis = System.currentTimeMillis();
        }
        dirty = true;
    }

    /** @return whether writes wait to be published, and since when (epoch millis) */
    Optional<Long> dirtySince() {
        return dirty ? Optional.of(dirtySinceMillis) : Optional.empty();
    }

    /**
     * @param now         epoch millis
     * @param minInterval the least time between two publications of this shard
     * @return whether changes wait and the last publication is long enough ago
     */
    boolean publishDue(long now, long minInterval) {
        // Publishing converts the whole shard under the write lock: a large shard under a stream of writes (a corpus
        // import) would spend most of its time publishing, so it waits at least four times its last publication.
        return dirty && now - publishedAtMillis >= Math.max(minInterval, 4 * publishTookMillis);
    }

    /**
     * Publishes the index as a new split, if anything changed since the last one: merges away deleted documents, converts,
     * swaps the split in.
     *
     * @return whether a new split was published
     */
    boolean publish() {
        // One publication at a time, to its end: a caller that finds nothing to publish knows the last one is readable.
        publishLock.lock();
        long t0 = System.currentTimeMillis();
        try {
            return publishDirty();
        } finally {
            publishTookMillis = System.currentTimeMillis() - t0;
            publishLock.unlock();
        }
    }

    private boolean publishDirty() {
        if (!dirty) {
            return false;
        }
        Path split;
        QuickwitSplit.SplitMetadata meta;
        Searcher ranked;
        writeLock.lock();
        try {
            dirty = false;
            publishedAtMillis = System.currentTimeMillis();
            if (deletedSinceMerge) {
                mergeDeletes();
                deletedSinceMerge = false;
            }
            generation++;
            if (documents() == 0) {
                swap(null); // nothing to read: no split (a split of nothing cannot be made)
                return true;
            }
            // Unique across the installation: tantivy4java caches split readers by file name, so two shards (or two orgs)
            // publishing "1.split" would read each other's data.
            split = splitsDir().resolve(UUID.randomUUID() + ".split");
            quiesceMerges();
            meta = QuickwitSplit.convertIndexFromPath(indexDir().toString(), split.toString(),
                    new QuickwitSplit.SplitConfig(name + "-" + generation, "rediscover", "local"));
            index.reload();
            ranked = index.searcher(); // the same commit as the split, held until the publication retires
        } catch (RuntimeException e) {
            dirty = true;
            throw e;
        } finally {
            writeLock.unlock();
        }
        swap(new Published(split, cache.createSplitSearcher("file://" + split, meta), ranked, schema, meta.getNumDocs()));
        return true;
    }

    private void swap(Published next) {
        Published previous = published;
        published = next;
        if (previous != null) {
            previous.retire();
        }
    }

    /** @return documents in the index (not the split), deleted ones not counted */
    long documents() {
        index.reload();
        try (Searcher s = index.searcher()) {
            return s.getNumDocs();
        }
    }

    /**
     * Ends the writer's background merges and opens a new writer, then deletes what merges left behind. The conversion
     * into a split reads every file of the directory: a merge finishing meanwhile deletes files it is reading (seen under
     * load as "No such file or directory", "Failed to write chunk" and a native panic), and merged-away segments would be
     * packed into the split. A new writer starts no merge before its first commit, which the write lock holds back until
     * the conversion ends.
     */
    private void quiesceMerges() {
        writer.waitMergingThreads(); // consumes the native writer
        writer.close();
        writer = index.writer((int) WRITER_HEAP_BYTES, 1);
        writer.garbageCollectFiles();
    }

    /**
     * Rewrites the segments that hold deleted documents (a split with deletes makes Quickwit's leaf search panic), and only
     * those: an update rewrites the segment its old version was in, not the whole shard. The segments and their deletes
     * are read from the index's {@code meta.json} (tantivy4java 0.31 tells neither); when it cannot be read, every
     * segment is merged, as before.
     */
    private void mergeDeletes() {
        index.reload();
        List<String> segments;
        try (Searcher s = index.searcher()) {
            segments = s.getSegmentIds();
        }
        List<String> withDeletes = segmentsWithDeletes().map(ids -> segments.stream().filter(ids::contains).toList())
                .orElse(segments);
        if (!withDeletes.isEmpty()) {
            writer.merge(withDeletes); // waits for the merge (waitMergingThreads would consume the writer)
            writer.commit();
            writer.garbageCollectFiles();
        }
    }

    /** @return the ids of the committed segments that hold deletes, from {@code meta.json}, if it can be read */
    private Optional<Set<String>> segmentsWithDeletes() {
        try {
            JsonNode meta = META_READER.readTree(indexDir().resolve("meta.json").toFile());
            Set<String> ids = new HashSet<>();
            for (JsonNode segment : meta.path("segments")) {
                if (segment.path("deletes").isObject()) {
                    ids.add(segment.path("segment_id").asText().replace("-", "")); // the searcher's ids have no dashes
                }
            }
            return Optional.of(ids);
        } catch (IOException e) {
            LOG.warn("could not read {} ({}): every segment is merged", indexDir().resolve("meta.json"), e.getMessage());
            return Optional.empty();
        }
    }

    /** @return the newest split, acquired (release it), or empty when none is published */
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

    /** @return documents in the published split */
    long publishedDocs() {
        Published p = published;
        return p == null ? 0 : p.docs;
    }

    private Document document(IndexedCandidate c) {
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
            writer.close();
            schema.close();
            index.close();
        } finally {
            writeLock.unlock();
        }
    }
}
