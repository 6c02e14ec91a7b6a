package io.rediscover.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.index.Analyzer;
import io.rediscover.index.Indexes;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Insights of a host synced from the iCIMS simulator, the data {@code rediscover demo} runs on: the categories the ATS
 * fills (location, companies, titles, education, years) show values whose counts equal what the candidates' own views
 * hold and what the search finds with the value's filter (skills too, where the ATS lists them); the categories only enrichment fills (industry,
 * company size, diversity, the "Other" group) show none — every candidate is unknown there, nothing is made up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsSyncedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENRICHMENT_ONLY = Set.of("diversity", "industry", "companysize", "certification", "language",
            "group", "interest", "honor");

    private ApiFixture api;
    private Http recruiter;
    private final List<JsonNode> views = new ArrayList<>();

    @BeforeAll
    void syncAndIndex(@TempDir Path dir) throws Exception {
        api = new ApiFixture(dir, "insights-sync-secret", Map.of());
        api.org("acme", "ENTERPRISE", true, true);
        Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
        recruiter = api.user("acme", "rita@acme.example", "RECRUITER");
        api.connectAndSync(admin, "insights-sync-secret");
        RecordingStage.awaitDrained(api.host());
        api.host().injector().getInstance(Indexes.class).publishNow();
        for (int page = 1; ; page++) {
            JsonNode hits = recruiter.post("/api/search", "{\"size\":100,\"page\":" + page + "}").json().path("hits");
            if (hits.isEmpty()) {
                break;
            }
            hits.forEach(h -> views.add(recruiter.get("/api/candidates/" + h.path("id").asText()).json()));
        }
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    @Test
    void atsCategoriesShowWhatTheCandidatesHoldAndEnrichmentOnesShowNothingMadeUp() {
        Http.Reply r = recruiter.post("/api/insights", "{\"limit\":50}");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode answer = r.json();
        long total = answer.path("total").asLong();
        assertThat(total).isEqualTo(api.sim().tenant().size(ProfileType.PERSON)).isEqualTo(views.size());

        Map<String, Function<JsonNode, List<String>>> fromView = Map.of(
                "location", v -> texts(v.at("/enrichment/location/value")),
                "skill", v -> texts(v.at("/enrichment/skills"), "/value"),
                "school", v -> texts(v.at("/enrichment/education"), "/value/school"),
                "degree", v -> texts(v.at("/enrichment/education"), "/value/degree"),
                "major", v -> texts(v.at("/enrichment/education"), "/value/major"));
        Map<String, JsonNode> byKey = new HashMap<>();
        answer.path("categories").forEach(c -> byKey.put(c.path("key").asText(), c));

        Set<String> filled = new TreeSet<>();
        fromView.forEach((key, values) -> {
            Map<String, Long> expected = new HashMap<>();
            long unknown = 0;
            for (JsonNode view : views) {
                Set<String> folded = new LinkedHashSet<>();
                values.apply(view).forEach(v -> folded.add(Analyzer.keyword(v.strip().replaceAll("\\s+", " "))));
                unknown += folded.isEmpty() ? 1 : 0;
                folded.forEach(f -> expected.merge(f, 1L, Long::sum));
            }
            JsonNode c = byKey.get(key);
            if (!expected.isEmpty()) {
                filled.add(key);
            }
            assertThat(c.path("values").size()).as(key).isEqualTo(Math.min(50, expected.size()));
            long shown = 0;
            for (JsonNode v : c.path("values")) {
                assertThat(v.path("count").asLong()).as("%s %s", key, v).isEqualTo(expected.get(Analyzer.keyword(v.path("value").asText())));
                shown += v.path("count").asLong();
            }
            assertThat(c.path("unknown").asLong()).as("unknown %s", key).isEqualTo(unknown);
            assertThat(c.path("other").asLong()).as("other %s", key)
                    .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum() - shown);
        });

        assertThat(filled).as("the iCIMS people's addresses and education (the simulator lists no skills)")
                .containsExactly("degree", "location", "major", "school");
        for (String key : List.of("company", "title", "pastcompany", "pasttitle")) {
            assertThat(byKey.get(key).path("values").size()).as("the ATS's work history fills %s", key).isPositive();
        }
        long withYears = StreamSupport.stream(byKey.get("yearsexperience").path("values").spliterator(), false)
                .mapToLong(v -> v.path("count").asLong()).sum();
        assertThat(withYears).as("someone has years of experience").isPositive();
        assertThat(withYears + byKey.get("yearsexperience").path("unknown").asLong()).isEqualTo(total);

        for (String key : ENRICHMENT_ONLY) {
            JsonNode c = byKey.get(key);
            assertThat(c.path("values").isEmpty()).as("%s: only enrichment fills it", key).isTrue();
            assertThat(c.path("other").asLong()).as(key).isZero();
            assertThat(c.path("unknown").asLong()).as(key).isEqualTo(total);
        }
    }

    @Test
    void everyShownValueRefinesTheSearchToItsCount() {
        String status = recruiter.post("/api/search", "{}").json().at("/facets/status/0/value").asText();
        for (String body : List.of("{}", "{\"filters\":{\"status\":[\"" + status + "\"]}}")) {
            JsonNode answer = recruiter.post("/api/insights", body).json();
            int checked = 0;
            for (JsonNode c : answer.path("categories")) {
                for (JsonNode v : c.path("values")) {
                    ObjectNode search = InsightsApiTest.refined((ObjectNode) read(body), c.path("key").asText(), v);
                    assertThat(recruiter.post("/api/search", search.toString()).json().path("total").asLong()).as("%s", search)
                            .isEqualTo(v.path("count").asLong());
                    checked++;
                }
            }
            assertThat(checked).as(body).isGreaterThan(50);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the text, or nothing for a missing node or null */
    private static List<String> texts(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? List.of(node.asText()) : List.of();
    }

    /** @return the text at {@code pointer} of each element of an array */
    private static List<String> texts(JsonNode array, String pointer) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.addAll(texts(e.at(pointer))));
        return out;
    }
}
