package io.rediscover.search;

import io.indextables.tantivy4java.split.SplitCacheManager;
import io.rediscover.Host;
import io.rediscover.config.HostConfig;
import io.rediscover.index.BenchmarkIndexes;
import io.rediscover.index.CandidateDocuments;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.IndexedCandidate;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facet counts over a collection of several shards, each of which lists only a few more values than are shown: a value
 * that one shard holds often and the others too rarely to list in their first lists is still counted whole, and the
 * values shown are the most frequent with their exact counts.
 */
class ShardedFacetsTest {

    private static final ConnectionRef CONNECTION = new ConnectionRef("acme", "c1");

    @TempDir
    Path dir;

    /**
     * @param fillers candidates without skills added to every shard: none, so that each shard is small enough to be
     *                asked for every value of a facet it must refine at once; a thousand, so that it is asked per facet
     *                for the values alone
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1_000})
    void aValueOneShardListsAndTheOthersDoNotIsCountedWhole(int fillers) throws Exception {
        Map<String, Long> expected = new HashMap<>();
        SearchResponse all = searchEverything(300 + fillers, ids -> {
            // In every shard, 100 candidates: the i-th has the skills common-0 … common-i, so common-k is held by
            // 100 - k of them: more than 60 values, so no shard's first list is complete.
            List<IndexedCandidate> docs = new ArrayList<>();
            for (int shard = 0; shard < 3; shard++) {
                for (int i = 0; i < 100; i++) {
                    List<String> skills = new ArrayList<>(IntStream.rangeClosed(0, i).mapToObj(k -> "common-" + k).toList());
                    // "lopsided": every candidate of shard 0, and 200 more there; ten in each other shard, fewer
                    // than their 60th value has, so their first lists leave it out
                    if (shard == 0 || i < 10) {
                        skills.add("lopsided");
                    }
                    docs.add(candidate(ids.get(shard).get(i), skills, expected));
                }
                for (int i = 0; i < fillers; i++) {
                    docs.add(candidate(ids.get(shard).get(300 + i), List.of(), expected));
                }
            }
            for (int i = 100; i < 300; i++) {
                docs.add(candidate(ids.get(0).get(i), List.of("lopsided"), expected));
            }
            return docs;
        });
        assertThat(all.total()).isEqualTo(500 + 3L * fillers);
        Map<String, Long> shown = new LinkedHashMap<>();
        all.facets().get("skill").forEach(b -> shown.put(b.value(), b.count()));
        Map<String, Long> top = new LinkedHashMap<>();
        expected.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey)).limit(20).forEach(e -> top.put(e.getKey(), e.getValue()));
        assertThat(expected.get("lopsided")).isEqualTo(320);
        assertThat(shown).as("the 20 most frequent values, each with its exact count (lopsided: 300 + 10 + 10)")
                .containsExactlyEntriesOf(top);
    }

    /**
     * A value some sources spell otherwise ("COMMON-0" for "common-0") is counted whole, with every spelling, even where
     * a shard's list is full and the rare spelling alone would be far down it; it is shown as most candidates spell it.
     */
    @Test
    void aValueIsCountedWithEverySpellingAndShownAsMostSpellIt() throws Exception {
        SearchResponse all = searchEverything(103, ids -> {
            List<IndexedCandidate> docs = new ArrayList<>();
            for (int shard = 0; shard < 3; shard++) {
                for (int i = 0; i < 100; i++) { // common-k held by 100 - k: more than 60 values, every list full
                    docs.add(candidate(ids.get(shard).get(i),
                            IntStream.rangeClosed(0, i).mapToObj(k -> "common-" + k).toList(), new HashMap<>()));
                }
                for (int i = 100; i < 103; i++) { // three more a shard, who spell the most frequent value otherwise
                    docs.add(candidate(ids.get(shard).get(i), List.of("COMMON-0"), new HashMap<>()));
                }
            }
            return docs;
        });
        SearchResponse.Bucket first = all.facets().get("skill").get(0);
        assertThat(first.value()).as("as 300 spell it, not as 9 do").isEqualTo("common-0");
        assertThat(first.count()).as("every spelling counted: 300 + 9").isEqualTo(309);
        assertThat(all.facets().get("skill").get(1).count()).isEqualTo(297);
    }

    /**
     * A value is shown in mixed case when one of its frequent spellings is (an ATS's "Spring Boot" beside the "spring
     * boot" of lower-casing public-profile providers), else as most candidates spell it ("go", not "GO").
     */
    @Test
    void aValueIsShownInMixedCaseWhenAFrequentSpellingIsElseAsMostSpellIt() throws Exception {
        SearchResponse all = searchEverything(25, ids -> {
            List<IndexedCandidate> docs = new ArrayList<>();
            for (int shard = 0; shard < 3; shard++) {
                for (int i = 0; i < 25; i++) {
                    String skill = i < 10 ? "spring boot" : i < 12 ? "Spring Boot" : i < 17 ? "GO" : "go";
                    docs.add(candidate(ids.get(shard).get(i), List.of(skill), new HashMap<>()));
                }
            }
            return docs;
        });
        assertThat(all.facets().get("skill")).as("13 and 12 a shard; mixed case first, then the most common")
                .containsExactly(new SearchResponse.Bucket("go", 39), new SearchResponse.Bucket("Spring Boot", 36));
    }

    /**
     * A label made from an early publication (only public profiles' lower-case spelling was in) is made afresh when a
     * later publication holds a better spelling: it is not fixed by what a first download had indexed so far.
     */
    @Test
    void aLabelIsMadeAfreshAtALaterPublication() throws Exception {
        withCollection((index, search) -> {
            List<String> ids = idsByShard(index, 20).get(0);
            index.write(ids.subList(0, 10).stream().map(id -> candidate(id, List.of("spring boot"), new HashMap<>())).toList(),
                    List.of());
            BenchmarkIndexes.publish(index);
            assertThat(everything(search, index).facets().get("skill")).containsExactly(new SearchResponse.Bucket("spring boot", 10));
            index.write(ids.subList(10, 15).stream().map(id -> candidate(id, List.of("Spring Boot"), new HashMap<>())).toList(),
                    List.of());
            BenchmarkIndexes.publish(index);
            assertThat(everything(search, index).facets().get("skill")).containsExactly(new SearchResponse.Bucket("Spring Boot", 15));
        });
    }

    /**
     * A filter the collection first holds a value of through a recent change is offered at the next publication,
     * beside what the whole shard's split holds (read once, not again for each publication of recent changes).
     */
    @Test
    void aFilterARecentChangeGivesAValueIsOfferedAtTheNextPublication() throws Exception {
        withCollection((index, search) -> {
            List<String> ids = idsByShard(index, 2).get(0);
            index.write(List.of(candidate(ids.get(0), List.of("Java"), new HashMap<>())), List.of());
            BenchmarkIndexes.publish(index);
            assertThat(everything(search, index).filters()).extracting(SearchResponse.OfferedFilter::key)
                    .contains("skill").doesNotContain("industry");

            Map<String, List<String>> facets = new LinkedHashMap<>();
            CandidateFields.facet(facets, "skill", Stream.of("Go"));
            CandidateFields.facet(facets, "industry", Stream.of("Software"));
            index.write(List.of(new IndexedCandidate(CandidateDocuments.key(CONNECTION, ids.get(1)), CONNECTION.connectionId(),
                    ids.get(1), Map.of("name", ids.get(1)), Map.of("all", ids.get(1)), facets, Map.of(), Map.of())), List.of());
            BenchmarkIndexes.publishRecent(index); // the recent change's own split, beside the whole shard's
            SearchResponse after = everything(search, index);
            assertThat(after.filters()).extracting(SearchResponse.OfferedFilter::key).contains("skill", "industry");
            assertThat(after.facets().get("industry")).containsExactly(new SearchResponse.Bucket("Software", 1));
            assertThat(after.facets().get("skill")).hasSize(2);
        });
    }

    /**
     * @param perShard  candidate ids wanted per shard
     * @param documents the candidates to write, given those ids by shard
     * @return a search for everything in a collection of three shards holding them, published as the host publishes
     */
    private SearchResponse searchEverything(int perShard, Function<Map<Integer, List<String>>, List<IndexedCandidate>> documents)
            throws Exception {
        List<SearchResponse> answer = new ArrayList<>();
        withCollection((index, search) -> {
            index.write(documents.apply(idsByShard(index, perShard)), List.of());
            BenchmarkIndexes.publish(index);
            answer.add(everything(search, index));
        });
        return answer.get(0);
    }

    /** Runs {@code use} on a collection of three shards, sharded and cached as the host does it, and the host's search. */
    private void withCollection(BiConsumer<OrgIndex, SearchService> use) throws Exception {
        try (Host host = Host.start(TestHosts.config(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")),
                Map.of("sync.enabled", "false")))) {
            SearchService search = host.injector().getInstance(SearchService.class);
            CandidateFields fields = host.injector().getInstance(Indexes.class).fields();
            HostConfig.Index config = host.injector().getInstance(HostConfig.class).index();
            SplitCacheManager cache = BenchmarkIndexes.cache(config);
            try (OrgIndex index = BenchmarkIndexes.open(dir.resolve("index"), fields, 2 * config.maxShardDocuments(), config, cache)) {
                assertThat(index.shardCount()).isEqualTo(3);
                use.accept(index, search);
            } finally {
                cache.close();
            }
        }
    }

    private static SearchResponse everything(SearchService search, OrgIndex index) {
        return search.search(index, new SearchRequest.Valid(SearchRequest.Corpus.ATS, "", List.of(),
                SearchRequest.Sort.RELEVANCE, 1, 20), null, (c, e) -> new HitIds.Ids(e, e));
    }

    /** @return {@code perShard} candidate ids for each shard, as the collection routes their keys */
    private static Map<Integer, List<String>> idsByShard(OrgIndex index, int perShard) {
        Map<Integer, List<String>> keys = new HashMap<>();
        for (int n = 0; keys.values().stream().mapToInt(List::size).sum() < perShard * index.shardCount()
                || keys.size() < index.shardCount(); n++) {
            String id = "p" + n;
            List<String> list = keys.computeIfAbsent(index.shardOf(CandidateDocuments.key(CONNECTION, id)), s -> new ArrayList<>());
            if (list.size() < perShard) {
                list.add(id);
            }
        }
        return keys;
    }

    private static IndexedCandidate candidate(String id, List<String> skills, Map<String, Long> expected) {
        skills.forEach(s -> expected.merge(s, 1L, Long::sum));
        Map<String, List<String>> facets = new LinkedHashMap<>();
        CandidateFields.facet(facets, "skill", skills.stream());
        return new IndexedCandidate(CandidateDocuments.key(CONNECTION, id), CONNECTION.connectionId(), id, Map.of("name", id), Map.of("all", id), facets,
                Map.of(), Map.of());
    }

}
