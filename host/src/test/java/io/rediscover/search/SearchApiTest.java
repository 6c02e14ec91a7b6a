package io.rediscover.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.icims.simulator.Person;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.Workflow;
import io.rediscover.index.Indexes;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/search} against a host synced from the simulator: totals, ATS filters and facets equal what the
 * mirror holds, Boolean queries and scopes, snippets, isolation between orgs, and bad input answering 400 with the field
 * or the query's column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

    private ApiFixture api;
    private Http recruiter;
    private Http stranger;

    @BeforeAll
    void syncAndIndex(@TempDir Path dir) throws Exception {
        api = new ApiFixture(dir, "search-secret", Map.of());
        api.org("acme", "ENTERPRISE", true, true);
        api.org("other", "ENTERPRISE", true, true);
        Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
        recruiter = api.user("acme", "rita@acme.example", "RECRUITER");
        stranger = api.user("other", "olga@other.example", "RECRUITER");
        api.connectAndSync(admin, "search-secret");
        RecordingStage.awaitDrained(api.host());
        api.host().injector().getInstance(Indexes.class).publishNow();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private JsonNode search(Http who, String body) {
        Http.Reply r = who.post("/api/search", body);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    /** status → people with at least one workflow in it, from the simulator's own data. */
    private Map<String, Set<Long>> peopleByStatus() {
        Map<String, Set<Long>> out = new HashMap<>();
        for (long p : api.sim().tenant().ids(ProfileType.PERSON)) {
            for (Workflow w : api.sim().tenant().workflowsOf(p)) {
                out.computeIfAbsent(w.status().value(), k -> new HashSet<>()).add(p);
            }
        }
        return out;
    }

    @Test
    void everythingAndTheAtsFiltersCountWhatTheMirrorHolds() {
        JsonNode all = search(recruiter, "{\"corpus\":\"ats\"}");
        assertThat(all.path("total").asLong()).isEqualTo(api.sim().tenant().size(ProfileType.PERSON));
        assertThat(all.path("hits").size()).isEqualTo(20);
        assertThat(all.path("filters").findValuesAsText("key")).contains("status", "job", "source");
        Map<String, Set<Long>> byStatus = peopleByStatus();
        for (JsonNode bucket : all.at("/facets/status")) {
            assertThat(bucket.path("count").asLong()).as("facet %s", bucket)
                    .isEqualTo(byStatus.get(bucket.path("value").asText()).size());
        }
        String status = all.at("/facets/status/0/value").asText();
        JsonNode filtered = search(recruiter, "{\"filters\":{\"status\":[\"" + status + "\"]},\"size\":100}");
        assertThat(filtered.path("total").asLong()).isEqualTo(byStatus.get(status).size());
        assertThat(filtered.path("hits").findValuesAsText("atsId").stream().map(Long::parseLong).collect(Collectors.toSet()))
                .isSubsetOf(byStatus.get(status));
        assertThat(search(stranger, "{}").path("total").asLong()).as("another org sees nothing of acme").isZero();
    }

    @Test
    void booleanQueriesScopesAndSnippets() {
        Person person = api.sim().tenant().person(api.sim().tenant().ids(ProfileType.PERSON).get(3)).orElseThrow();
        String last = person.lastname();
        JsonNode byName = search(recruiter, "{\"query\":\"name:" + last + "\"}");
        assertThat(byName.path("total").asLong()).isPositive();
        byName.path("hits").forEach(h -> assertThat(h.path("name").asText()).containsIgnoringCase(last));
        JsonNode snippet = byName.at("/hits/0/snippets/name/0");
        assertThat(snippet.path("text").asText()).containsIgnoringCase(last);
        int[] mark = {snippet.at("/marks/0/0").asInt(), snippet.at("/marks/0/1").asInt()};
        assertThat(snippet.path("text").asText().substring(mark[0], mark[1])).isEqualToIgnoringCase(last);

        JsonNode without = search(recruiter, "{\"query\":\"name:" + last + " -name:" + person.firstname() + "\"}");
        assertThat(without.path("total").asLong()).isLessThan(byName.path("total").asLong());
        without.path("hits").forEach(h -> assertThat(h.path("name").asText()).doesNotContainIgnoringCase(person.firstname()));
        long either = search(recruiter, "{\"query\":\"name:" + last + " OR name:zzzznobody\"}").path("total").asLong();
        assertThat(either).isEqualTo(byName.path("total").asLong());
        JsonNode mixed = search(recruiter, "{\"query\":\"name:" + last + " AND name:a OR name:b\"}");
        assertThat(mixed.path("warnings").size()).isPositive();
    }

    @Test
    void lastUpdatedSortPagesThroughEveryoneNewestFirst() {
        int everyone = api.sim().tenant().size(ProfileType.PERSON);
        Map<String, Instant> updated = new LinkedHashMap<>();
        List<Instant> seen = new ArrayList<>();
        for (int page = 1; seen.size() < everyone; page++) {
            JsonNode reply = search(recruiter, "{\"sort\":\"lastUpdated\",\"size\":7,\"page\":" + page + "}");
            assertThat(reply.path("hits").size()).as("page %d", page).isPositive();
            reply.path("hits").forEach(h -> {
                Instant at = Instant.parse(h.path("updated").asText());
                seen.add(at);
                assertThat(updated.put(h.path("atsId").asText(), at)).as("%s twice across pages", h).isNull();
            });
        }
        assertThat(updated.keySet()).as("everyone once").hasSize(everyone);
        assertThat(seen).as("newest first, every page after the one before").isSortedAccordingTo(Comparator.reverseOrder());

        String status = search(recruiter, "{}").at("/facets/status/0/value").asText();
        JsonNode filtered = search(recruiter, "{\"sort\":\"lastUpdated\",\"size\":5,\"filters\":{\"status\":[\"" + status + "\"]}}");
        List<Instant> dates = new ArrayList<>();
        filtered.path("hits").forEach(h -> dates.add(Instant.parse(h.path("updated").asText())));
        List<Instant> newestInStatus = peopleByStatus().get(status).stream().map(id -> updated.get(Long.toString(id)))
                .sorted(Comparator.reverseOrder()).limit(5).toList();
        assertThat(dates).isEqualTo(newestInStatus);
    }

    @Test
    void badInputAnswers400NamingTheFieldOrTheColumn() {
        Map<String, String> fields = Map.of(
                "{\"filters\":{\"nosuch\":[\"x\"]}}", "filters.nosuch",
                "{\"filters\":{\"status\":\"x\"}}", "filters.status",
                "{\"filters\":{\"status\":[1]}}", "filters.status[0]",
                "{\"filters\":{\"yearsexperience\":{\"from\":\"ten\"}}}", "filters.yearsexperience.from",
                "{\"size\":10000}", "size",
                "{\"page\":-1}", "page",
                "{\"page\":500,\"size\":100}", "page",
                "{\"corpus\":\"mars\"}", "corpus",
                "{\"sort\":\"random\"}", "sort");
        fields.forEach((body, field) -> {
            Http.Reply r = recruiter.post("/api/search", body);
            assertThat(r.status()).as("%s → %s", body, r).isEqualTo(400);
            assertThat(r.field()).as(body).isEqualTo(field);
        });
        Http.Reply lone = recruiter.post("/api/search", "{\"query\":\"java AND (kotlin\"}");
        assertThat(lone.status()).isEqualTo(400);
        assertThat(lone.code()).isEqualTo("invalid_query");
        assertThat(lone.json().at("/error/column").asInt()).isPositive();
        String huge = "{\"query\":\"" + "java ".repeat(20_000) + "\"}";
        Http.Reply tooLong = recruiter.post("/api/search", huge);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/error/column").asInt()).isEqualTo(4_001);
        Http.Reply deep = recruiter.post("/api/search", "{\"query\":\"" + "(".repeat(1_000) + "java" + ")".repeat(1_000) + "\"}");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(recruiter.post("/api/search", "[]").status()).isEqualTo(400);
        assertThat(recruiter.post("/api/search", "{\"unknown\":1}").field()).isEqualTo("unknown");
        assertThat(api.anonymous().post("/api/search", "{}").status()).isEqualTo(401);
        assertThat(List.of()).isEmpty();
    }
}
