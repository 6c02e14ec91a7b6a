package io.rediscover.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.index.Analyzer;
import io.rediscover.index.CandidateDocuments;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.rediscover.insights.HandMadePeople.Person;
import static io.rediscover.insights.HandMadePeople.everyone;
import static io.rediscover.insights.HandMadePeople.holds;
import static io.rediscover.insights.HandMadePeople.team;
import static io.rediscover.insights.HandMadePeople.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /api/insights} on hand-made people written straight into an org's index (one shard) and into the
 * public-profile index (three shards), each in three commits: for every category, with and without a query and
 * filters, the counts, other and unknown equal what is computed from the people themselves, and every shown value
 * refines — the search with that value's filter added finds exactly its count. Another org's data never shows; bad
 * input answers 400 naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Person> PEOPLE = HandMadePeople.generate(300, 11, "");
    private static final List<Person> RIVALS = HandMadePeople.generate(40, 12, "Rival ");

    private ApiFixture api;
    private Http recruiter;
    private Http rival;

    @BeforeAll
    void handMadeIndexes(@TempDir Path dir) throws Exception {
        api = new ApiFixture(dir, "insights-secret", 0, Map.of("index.profileShards", "3"));
        api.org("hand", "ENTERPRISE", true, true);
        api.org("rival", "ENTERPRISE", true, true);
        recruiter = api.user("hand", "rita@hand.example", "RECRUITER");
        rival = api.user("rival", "rob@rival.example", "RECRUITER");
        Indexes indexes = api.host().injector().getInstance(Indexes.class);
        write(indexes.candidates("hand"), PEOPLE, new ConnectionRef("hand", "c1"));
        write(indexes.profiles(), PEOPLE, null);
        write(indexes.candidates("rival"), RIVALS, new ConnectionRef("rival", "c9"));
        indexes.publishNow();
        assertThat(indexes.profiles().shardCount()).isEqualTo(3);
    }

    /** Writes in three commits, so that each shard's split holds several segments. */
    static void write(OrgIndex index, List<Person> people, ConnectionRef ref) {
        int third = people.size() / 3 + 1;
        for (int from = 0; from < people.size(); from += third) {
            index.write(people.subList(from, Math.min(people.size(), from + third)).stream()
                    .map(p -> ref == null ? p.document("profile/" + p.id(), "") : p.document(CandidateDocuments.key(ref, p.id()),
                            ref.connectionId()))
                    .toList(), List.of());
        }
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    static Stream<Arguments> searches() {
        List<Arguments> out = new ArrayList<>();
        for (String corpus : List.of("ats", "public")) {
            out.add(Arguments.of(corpus, "{}", everyone(), null));
            out.add(Arguments.of(corpus, "{\"limit\":5}", everyone(), 5));
            out.add(Arguments.of(corpus, "{\"query\":\"alpha OR gamma\",\"limit\":5}", team("alpha", "gamma"), 5));
            out.add(Arguments.of(corpus, "{\"filters\":{\"location\":[\"boston\",\"ZURICH\"],\"yearsexperience\":{\"from\":3,\"to\":25}},"
                    + "\"limit\":4}", holds("location", "boston", "ZURICH").and(within("yearsexperience", 3L, 25L)), 4));
            out.add(Arguments.of(corpus, "{\"query\":\"alpha\",\"filters\":{\"skill\":[\"JAVA\"],\"diversity\":[\"female\"]},"
                    + "\"limit\":3}", team("alpha").and(holds("skill", "JAVA")).and(holds("diversity", "female")), 3));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("searches")
    void everyCategoryCountsExactlyAndEveryShownValueRefines(String corpus, String body, Predicate<Person> found, Integer limit)
            throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        request.put("corpus", corpus);
        JsonNode answer = insights(recruiter, request.toString());
        List<Person> set = HandMadePeople.where(PEOPLE, found);
        assertThat(set).as("the case selects someone").isNotEmpty();
        assertExact(answer, set, PEOPLE, limit == null ? InsightsRequest.DEFAULT_LIMIT : limit);
        assertRefines(request, answer);
    }

    /**
     * Counts, order, spellings, other and unknown of every category, against the people themselves.
     *
     * @param set        the people the insights describe
     * @param population everyone in the collection: a value is shown as most of them spell it, whatever the search
     */
    static void assertExact(JsonNode answer, List<Person> set, List<Person> population, int limit) {
        assertThat(answer.path("total").asLong()).isEqualTo(set.size());
        List<String> keys = answer.path("categories").findValuesAsText("key");
        assertThat(keys).isEqualTo(Category.ALL.stream().map(Category::key).toList());
        for (JsonNode c : answer.path("categories")) {
            String key = c.path("key").asText();
            HandMadePeople.Expected expected = HandMadePeople.expected(set, key);
            HandMadePeople.Expected everyone = HandMadePeople.expected(population, key);
            assertThat(c.path("label").asText()).as(key).isNotBlank();
            assertThat(c.path("section").asText()).as(key)
                    .isEqualTo(List.of("certification", "language", "group", "interest", "honor").contains(key) ? "other" : "main");
            assertThat(c.path("unknown").asLong()).as("unknown of %s", key).isEqualTo(expected.missing());
            long shown = 0;
            if (key.startsWith("years")) {
                assertThat(c.path("values").findValuesAsText("value")).as(key).isEqualTo(List.of("0–2", "3–5", "6–10", "11–15", "16–20", "20+"));
                for (JsonNode v : c.path("values")) {
                    assertThat(v.path("count").asLong()).as("%s %s", key, v).isEqualTo(expected.counts().getOrDefault(v.path("value").asText(), 0L));
                    shown += v.path("count").asLong();
                }
                assertThat(c.at("/values/0/from").asLong()).isZero();
                assertThat(c.at("/values/0/to").asLong()).isEqualTo(2);
                assertThat(c.at("/values/5/from").asLong()).isEqualTo(21);
                assertThat(c.at("/values/5").has("to")).as("20+ has no end").isFalse();
            } else {
                assertThat(c.path("values").size()).as("values of %s", key).isEqualTo(Math.min(limit, expected.counts().size()));
                long smallest = Long.MAX_VALUE;
                long previous = Long.MAX_VALUE;
                List<String> folded = new ArrayList<>();
                for (JsonNode v : c.path("values")) {
                    String value = v.path("value").asText();
                    String fold = Analyzer.keyword(value);
                    long count = v.path("count").asLong();
                    assertThat(count).as("%s %s", key, value).isEqualTo(expected.counts().get(fold));
                    assertThat(count).as("most frequent first in %s", key).isLessThanOrEqualTo(previous);
                    Map<String, Long> spellings = everyone.spellings().get(fold);
                    // in mixed case if anyone in the collection spells it so, else as most of them spell it
                    Map<String, Long> best = spellings.entrySet().stream().filter(e -> mixedCase(e.getKey()))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                    Map<String, Long> among = best.isEmpty() ? spellings : best;
                    assertThat(among.get(value)).as("%s is spelled as most people in the collection spell it, mixed case first: %s",
                            value, spellings).isEqualTo(among.values().stream().mapToLong(Long::longValue).max().orElseThrow());
                    assertThat(v.has("from")).isFalse();
                    previous = count;
                    smallest = Math.min(smallest, count);
                    shown += count;
                    folded.add(fold);
                }
                long floor = smallest;
                expected.counts().forEach((value, count) -> {
                    if (!folded.contains(value)) {
                        assertThat(count).as("%s %s, not shown, is no more frequent than those shown", key, value).isLessThanOrEqualTo(floor);
                    }
                });
            }
            for (JsonNode v : c.path("values")) {
                assertThat(v.path("share").asDouble()).isCloseTo((double) v.path("count").asLong() / set.size(), within(1e-9));
            }
            assertThat(c.path("other").asLong()).as("other of %s", key).isEqualTo(expected.values() - shown);
        }
    }

    /** Every shown value of every category not already filtered, added to the search's filters, finds its count. */
    private void assertRefines(ObjectNode request, JsonNode answer) {
        int checked = 0;
        for (JsonNode c : answer.path("categories")) {
            String key = c.path("key").asText();
            if (request.path("filters").has(key)) {
                continue;
            }
            for (JsonNode v : c.path("values")) {
                ObjectNode search = refined(request, key, v);
                Http.Reply r = recruiter.post("/api/search", search.toString());
                assertThat(r.status()).as("%s → %s", search, r).isEqualTo(200);
                assertThat(r.json().path("total").asLong()).as("%s", search).isEqualTo(v.path("count").asLong());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    /**
     * @param request a search body (its {@code limit}, for insights, is left out)
     * @param key     a category
     * @param value   a value insights showed in it
     * @return the body with the value's filter added: {@code {key: [value]}}, or a year bucket's {@code {from, to}}
     */
    static ObjectNode refined(ObjectNode request, String key, JsonNode value) {
        ObjectNode search = request.deepCopy();
        search.remove("limit");
        ObjectNode filters = search.has("filters") ? (ObjectNode) search.get("filters") : search.putObject("filters");
        if (value.has("from")) {
            ObjectNode range = filters.putObject(key).put("from", value.path("from").asLong());
            if (value.has("to")) {
                range.put("to", value.path("to").asLong());
            }
        } else {
            filters.putArray(key).add(value.path("value").asText());
        }
        return search;
    }

    private static JsonNode insights(Http who, String body) {
        Http.Reply r = who.post("/api/insights", body);
        assertThat(r.status()).as("%s → %s", body, r).isEqualTo(200);
        return r.json();
    }

    @Test
    void anOrgSeesOnlyItsOwnCandidates() {
        JsonNode mine = insights(recruiter, "{\"limit\":50}");
        JsonNode theirs = insights(rival, "{\"limit\":50}");
        assertThat(mine.path("total").asLong()).isEqualTo(PEOPLE.size());
        assertThat(theirs.path("total").asLong()).isEqualTo(RIVALS.size());
        assertThat(mine.toString()).doesNotContainIgnoringCase("rival");
        for (JsonNode c : theirs.path("categories")) {
            if (!c.path("key").asText().startsWith("years")) {
                c.path("values").forEach(v -> assertThat(v.path("value").asText()).startsWithIgnoringCase("rival "));
            }
        }
        assertExact(theirs, RIVALS, RIVALS, 50);
        assertThat(insights(rival, "{\"corpus\":\"public\"}").path("total").asLong()).as("the public profiles are everyone's")
                .isEqualTo(PEOPLE.size());
    }

    @Test
    void badInputAnswers400NamingTheField() {
        Map<String, String> fields = Map.of(
                "{\"limit\":0}", "limit",
                "{\"limit\":10000}", "limit",
                "{\"limit\":51}", "limit",
                "{\"limit\":\"ten\"}", "limit",
                "{\"filters\":{\"nosuch\":[\"x\"]}}", "filters.nosuch",
                "{\"filters\":{\"skill\":[1]}}", "filters.skill[0]",
                "{\"filters\":{\"yearsexperience\":{\"from\":\"ten\"}}}", "filters.yearsexperience.from",
                "{\"corpus\":\"mars\"}", "corpus",
                "{\"unknown\":1}", "unknown");
        fields.forEach((body, field) -> {
            Http.Reply r = recruiter.post("/api/insights", body);
            assertThat(r.status()).as("%s → %s", body, r).isEqualTo(400);
            assertThat(r.field()).as(body).isEqualTo(field);
        });
        Http.Reply query = recruiter.post("/api/insights", "{\"query\":\"java AND (kotlin\"}");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.code()).isEqualTo("invalid_query");
        assertThat(query.json().at("/error/column").asInt()).isPositive();
        assertThat(recruiter.post("/api/insights", "").status()).isEqualTo(400);
        assertThat(recruiter.post("/api/insights", "[]").status()).isEqualTo(400);
        assertThat(api.anonymous().post("/api/insights", "{}").status()).isEqualTo(401);
        assertThat(api.platform().post("/api/insights", "{}").status()).as("platform admins have no org's ATS").isEqualTo(403);
        assertThat(api.platform().post("/api/insights", "{\"corpus\":\"public\"}").status()).isEqualTo(200);
        assertThat(recruiter.post("/api/insights", "{\"sort\":\"lastUpdated\",\"page\":2,\"size\":5}").status())
                .as("a search body is taken as it is").isEqualTo(200);
    }

    private static boolean mixedCase(String spelling) {
        return spelling.codePoints().anyMatch(Character::isUpperCase) && spelling.codePoints().anyMatch(Character::isLowerCase);
    }
}
