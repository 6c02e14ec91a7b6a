package io.rediscover.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.indextables.tantivy4java.aggregation.CountAggregation;
import io.indextables.tantivy4java.aggregation.CountResult;
import io.indextables.tantivy4java.aggregation.RangeResult;
import io.indextables.tantivy4java.aggregation.TermsAggregation;
import io.indextables.tantivy4java.aggregation.TermsResult;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.indextables.tantivy4java.split.SplitMatchAllQuery;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.index.SplitPart;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What insights rely on in tantivy4java 0.31's split aggregations, held by tests rather than assumed: documents with and
 * without values and the values they hold counted exactly over several segments ({@link FieldCounts}, equal to a value
 * count, which counts values, not documents), year ranges with exclusive ends, and a terms aggregation whose counts are cut per segment unless the segment
 * keeps enough values. And, over two shards, that a shown value a shard cut from its list is counted there again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitAggregationsTest {

    private ApiFixture api;
    private Indexes indexes;
    private Http recruiter;

    @BeforeAll
    void host(@TempDir Path dir) throws Exception {
        api = new ApiFixture(dir, "aggregations-secret", 0, Map.of("index.profileShards", "2"));
        api.org("seg", "ENTERPRISE", true, true);
        recruiter = api.user("seg", "sam@seg.example", "RECRUITER");
        indexes = api.host().injector().getInstance(Indexes.class);
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    /** A person with the given skills and years of experience, and nothing else. */
    private static HandMadePeople.Person person(String id, Long years, String... skills) {
        return new HandMadePeople.Person(id, "alpha", skills.length == 0 ? Map.of() : Map.of("skill", List.of(skills)), years, null);
    }

    private Map<String, Object> aggregate(OrgIndex index, Map<String, SplitAggregation> aggregations) {
        try (OrgIndex.Reading reading = index.read()) {
            assertThat(reading.parts()).hasSize(1);
            SplitPart split = reading.parts().get(0);
            try (SearchResult r = split.search(new SplitMatchAllQuery(), 0, aggregations)) {
                Map<String, Object> out = new LinkedHashMap<>();
                aggregations.keySet().forEach(k -> out.put(k, r.getAggregation(k)));
                return out;
            }
        }
    }

    @Test
    void fieldCountsValueCountsAndRangesOverSegments() {
        OrgIndex index = indexes.candidates("seg");
        List<HandMadePeople.Person> first = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> first.add(person("a" + i, (long) i, "Skill " + i, "Common")));
        IntStream.range(0, 3).forEach(i -> first.add(person("na" + i, null)));
        List<HandMadePeople.Person> second = new ArrayList<>();
        // "Common" once more here, where five other values are three times as frequent: a segment keeping one value cuts it
        IntStream.range(0, 15).forEach(i -> second.add(i == 0 ? person("b" + i, 20L + i, "Other " + i % 5, "Common")
                : person("b" + i, 20L + i, "Other " + i % 5)));
        IntStream.range(0, 2).forEach(i -> second.add(person("nb" + i, null)));
        index.write(first.stream().map(p -> p.document("seg/" + p.id(), "c1")).toList(), List.of());
        index.write(second.stream().map(p -> p.document("seg/" + p.id(), "c1")).toList(), List.of());
        indexes.publishNow();
        String skills = CandidateFields.FOLDED_PREFIX + "skill";
        String years = CandidateFields.NUMBER_PREFIX + "yearsexperience";
        Map<String, SplitAggregation> aggs = new LinkedHashMap<>();
        aggs.put(FieldCounts.AGGREGATION, FieldCounts.aggregation());
        aggs.put("values", new CountAggregation("values", skills));
        aggs.put("years", YearBuckets.aggregation("years", years));
        aggs.put("yearValues", new CountAggregation("yearValues", years));
        aggs.put("cut", new TermsAggregation("cut", skills, 1, 1));
        aggs.put("kept", new TermsAggregation("kept", skills, 1, Integer.MAX_VALUE));
        Map<String, Object> r = aggregate(index, aggs);

        FieldCounts fields = new FieldCounts();
        fields.add((TermsResult) r.get(FieldCounts.AGGREGATION));
        assertThat(fields.documents(skills)).as("45 people, 5 of them without a skill").isEqualTo(40);
        assertThat(fields.values(skills)).as("two skills each in the first segment, one or two in the second")
                .isEqualTo(25 * 2 + 15 + 1).isEqualTo(((CountResult) r.get("values")).getCount());
        assertThat(((CountResult) r.get("values")).getCount()).as("a value count counts values, not documents").isEqualTo(66);
        assertThat(fields.documents(years)).as("one number each: documents with one").isEqualTo(40).isEqualTo(fields.values(years))
                .isEqualTo(((CountResult) r.get("yearValues")).getCount());
        assertThat(fields.documents(CandidateFields.FOLDED_PREFIX + "school")).as("nobody has a school").isZero();
        Map<String, Long> buckets = new LinkedHashMap<>();
        ((RangeResult) r.get("years")).getBuckets().forEach(b -> buckets.put(b.getKey(), b.getDocCount()));
        assertThat(buckets).as("years 0…24 and 20…34; ends exclusive, 20+ from 21, nobody without years")
                .containsEntry("0–2", 3L).containsEntry("3–5", 3L).containsEntry("6–10", 5L).containsEntry("11–15", 5L)
                .containsEntry("16–20", 5L + 1L).containsEntry("20+", 4L + 14L);
        TermsResult cut = (TermsResult) r.get("cut");
        TermsResult kept = (TermsResult) r.get("kept");
        assertThat(kept.getBuckets().get(0).getKeyAsString()).isEqualTo("common");
        assertThat(kept.getBuckets().get(0).getDocCount()).isEqualTo(26);
        assertThat(cut.getBuckets().get(0).getKeyAsString()).isEqualTo("common");
        assertThat(cut.getBuckets().get(0).getDocCount()).as("a segment keeping one value loses the other segment's count")
                .isEqualTo(25);
        assertThat(cut.getDocCountErrorUpperBound()).as("and 0.31 does not say so: why TermsCounts keeps every value of a segment").isZero();
    }

    @Test
    void aValueACutSegmentWouldDropIsCountedBecauseNoSegmentCuts() throws Exception {
        api.org("wide", "ENTERPRISE", true, true);
        Http wide = api.user("wide", "wendy@wide.example", "RECRUITER");
        OrgIndex index = indexes.candidates("wide");
        // segment one: 1,001 skills held by two people each, and "Common" once; segment two: "Common" thirty times
        int kept = 1_000;
        int distinct = kept + 1;
        List<String> holdings = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            IntStream.range(0, distinct).forEach(i -> holdings.add("Skill " + i));
        }
        List<HandMadePeople.Person> first = new ArrayList<>();
        for (int from = 0; from < holdings.size(); from += 6) {
            List<String> skills = new ArrayList<>(holdings.subList(from, Math.min(holdings.size(), from + 6)));
            if (from == 0) {
                skills.add("Common");
            }
            first.add(person("w" + from, 1L, skills.toArray(String[]::new)));
        }
        List<HandMadePeople.Person> second = IntStream.range(0, 30).mapToObj(i -> person("c" + i, 1L, "Common")).toList();
        index.write(first.stream().map(p -> p.document("wide/" + p.id(), "c1")).toList(), List.of());
        index.write(second.stream().map(p -> p.document("wide/" + p.id(), "c1")).toList(), List.of());
        indexes.publishNow();
        String skills = CandidateFields.FOLDED_PREFIX + "skill";
        TermsResult once = (TermsResult) aggregate(index, Map.of("once", new TermsAggregation("once", skills, 3, kept)))
                .get("once");
        assertThat(once.getBuckets().get(0).getKeyAsString()).isEqualTo("common");
        assertThat(once.getBuckets().get(0).getDocCount()).as("the first segment cut Common from its 1,000").isEqualTo(30);

        JsonNode skill = wide.post("/api/insights", "{\"limit\":1}").json().at("/categories/5");
        assertThat(skill.path("key").asText()).isEqualTo("skill");
        assertThat(skill.at("/values/0/value").asText()).isEqualTo("Common");
        assertThat(skill.at("/values/0/count").asLong()).as("every value of each segment kept").isEqualTo(31);
        assertThat(skill.path("other").asLong()).isEqualTo(2L * distinct);
        assertThat(skill.path("unknown").asLong()).isZero();
        assertThat(wide.post("/api/search", "{\"filters\":{\"skill\":[\"Common\"]}}").json().path("total").asLong()).isEqualTo(31);
    }

    @Test
    void aShownValueThatAShardCutIsCountedThereAgain() {
        OrgIndex profiles = indexes.profiles();
        assertThat(profiles.shardCount()).isEqualTo(2);
        List<HandMadePeople.Person> zero = new ArrayList<>();
        List<HandMadePeople.Person> one = new ArrayList<>();
        // shard 0: a×10, b×9, c×8, d×7 and x once, so x is not among its 3 most frequent; shard 1: x×20, y once
        Map<String, Integer> wanted0 = new LinkedHashMap<>(Map.of("A", 10, "B", 9, "C", 8, "D", 7, "X", 1, "", 2));
        Map<String, Integer> wanted1 = new LinkedHashMap<>(Map.of("X", 20, "Y", 1, "", 3));
        for (int i = 0; wanted0.values().stream().mapToInt(Integer::intValue).sum() + wanted1.values().stream().mapToInt(Integer::intValue).sum() > 0; i++) {
            String id = "s" + i;
            Map<String, Integer> wanted = shardOf("profile/" + id, 2) == 0 ? wanted0 : wanted1;
            String skill = wanted.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).findFirst().orElse(null);
            if (skill == null) {
                continue;
            }
            wanted.merge(skill, -1, Integer::sum);
            (wanted == wanted0 ? zero : one).add(skill.isEmpty() ? person(id, 1L) : person(id, 1L, skill));
        }
        List<HandMadePeople.Person> all = new ArrayList<>(zero);
        all.addAll(one);
        profiles.write(all.stream().map(p -> p.document("profile/" + p.id(), "")).toList(), List.of());
        indexes.publishNow();

        Http.Reply r = recruiter.post("/api/insights", "{\"corpus\":\"public\",\"limit\":1}");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode skill = r.json().at("/categories/5");
        assertThat(skill.path("key").asText()).isEqualTo("skill");
        assertThat(skill.at("/values/0/value").asText()).isEqualTo("X");
        assertThat(skill.at("/values/0/count").asLong()).as("20 on one shard, and the one the other shard cut").isEqualTo(21);
        assertThat(skill.path("other").asLong()).isEqualTo(10 + 9 + 8 + 7 + 1);
        assertThat(skill.path("unknown").asLong()).isEqualTo(5);
        assertThat(recruiter.post("/api/search", "{\"corpus\":\"public\",\"filters\":{\"skill\":[\"X\"]}}").json().path("total").asLong())
                .isEqualTo(21);
    }

    /** As the index routes keys to shards. */
    private static int shardOf(String key, int shards) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }
}
