package io.rediscover.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitCacheManager;
import io.indextables.tantivy4java.split.SplitTermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * Folding recent changes into a split of the whole shard rewrites the segment that held the old version, not the
     * shard: the other segments stay as they were.
     */
    @Test
    void aPublicationRewritesOnlyTheSegmentsThatHoldDeletes() throws Exception {
        OrgIndex index = open(new CandidateFields(Set.of("status"), Set.of()), 1);
        List<IndexedCandidate> first = new ArrayList<>();
        List<IndexedCandidate> second = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(doc("acme/c1/a" + i, "First " + i, "Hired"));
            second.add(doc("acme/c1/b" + i, "Second " + i, "Hired"));
        }
        index.write(first, List.of());
        index.write(second, List.of());
        index.publishDue(Long.MAX_VALUE, 0);
        Set<String> before = segments();
        assertThat(before).hasSize(2);

        index.write(List.of(doc("acme/c1/a3", "Renamed First", "Rejected")), List.of());
        index.publishDue(Long.MAX_VALUE, 0); // the recent change, apart
        assertThat(segments()).as("the whole shard is not rewritten for a recent change").containsAll(before);
        index.publishDue(Long.MAX_VALUE, 0); // long after the last write: folded into a split of the whole shard
        Set<String> after = segments();
        assertThat(count(index, "key", "acme/c1/a3")).as("replaced, not added").isEqualTo(1);
        assertThat(count(index, "name", "renamed")).isEqualTo(1);
        assertThat(index.publishedDocuments()).isEqualTo(40);
        assertThat(before.stream().filter(after::contains).toList())
                .as("one segment rewritten (the first write's, holding the old version), the other kept as it was").hasSize(1);
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
        index.publishDue(Long.MAX_VALUE, 0); // folded: one split of the whole shard
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

    /** Past {@link Shard#RECENT_MAX} recent changes, the next publication is of the whole shard again. */
    @Test
    void tooManyRecentChangesArePublishedWithTheWholeShard() {
        OrgIndex index = open(new CandidateFields(Set.of("status"), Set.of()), 1);
        index.write(List.of(doc("acme/c1/first", "First", "Hired")), List.of());
        index.publishDue(Long.MAX_VALUE, 0);
        assertThat(parts(index)).as("one change: apart").isEqualTo(1); // the whole split is empty
        List<IndexedCandidate> many = new ArrayList<>();
        for (int i = 0; i < Shard.RECENT_MAX; i++) {
            many.add(doc("acme/c1/" + i, "Person " + i, "Rejected"));
        }
        index.write(many, List.of());
        index.publishDue(Long.MAX_VALUE, 0);
        assertThat(parts(index)).as("one split of the whole shard").isEqualTo(1);
        assertThat(index.publishedDocuments()).isEqualTo(Shard.RECENT_MAX + 1);
        assertThat(count(index, "ats_status", "Hired")).isEqualTo(1);
    }

    private static int parts(OrgIndex index) {
        try (OrgIndex.Reading r = index.read()) {
            return r.parts().size();
        }
    }

    /** @return the committed segments of the only shard, as Tantivy's meta.json lists them */
    private Set<String> segments() throws IOException {
        Set<String> ids = new HashSet<>();
        new ObjectMapper().readTree(dir.resolve("org/shard-0/index/meta.json").toFile())
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
