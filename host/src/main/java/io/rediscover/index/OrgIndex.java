package io.rediscover.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.indextables.tantivy4java.core.Schema;
import io.indextables.tantivy4java.core.Searcher;
import io.indextables.tantivy4java.split.SplitCacheManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One searchable collection — an org's ATS candidates, or the public profiles — as {@code n} shards routed by a hash of
 * the document key. The shard count and the field fingerprint are fixed when the collection is created and kept in
 * {@code index.json}; a collection found with another fingerprint (a connector added a filter, or a new version indexes
 * other fields) is deleted and created again, and {@link #created()} says so, so that the owner refills it from the
 * mirror.
 */
public final class OrgIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrgIndex.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<Shard> shards;
    private final boolean created;
    private volatile boolean held;

    /** What {@code index.json} holds. @param fingerprint of the fields @param shards how many */
    record Layout(String fingerprint, int shards) {
    }

    /**
     * @param dir       the collection's directory
     * @param name      for logs
     * @param fields    the fields
     * @param newShards how many shards a new collection gets
     * @param cache     the host's split cache
     */
    OrgIndex(Path dir, String name, CandidateFields fields, int newShards, SplitCacheManager cache) {
        this.name = name;
        Path layoutFile = dir.resolve("index.json");
        Optional<Layout> existing = read(layoutFile);
        boolean fresh = existing.isEmpty() || !existing.get().fingerprint().equals(fields.fingerprint());
        if (fresh && existing.isPresent()) {
            LOG.info("index {}: its fields changed (a connector added or dropped a filter, or this version indexes other"
                    + " fields); rebuilding it", name);
        }
        Layout layout = fresh ? new Layout(fields.fingerprint(), Math.max(1, newShards)) : existing.get();
        try {
            if (fresh) {
                deleteTree(dir);
                Files.createDirectories(dir);
                Files.writeString(layoutFile, JSON.writeValueAsString(layout), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index " + dir, e);
        }
        List<Shard> opened = new ArrayList<>();
        for (int i = 0; i < layout.shards(); i++) {
            opened.add(new Shard(dir.resolve("shard-" + i), name + "-" + i, fields, cache));
        }
        this.shards = List.copyOf(opened);
        this.created = fresh;
    }

    private static Optional<Layout> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), Layout.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: treat as absent, the collection is rebuilt
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
        }
    }

    /** @return whether this collection was created empty at open (new, or rebuilt for changed fields) */
    public boolean created() {
        return created;
    }

    /** @return the collection's name */
    public String name() {
        return name;
    }

    /** @param key a document key @return the shard that holds it */
    public int shardOf(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards.size());
    }

    /**
     * Writes documents and deletions, each to its shard, committed before it returns.
     *
     * @param upserts documents to add or replace
     * @param deletes keys to remove
     */
    public void write(Collection<IndexedCandidate> upserts, Collection<String> deletes) {
        Map<Integer, List<IndexedCandidate>> byShard = new HashMap<>();
        Map<Integer, List<String>> deletesByShard = new HashMap<>();
        upserts.forEach(c -> byShard.computeIfAbsent(shardOf(c.key()), i -> new ArrayList<>()).add(c));
        deletes.forEach(k -> deletesByShard.computeIfAbsent(shardOf(k), i -> new ArrayList<>()).add(k));
        for (int i = 0; i < shards.size(); i++) {
            shards.get(i).write(byShard.getOrDefault(i, List.of()), deletesByShard.getOrDefault(i, List.of()));
        }
    }

    /**
     * Adds documents whose keys the collection does not hold — a rebuild after {@link #clear()} — without looking each
     * key up; committed before it returns. A key written twice this way is in the index twice.
     *
     * @param documents new documents
     */
    public void append(Collection<IndexedCandidate> documents) {
        Map<Integer, List<IndexedCandidate>> byShard = new HashMap<>();
        documents.forEach(c -> byShard.computeIfAbsent(shardOf(c.key()), i -> new ArrayList<>()).add(c));
        byShard.forEach((i, docs) -> shards.get(i).append(docs));
    }

    /**
     * Holds back publication (a rebuild: readers keep the last published splits, instead of a new, partial split every
     * few seconds) or lets it go on; changes written meanwhile are published once it is released.
     *
     * @param hold whether to hold
     */
    public void holdPublication(boolean hold) {
        held = hold;
    }

    /** @param connectionId a removed connection: its documents go */
    public void deleteConnection(String connectionId) {
        shards.forEach(s -> s.deleteConnection(connectionId));
    }

    /** Removes every document. */
    public void clear() {
        shards.forEach(Shard::clear);
    }

    /**
     * Publishes the shards with changes whose last publication is at least {@code minInterval} ago.
     *
     * @param now         epoch millis
     * @param minInterval the least time between two publications of a shard
     * @return how many shards were published
     */
    int publishDue(long now, long minInterval) {
        if (held) {
            return 0;
        }
        int n = 0;
        for (Shard s : shards) {
            if (s.publishDue(now, minInterval)) {
                try {
                    if (s.publish()) {
                        n++;
                    }
                } catch (RuntimeException e) {
                    LOG.error("index {}: publishing a shard failed; it is tried again", name, e);
                }
            }
        }
        return n;
    }

    /** Waits for the shards' running folds of recent changes to end (what tests and benchmarks read is then settled). */
    public void awaitFolds() {
        shards.forEach(Shard::awaitFold);
    }

    /** @return the oldest unpublished change, epoch millis, if any */
    Optional<Long> oldestUnpublished() {
        return shards.stream().map(Shard::dirtySince).flatMap(Optional::stream).min(Long::compare);
    }

    /** @return documents readers see (published) */
    public long publishedDocuments() {
        return shards.stream().mapToLong(Shard::publishedDocs).sum();
    }

    /** @return a number that changes with every publication: what readers see is the same while it is */
    public long generation() {
        return shards.stream().mapToLong(Shard::generation).sum();
    }

    /** @return how many shards */
    public int shardCount() {
        return shards.size();
    }

    /**
     * A consistent set of published splits to read from; close it when done (the splits stay until every reader let
     * go).
     *
     * @return the readers' view
     */
    public Reading read() {
        List<Publication> held = new ArrayList<>();
        for (Shard s : shards) {
            s.acquire().ifPresent(held::add);
        }
        return new Reading(held);
    }

    /**
     * A shard's reader for ranked hits.
     *
     * @param searcher the reader
     * @param schema   its schema, for building queries
     */
    public record RankedReader(Searcher searcher, Schema schema) {
    }

    /** The published splits a search uses. */
    public static final class Reading implements AutoCloseable {
        private final List<Publication> held;
        private List<RankedReader> ranked; // taken at the first call
        private final List<Searcher> borrowed = new ArrayList<>(); // of those, the ones no other reading has

        Reading(List<Publication> held) {
            this.held = held;
        }

        /**
         * @return the splits to count, facet and aggregate on (exact counts, facets, insights): per shard, the split of
         *         the whole shard, the recent changes' when there are any (and the folded ones' while a fold runs),
         *         each searched without what newer ones replaced, so that each document is in exactly one of them
         */
        public List<SplitPart> parts() {
            return held.stream().flatMap(p -> p.parts().stream()).toList();
        }

        /**
         * @return one reader per shard, at the same commit as its splits (ranked hits), with its schema: the same for
         *         the whole reading, used by no other reading while one is free
         */
        public synchronized List<RankedReader> ranked() {
            if (ranked == null) {
                List<RankedReader> readers = new ArrayList<>();
                for (Publication p : held) {
                    Searcher own = p.borrowRanked();
                    if (own != null) {
                        borrowed.add(own);
                    }
                    readers.add(new RankedReader(own != null ? own : p.sharedRanked(), p.schema));
                }
                ranked = List.copyOf(readers);
            }
            return ranked;
        }

        @Override
        public synchronized void close() {
            for (int i = 0; i < held.size(); i++) {
                Searcher mine = ranked == null ? null : ranked.get(i).searcher();
                if (mine != null && borrowed.remove(mine)) {
                    held.get(i).giveBack(mine);
                }
            }
            ranked = null;
            held.forEach(Publication::release);
        }
    }

    @Override
    public void close() {
        shards.forEach(Shard::close);
    }
}
