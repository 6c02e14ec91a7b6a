package io.rediscover.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.indextables.tantivy4java.core.Document;
import io.indextables.tantivy4java.core.Searcher;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitCacheManager;
import io.indextables.tantivy4java.split.SplitTermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A collection on a real Tantivy directory: writes, replacements, deletions, shards, publication, fields changes. */
class OrgIndexTest {

    @TempDir
    Path dir;

    private final SplitCacheManager cache = SplitCacheManager.getInstance(
            new SplitCacheManager.CacheConfig("test-" + System.nanoTime()).withMaxCacheSize(32L * 1024 * 1024));
    private final List<OrgIndex> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(OrgIndex::close);
    }

    private OrgIndex open(CandidateFields fields, int shards) {
        OrgIndex i = new OrgIndex(dir.resolve("org"), "test", fields, shards, cache);
        opened.add(i);
        return i;
    }

    static IndexedCandidate doc(String key, String name, String status) {
        return new IndexedCandidate(key, "c1", key, Map.of("name", name), Map.of("name", Analyzer.analyzed(name),
                "all", Analyzer.analyzed(name + " " + status)),
                Map.of("ats_status", List.of(status), "f_skill", List.of("java")), Map.of("n_yearsexperience", 5L),
                Map.of("dt_updated", Instant.parse("2026-01-01T00:00:00Z")));
    }

    static long count(OrgIndex index, String field, String value) {
        long n = 0;
        try (OrgIndex.Reading r = index.read()) {
            for (SplitPart s : r.parts()) {
                try (SearchResult result = s.search(new SplitTermQuery(field, value), 20_000)) {
                    n += result.getHits().size();
                }
            }
        }
        return n;
    }

    /**
     * A publication's number is readable only with the publication: a reader that sees generation g reads at least
     * what g published. (Numbering it before its split was made let the warm-up of offered filters read the previous
     * publication and keep what it found under the new number: a filter stayed unoffered until the next publication.)
     */
    @Test
    void whoeverSeesAGenerationReadsWhatItPublished() throws Exception {
        OrgIndex index = open(new CandidateFields(Set.of("status"), Set.of("lastUpdated")), 1);
        Map<Long, Long> docsAt = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                long g = index.generation();
                seen.add(new long[] {g, index.publishedDocuments()});
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 120; i++) {
                index.write(List.of(doc("acme/c1/" + i, "Person " + i, "Hired")), List.of());
                index.publishDue(Long.MAX_VALUE, 0);
                docsAt.put(index.generation(), (long) i + 1);
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertThat(seen).as("the reader read while publications were made").hasSizeGreaterThan(120);
        List<String> early = new ArrayList<>();
        synchronized (seen) {
            for (long[] s : seen) {
                Long published = docsAt.get(s[0]);
                if (published != null && s[1] < published) {
                    early.add("generation " + s[0] + " seen with " + s[1] + " of its " + published + " documents");
                }
            }
        }
        assertThat(early).as("generations seen before their publication was readable").isEmpty();
    }

    @Test
    void writesReplaceByKeyAndAreReadAfterPublication() {
        OrgIndex index = open(new CandidateFields(Set.of("status"), Set.of("lastUpdated")), 3);
        List<IndexedCandidate> docs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            docs.add(doc("acme/c1/" + i, "Person " + i, i % 2 == 0 ? "Hired" : "Rejected"));
        }
        index.write(docs, List.of());
        assertThat(index.publishedDocuments()).as("nothing readable before publication").isZero();
        index.publishDue(Long.MAX_VALUE, 0);
        assertThat(index.publishedDocuments()).isEqualTo(50);
        assertThat(count(index, "ats_status", "Hired")).isEqualTo(25);

        index.write(List.of(doc("acme/c1/1", "Renamed Person", "Hired")), List.of("acme/c1/2"));
        index.publishDue(Long.MAX_VALUE, 0);
        assertThat(index.publishedDocuments()).isEqualTo(49);
        assertThat(count(index, "name", "renamed")).isEqualTo(1);
        assertThat(count(index, "key", "acme/c1/1")).as("replaced, not added").isEqualTo(1);
        assertThat(count(index, "key", "acme/c1/2")).isZero();
        assertThat(count(index, "ats_status", "Hired")).isEqualTo(25); // 1 became Hired, 2 (Hired) was deleted

        index.deleteConnection("c1");
        index.publishDue(Long.MAX_VALUE, 0);
        assertThat(index.publishedDocuments()).isZero();
    }

    /**
     * Making a split merges deleted documents away by rewriting the segments that hold them, and only those; asked for
     * one segment, it merges them all.
     */
    @Test
    void aSplitRewritesOnlyTheSegmentsThatHoldDeletes() throws Exception {
        Path indexDir = dir.resolve("writable");
        try (WritableIndex index = new WritableIndex(indexDir, FIELDS::schema, 15 * 1024 * 1024)) {
            addCommitted(index, "a", 20);
            addCommitted(index, "b", 20);
            Set<String> before = segments(indexDir);
            assertThat(before).hasSize(2);
            index.deleteWhere(CandidateFields.KEY, "a3");
            index.commit();
            SplitFile split = index.split(Files.createDirectories(dir.resolve("splits")), "test", cache, false).orElseThrow();
            assertThat(split.segments()).isEqualTo(2);
            split.release();
            Set<String> after = segments(indexDir);
            assertThat(index.documents()).isEqualTo(39);
            assertThat(before.stream().filter(after::contains).toList())
                    .as("one segment rewritten (the one holding the deleted document), the other kept as it was").hasSize(1);

            SplitFile one = index.split(dir.resolve("splits"), "test-one", cache, true).orElseThrow();
            assertThat(one.segments()).as("asked for one segment").isEqualTo(1);
            one.release();
            assertThat(segments(indexDir)).hasSize(1);
            assertThat(index.documents()).isEqualTo(39);
        }
    }

    /**
     * A snapshot (what a fold splits in the background) holds the commit it was taken at, whatever the index takes
     * afterwards, and merging it leaves the index's own segments alone.
     */
    @Test
    void aSnapshotHoldsItsCommitWhileTheIndexGoesOn() throws Exception {
        Path indexDir = dir.resolve("live");
        Path snapshotDir = dir.resolve("snapshot");
        try (WritableIndex index = new WritableIndex(indexDir, FIELDS::schema, 15 * 1024 * 1024)) {
            addCommitted(index, "a", 20);
            index.snapshot(snapshotDir);
            addCommitted(index, "b", 5);
            index.deleteWhere(CandidateFields.KEY, "a1");
            index.commit();
            Set<String> live = segments(indexDir);
            try (WritableIndex snapshot = new WritableIndex(snapshotDir, FIELDS::schema, 15 * 1024 * 1024)) {
                assertThat(snapshot.documents()).isEqualTo(20);
                snapshot.deleteWhere(CandidateFields.KEY, "a2");
                snapshot.commit();
                SplitFile split = snapshot.split(Files.createDirectories(dir.resolve("splits")), "test", cache, true).orElseThrow();
                assertThat(split.segments()).as("merged into one, as a fold does").isEqualTo(1);
                split.release();
                assertThat(snapshot.documents()).isEqualTo(19);
            }
            assertThat(index.documents()).isEqualTo(24);
            assertThat(segments(indexDir)).as("the index's own segments, untouched").isEqualTo(live);
        }
    }

    private static final CandidateFields FIELDS = new CandidateFields(Set.of("status"), Set.of());

    private static void addCommitted(WritableIndex index, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            try (Document d = new Document()) {
                d.addString(CandidateFields.KEY, prefix + i);
                d.addString(CandidateFields.CONNECTION, "c1");
                index.add(d);
            }
        }
        index.commit();
    }

    /**
     * A change after the whole shard's split is published in a small split of its own at once; readers see the whole
     * split without the versions it replaced, so every count is exact in between, after the fold, and after a restart.
     */
    @Test
    void recentChangesArePublishedApartAndHideTheVersionsTheyReplace() {
        CandidateFields fields = new CandidateFields(Set.of("status"), Set.of());
        OrgIndex index = open(fields, 1);
        List<IndexedCandidate> docs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            docs.add(doc("acme/c1/" + i, "Person " + i, i % 2 == 0 ? "Hired" : "Rejected"));
        }
        index.write(docs, List.of());
        index.publishDue(Long.MAX_VALUE, 0);
        index.publishDue(Long.MAX_VALUE, 0); // long after the last write: folded into a split of the whole shard
        index.awaitFolds();
        assertThat(parts(index)).isEqualTo(1);
        long before = index.generation();

        index.write(List.of(doc("acme/c1/1", "Renamed Person", "Hired"), doc("acme/c1/new", "New Person", "Hired")),
                List.of("acme/c1/2"));
        assertThat(index.publishDue(System.currentTimeMillis(), 0)).as("published at once").isEqualTo(1);
        assertThat(index.generation()).isGreaterThan(before);
        assertThat(parts(index)).as("the whole shard's split, and the recent changes'").isEqualTo(2);
        assertCounts(index);

        index.write(List.of(doc("acme/c1/1", "Renamed Again", "Hired")), List.of());
        index.publishDue(System.currentTimeMillis(), 0);
        assertThat(count(index, "name", "again")).isEqualTo(1);
        assertThat(count(index, "name", "renamed")).as("its first change is replaced too").isEqualTo(1);
        assertThat(count(index, "key", "acme/c1/1")).isEqualTo(1);

        index.publishDue(Long.MAX_VALUE, 0); // folded
        index.awaitFolds();
        assertThat(parts(index)).isEqualTo(1);
        assertCounts(index);

        index.write(List.of(doc("acme/c1/3", "Changed Before A Restart", "Hired")), List.of());
        index.publishDue(System.currentTimeMillis(), 0);
        index.close();
        opened.remove(index);
        OrgIndex reopened = open(fields, 1);
        assertThat(parts(reopened)).as("a restart publishes the whole shard").isEqualTo(1);
        assertThat(count(reopened, "name", "restart")).isEqualTo(1);
        assertThat(count(reopened, "key", "acme/c1/3")).isEqualTo(1);
        assertThat(reopened.publishedDocuments()).isEqualTo(50);
    }

    private static void assertCounts(OrgIndex index) {
        assertThat(index.publishedDocuments()).isEqualTo(50);
        assertThat(count(index, "key", "acme/c1/1")).as("replaced, not added").isEqualTo(1);
        assertThat(count(index, "key", "acme/c1/2")).as("deleted").isZero();
        assertThat(count(index, "key", "acme/c1/new")).isEqualTo(1);
        assertThat(count(index, "ats_status", "Hired")).isEqualTo(26); // 1 became Hired, 2 (Hired) went, new is Hired
        assertThat(count(index, "ats_status", "Rejected")).isEqualTo(24);
    }

    /**
     * {@link Shard#RECENT_MAX} recent changes are folded into a new split of the whole shard in the background: readers
     * see every change at once, while the fold runs (the folded changes as a layer of their own, and changes written
     * meanwhile as another) and after it.
     */
    @Test
    void manyRecentChangesAreFoldedInTheBackgroundWhileWritesGoOn() {
        OrgIndex index = open(new CandidateFields(Set.of("status"), Set.of()), 1);
        List<IndexedCandidate> many = new ArrayList<>();
        for (int i = 0; i < Shard.RECENT_MAX; i++) {
            many.add(doc("acme/c1/" + i, "Person " + i, "Rejected"));
        }
        index.write(many, List.of());
        index.publishDue(Long.MAX_VALUE, 0); // starts the fold; the view holds every change already
        assertThat(index.publishedDocuments()).isEqualTo(Shard.RECENT_MAX);
        assertThat(count(index, "ats_status", "Rejected")).isEqualTo(Shard.RECENT_MAX);

        index.write(List.of(doc("acme/c1/7", "Changed While Folding", "Hired"), doc("acme/c1/new", "New", "Hired")),
                List.of("acme/c1/8"));
        index.publishDue(Long.MAX_VALUE, 0);
        assertThat(count(index, "ats_status", "Hired")).isEqualTo(2);
        assertThat(count(index, "ats_status", "Rejected")).isEqualTo(Shard.RECENT_MAX - 2);
        assertThat(count(index, "key", "acme/c1/7")).isEqualTo(1);

        index.awaitFolds();
        assertThat(parts(index)).as("the new whole split, and the changes written during the fold").isEqualTo(2);
        assertThat(index.publishedDocuments()).isEqualTo(Shard.RECENT_MAX);
        assertThat(count(index, "ats_status", "Hired")).isEqualTo(2);
        assertThat(count(index, "ats_status", "Rejected")).isEqualTo(Shard.RECENT_MAX - 2);
        assertThat(count(index, "key", "acme/c1/8")).isZero();
        assertThat(count(index, "name", "folding")).isEqualTo(1);
    }

    /**
     * A whole split made in place keeps the index's segments; once writes pause it is folded into one, whose terms
     * aggregations list a part's most frequent values exactly at the length asked. Counts read the same before and after.
     */
    @Test
    void aWholeSplitOfSeveralSegmentsIsFoldedIntoOneOnceWritesPause() {
        OrgIndex index = open(new CandidateFields(Set.of("status"), Set.of()), 1);
        for (int batch = 0; batch < 3; batch++) { // a rebuild's appends: each commit a segment, split in place
            List<IndexedCandidate> docs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                docs.add(doc("acme/c1/" + batch + "-" + i, "Person " + i, i < 5 + batch ? "Hired" : "Rejected"));
            }
            index.append(docs);
        }
        assertThat(index.publishDue(Long.MAX_VALUE, 0)).as("changes wait: published, not folded").isEqualTo(1);
        assertThat(segmentListSizes(index)).as("three segments: each must list every value").containsExactly(Integer.MAX_VALUE);
        assertThat(count(index, "ats_status", "Hired")).isEqualTo(18);

        assertThat(index.publishDue(System.currentTimeMillis(), 0)).as("writes have not paused for long").isZero();
        assertThat(index.publishDue(Long.MAX_VALUE, 0)).as("long after the last write: folded").isEqualTo(1);
        index.awaitFolds();
        assertThat(segmentListSizes(index)).as("one segment lists exactly as many as asked").containsExactly(7);
        assertThat(index.publishedDocuments()).isEqualTo(60);
        assertThat(count(index, "ats_status", "Hired")).isEqualTo(18);
        assertThat(count(index, "ats_status", "Rejected")).isEqualTo(42);
        assertThat(index.publishDue(Long.MAX_VALUE, 0)).as("folded once, not again").isZero();
    }

    /**
     * tantivy4java holds a reader's lock for a whole search: two readings at once rank with readers of their own (a
     * narrow search does not wait for a broad one), at the same commit, and give them back when closed.
     */
    @Test
    void readingsAtTheSameTimeRankWithReadersOfTheirOwn() {
        OrgIndex index = open(new CandidateFields(Set.of("status"), Set.of()), 1);
        index.write(List.of(doc("acme/c1/1", "Ada Lovelace", "Hired"), doc("acme/c1/2", "Alan Turing", "Hired")), List.of());
        index.publishDue(Long.MAX_VALUE, 0);
        Set<Searcher> seen = new HashSet<>();
        try (OrgIndex.Reading a = index.read(); OrgIndex.Reading b = index.read()) {
            Searcher first = a.ranked().get(0).searcher();
            Searcher second = b.ranked().get(0).searcher();
            assertThat(first).isNotSameAs(second);
            assertThat(a.ranked().get(0).searcher()).as("the same for the whole reading").isSameAs(first);
            assertThat(first.getNumDocs()).isEqualTo(second.getNumDocs()).isEqualTo(2);
            seen.add(first);
            seen.add(second);
        }
        try (OrgIndex.Reading c = index.read()) {
            assertThat(seen).as("given back, taken again").contains(c.ranked().get(0).searcher());
        }
    }

    /** @return how many values each segment of each part must list for a list of 7 */
    private static List<Integer> segmentListSizes(OrgIndex index) {
        try (OrgIndex.Reading r = index.read()) {
            return r.parts().stream().map(p -> p.segmentListSize(7)).toList();
        }
    }

    private static int parts(OrgIndex index) {
        try (OrgIndex.Reading r = index.read()) {
            return r.parts().size();
        }
    }

    /** @return the committed segments of an index, as Tantivy's meta.json lists them */
    private static Set<String> segments(Path indexDir) throws IOException {
        Set<String> ids = new HashSet<>();
        new ObjectMapper().readTree(indexDir.resolve("meta.json").toFile())
                .path("segments").forEach(s -> ids.add(s.path("segment_id").asText()));
        return ids;
    }

    /** Split readers are cached by file name in tantivy4java: two collections must never read each other's split. */
    @Test
    void twoCollectionsNeverReadEachOthersSplits() {
        CandidateFields fields = new CandidateFields(Set.of("status"), Set.of());
        OrgIndex a = new OrgIndex(dir.resolve("a"), "a", fields, 1, cache);
        OrgIndex b = new OrgIndex(dir.resolve("b"), "b", fields, 1, cache);
        opened.add(a);
        opened.add(b);
        a.write(List.of(doc("a/c1/1", "Alice", "Hired")), List.of());
        b.write(List.of(doc("b/c1/1", "Bob", "Hired"), doc("b/c1/2", "Bea", "Hired")), List.of());
        a.publishDue(Long.MAX_VALUE, 0);
        b.publishDue(Long.MAX_VALUE, 0);
        assertThat(count(a, "ats_status", "Hired")).isEqualTo(1);
        assertThat(count(b, "ats_status", "Hired")).isEqualTo(2);
        assertThat(count(a, "name", "bob")).isZero();
    }

    @Test
    void aCollectionWhoseFieldsChangedIsCreatedAgainAndSaysSo() {
        OrgIndex first = open(new CandidateFields(Set.of("status"), Set.of()), 1);
        assertThat(first.created()).isTrue();
        first.write(List.of(doc("acme/c1/1", "A", "Hired")), List.of());
        first.close();
        opened.remove(first);
        OrgIndex same = open(new CandidateFields(Set.of("status"), Set.of()), 1);
        assertThat(same.created()).isFalse();
        assertThat(same.publishedDocuments()).as("published again at open").isEqualTo(1);
        same.close();
        opened.remove(same);
        OrgIndex changed = open(new CandidateFields(Set.of("status", "source"), Set.of()), 2);
        assertThat(changed.created()).isTrue();
        assertThat(changed.publishedDocuments()).isZero();
        assertThat(changed.shardCount()).isEqualTo(2);
    }
}
