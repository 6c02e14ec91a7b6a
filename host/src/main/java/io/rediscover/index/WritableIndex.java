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
import io.indextables.tantivy4java.split.merge.QuickwitSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One Tantivy index directory and its only writer (Tantivy allows one per directory): adds, deletes by key, commits,
 * and makes splits of what it holds. Not thread-safe: its owner serialises the calls.
 */
final class WritableIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WritableIndex.class);
    /** Reads Tantivy's {@code meta.json} (plain JSON: a mapper of its own, no host configuration needed). */
    private static final ObjectMapper META_READER = new ObjectMapper();

    private final Path dir;
    private final Index index;
    private final Schema schema;
    private final int writerHeapBytes;
    private IndexWriter writer; // replaced at each split (see quiesceMerges)
    private boolean deletedSinceMerge;

    /**
     * Opens the index in {@code dir}, or creates it with the schema given.
     *
     * @param dir             the directory
     * @param newSchema       makes the schema of a new index
     * @param writerHeapBytes the writer's memory budget (Tantivy's least is 15 MB)
     */
    WritableIndex(Path dir, Supplier<Schema> newSchema, int writerHeapBytes) {
        this.dir = dir;
        this.writerHeapBytes = writerHeapBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index directory " + dir, e);
        }
        if (Index.exists(dir.toString())) {
            index = Index.open(dir.toString());
            deletedSinceMerge = true; // a crash may have left deletes unmerged
        } else {
            try (Schema s = newSchema.get()) {
                index = new Index(s, dir.toString(), false);
            }
        }
        schema = index.getSchema();
        writer = index.writer(writerHeapBytes, 1);
    }

    Schema schema() {
        return schema;
    }

    /** @return a reader of the last commit (close it) */
    Searcher reader() {
        index.reload();
        return index.searcher();
    }

    /**
     * @param present a reader of the last commit
     * @param key     a document key
     * @return whether a document has it
     */
    boolean contains(Searcher present, String key) {
        try (Query q = Query.termQuery(schema, CandidateFields.KEY, key);
             // a one-hit search, because tantivy4java 0.31's docFreq answers nothing useful (stack-notes, decision 2)
             SearchResult hit = present.search(q, 1)) {
            return !hit.getHits().isEmpty();
        }
    }

    void add(Document document) {
        writer.addDocument(document);
    }

    /** @param field a keyword field @param value the documents with this value go */
    void deleteWhere(String field, String value) {
        try (Query q = Query.termQuery(schema, field, value)) {
            writer.deleteDocumentsByQuery(q);
        }
        deletedSinceMerge = true;
    }

    void deleteAll() {
        writer.deleteAllDocuments();
        deletedSinceMerge = true;
    }

    void commit() {
        writer.commit();
    }

    /** @return documents at the last commit, deleted ones not counted */
    long documents() {
        try (Searcher s = reader()) {
            return s.getNumDocs();
        }
    }

    /**
     * Makes a split of the last commit: merges away deleted documents first (a split with deletes makes Quickwit's
     * leaf search panic), or every segment into one when asked, then converts.
     *
     * @param splitsDir  where splits go
     * @param splitId    the split's id
     * @param cache      the host's split cache
     * @param oneSegment whether to merge the index into one segment first: a terms aggregation over one segment lists
     *                   a split's most frequent values exactly without every segment listing all of its values, and each
     *                   aggregation costs per segment (a split of the whole shard, made in the background); a merge of
     *                   half a million candidates takes about half a minute
     * @return the split, or empty when the index holds nothing (a split of nothing cannot be made)
     */
    Optional<SplitFile> split(Path splitsDir, String splitId, SplitCacheManager cache, boolean oneSegment) {
        quiesceMerges();
        // after the writer's own merges ended: one of them could merge away a segment named here meanwhile
        // ("The segments that were merged could not be found in the SegmentManager")
        if (oneSegment) {
            mergeAll();
        } else if (deletedSinceMerge) {
            mergeDeletes();
        }
        int segments;
        try (Searcher s = reader()) {
            if (s.getNumDocs() == 0) {
                return Optional.empty();
            }
            segments = s.getNumSegments();
        }
        // Unique across the installation: tantivy4java caches split readers by file name, so two shards (or two orgs)
        // publishing "1.split" would read each other's data.
        Path split = splitsDir.resolve(UUID.randomUUID() + ".split");
        QuickwitSplit.SplitMetadata meta = QuickwitSplit.convertIndexFromPath(dir.toString(), split.toString(),
                new QuickwitSplit.SplitConfig(splitId, "rediscover", "local"));
        return Optional.of(new SplitFile(split, cache.createSplitSearcher("file://" + split, meta), segments));
    }

    /**
     * Copies the last commit into {@code target} without copying data: Tantivy never changes a segment file once
     * written, so the copy hard-links them (its own merges and deletions then touch only its own links), and copies
     * the commit's metadata. The copy can be merged and split while this index goes on taking writes.
     *
     * @param target an absent directory
     * @throws UncheckedIOException when the copy cannot be made (then nothing of it is left)
     */
    void snapshot(Path target) {
        quiesceMerges(); // no merge may delete a file between reading the commit and linking it
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".lock") || !Files.isRegularFile(f)) {
                        continue; // the writer's and the readers' locks belong to this index
                    }
                    if (name.endsWith(".json")) {
                        Files.copy(f, target.resolve(name)); // rewritten (by rename) at every commit
                    } else {
                        Files.createLink(target.resolve(name), f);
                    }
                }
            }
        } catch (IOException e) {
            try {
                OrgIndex.deleteTree(target);
            } catch (IOException ignored) {
                // the caller reports the first failure; the directory goes at the next start
            }
            throw new UncheckedIOException("cannot snapshot index " + dir + " into " + target, e);
        }
    }

    /**
     * Ends the writer's background merges and opens a new writer, then deletes what merges left behind. The conversion
     * into a split reads every file of the directory: a merge finishing meanwhile deletes files it is reading (seen under
     * load as "No such file or directory", "Failed to write chunk" and a native panic), and merged-away segments would be
     * packed into the split. A new writer starts no merge before its first commit, which the owner holds back until
     * the conversion ends.
     */
    private void quiesceMerges() {
        writer.waitMergingThreads(); // consumes the native writer
        writer.close();
        writer = index.writer(writerHeapBytes, 1);
        writer.garbageCollectFiles();
    }

    /**
     * Rewrites the segments that hold deleted documents, and only those: an update rewrites the segment its old version
     * was in, not the whole index. The segments and their deletes are read from the index's {@code meta.json}
     * (tantivy4java 0.31 tells neither); when it cannot be read, every segment is merged.
     */
    private void mergeDeletes() {
        List<String> segments = segmentIds();
        merge(segmentsWithDeletes().map(ids -> segments.stream().filter(ids::contains).toList()).orElse(segments));
    }

    /** Merges every segment into one (and away its deletes); one segment without deletes is left as it is. */
    private void mergeAll() {
        List<String> segments = segmentIds();
        merge(segments.size() > 1 || deletedSinceMerge ? segments : List.of());
    }

    private List<String> segmentIds() {
        try (Searcher s = reader()) {
            return s.getSegmentIds();
        }
    }

    /** @param segments committed segments to merge into one, or none */
    private void merge(List<String> segments) {
        if (!segments.isEmpty()) {
            writer.merge(segments); // waits for the merge (waitMergingThreads would consume the writer)
            writer.commit();
            writer.garbageCollectFiles();
            quiesceMerges(); // the merge's commit may have started merges of its own
        }
        deletedSinceMerge = false;
    }

    /** @return the ids of the committed segments that hold deletes, from {@code meta.json}, if it can be read */
    private Optional<Set<String>> segmentsWithDeletes() {
        try {
            JsonNode meta = META_READER.readTree(dir.resolve("meta.json").toFile());
            Set<String> ids = new HashSet<>();
            for (JsonNode segment : meta.path("segments")) {
                if (segment.path("deletes").isObject()) {
                    ids.add(segment.path("segment_id").asText().replace("-", "")); // the searcher's ids have no dashes
                }
            }
            return Optional.of(ids);
        } catch (IOException e) {
            LOG.warn("could not read {} ({}): every segment is merged", dir.resolve("meta.json"), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        writer.close();
        schema.close();
        index.close();
    }
}
