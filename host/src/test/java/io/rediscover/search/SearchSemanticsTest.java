package io.rediscover.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.index.Analyzer;
import io.rediscover.index.CandidateDocuments;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.IndexedCandidate;
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
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact hit sets on a small hand-made collection, one row per operator, scope, analysis rule and filter, through
 * {@code POST /api/search} on a real host and a real index. Six people whose every value is chosen so that each row
 * separates the right answer from the near misses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchSemanticsTest {

    private static final ConnectionRef CONNECTION = new ConnectionRef("hand", "c1");

    private ApiFixture api;
    private Http recruiter;

    /** One hand-made person. */
    private record Person(String id, String name, String title, String company, List<String> pastCompanies,
                          List<String> pastTitles, List<String> skills, String school, String degree, String major,
                          String location, String status, long years, List<String> diversity, String updated) {

        IndexedCandidate document() {
            Map<String, String> text = new LinkedHashMap<>();
            text.put("name", Analyzer.analyzed(name));
            text.put("title", Analyzer.analyzed(title));
            text.put("company", Analyzer.analyzed(company));
            text.put("pastcompany", Analyzer.analyzed(String.join(" ; ", pastCompanies)));
            text.put("pasttitle", Analyzer.analyzed(String.join(" ; ", pastTitles)));
            text.put("skill", Analyzer.analyzed(String.join(" ; ", skills)));
            text.put("school", Analyzer.analyzed(school));
            text.put("degree", Analyzer.analyzed(degree));
            text.put("major", Analyzer.analyzed(major));
            text.put("location", Analyzer.analyzed(location));
            text.put(CandidateFields.ATS_TEXT_PREFIX + "status", Analyzer.analyzed(status));
            text.put("all", String.join(" ", text.values()));
            Map<String, List<String>> facets = new LinkedHashMap<>();
            CandidateFields.facet(facets, "location", Stream.of(location));
            CandidateFields.facet(facets, "title", Stream.of(title));
            CandidateFields.facet(facets, "company", Stream.of(company));
            CandidateFields.facet(facets, "skill", skills.stream());
            CandidateFields.facet(facets, "school", Stream.of(school));
            CandidateFields.facet(facets, "diversity", diversity.stream());
            facets.put(CandidateFields.ATS_PREFIX + "status", List.of(status));
            Instant at = Instant.parse(updated + "T12:00:00Z");
            return new IndexedCandidate(CandidateDocuments.key(CONNECTION, id), CONNECTION.connectionId(), id,
                    Map.of("name", name, "title", title, "company", company, "location", location), text, facets,
                    Map.of("n_yearsexperience", years), Map.of("dt_updated", at, "dt_lastUpdated", at));
        }
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("ada", "Ada Lovelace", "Senior Java Engineer", "Acme", List.of("Initech"), List.of("Intern"),
                    List.of("Java", "Spring", "Kotlin"), "MIT", "MSc", "Computer Science", "Boston", "Hired", 12,
                    List.of("female"), "2026-11-20"),
            new Person("bob", "Bob Müller", "Java Developer", "Globex", List.of("Acme"), List.of("Engineer"),
                    List.of("Java", "C++"), "ETH Zürich", "BSc", "Mathematics", "Zürich", "Rejected", 5,
                    List.of(), "2025-03-02"),
            new Person("cat", "Cat Nguyen", "Machine Learning Engineer", "Initech", List.of("Globex"),
                    List.of("Data Analyst"), List.of("Python", "Machine Learning", "C#"), "Stanford", "PhD", "Statistics",
                    "San Francisco", "Interview", 8, List.of("female", "asian"), "2026-06-15"),
            new Person("dan", "Dan Smith", "Engineering Manager", "ACME", List.of("Globex", "Initech"),
                    List.of("Java Engineer"), List.of("Java", "Management"), "MIT", "MBA", "Business", "Boston", "Hired", 20,
                    List.of("veteran"), "2024-01-10"),
            new Person("eve", "Eve O'Brien", "Node.js Developer", "Hooli", List.of(), List.of(),
                    List.of("Node.js", "JavaScript", ".NET"), "UCLA", "BA", "Design", "Los Angeles", "Offer", 2,
                    List.of("black", "female"), "2026-10-01"),
            new Person("fay", "Fay Ortiz", "Data Scientist", "Globex", List.of("Hooli"), List.of("Machine Learning Intern"),
                    List.of("R", "Python", "R&D"), "Stanford", "MSc", "Statistics", "San Francisco", "Interview", 3,
                    List.of("hispanic", "female"), "2026-02-28"));

    @BeforeAll
    void handMadeCollection(@TempDir Path dir) throws Exception {
        api = new ApiFixture(dir, "semantics-secret", 0, Map.of());
        api.org("hand", "ENTERPRISE", true, true);
        recruiter = api.user("hand", "rita@hand.example", "RECRUITER");
        Indexes indexes = api.host().injector().getInstance(Indexes.class);
        OrgIndex index = indexes.candidates("hand");
        index.write(PEOPLE.stream().map(Person::document).toList(), List.of());
        indexes.publishNow();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private Set<String> hits(String body) {
        Http.Reply r = recruiter.post("/api/search", body);
        assertThat(r.status()).as("%s → %s", body, r).isEqualTo(200);
        JsonNode json = r.json();
        Set<String> ids = new TreeSet<>(json.path("hits").findValuesAsText("atsId"));
        assertThat(json.path("total").asLong()).as("total of %s", body).isEqualTo(ids.size());
        return ids;
    }

    private static Set<String> ids(String spaced) {
        return spaced.isBlank() ? Set.of() : Arrays.stream(spaced.trim().split(" +")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String quoted(String query) {
        return "\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "java | ada bob dan",
            "JAVA | ada bob dan",
            "java AND kotlin | ada",
            "java kotlin | ada",
            "kotlin OR python | ada cat fay",
            "java NOT manager | ada bob",
            "java -manager | ada bob",
            "java AND NOT manager | ada bob",
            "(java OR python) AND NOT (status:rejected OR company:acme) | cat fay",
            "kotlin OR python AND statistics | ada cat fay",
            "'\"machine learning\"' | cat fay",
            "'\"learning machine\"' | ",
            "'\"machine engineer\"' | ",
            "'\"machine engineer\"~1' | cat",
            "devel* | bob eve",
            "eng?neer | ada bob cat dan",
            "title:developer | bob eve",
            "title:(java OR scientist) | ada bob fay",
            "'title:\"java engineer\"' | ada",
            "company:acme | ada dan",
            "pastcompany:acme | bob",
            "pasttitle:intern | ada fay",
            "skill:(java OR python) | ada bob cat dan fay",
            "school:mit | ada dan",
            "degree:msc | ada fay",
            "major:statistics | cat fay",
            "location:boston | ada dan",
            "'location:\"san francisco\"' | cat fay",
            "name:muller | bob",
            "name:müller | bob",
            "name:MÜLLER | bob",
            "status:hired | ada dan",
            "status:(interview OR offer) | cat eve fay",
            "c++ | bob",
            "c# | cat",
            ".net | eve",
            "node.js | eve",
            "r&d | fay",
            "zurich | bob",
            "nobody | ",
    })
    void queries(String query, String expected) {
        assertThat(hits("{\"query\":" + quoted(query) + "}")).as(query).isEqualTo(ids(expected == null ? "" : expected));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "'{\"location\":[\"Boston\"]}' | ada dan",
            "'{\"location\":[\"boston\",\"Zürich\"]}' | ada bob dan",
            "'{\"skill\":[\"Java\"],\"status\":[\"Hired\"]}' | ada dan",
            "'{\"company\":[\"Acme\"],\"skill\":[\"Kotlin\"]}' | ada",
            "'{\"yearsexperience\":{\"from\":5,\"to\":12}}' | ada bob cat",
            "'{\"yearsexperience\":{\"from\":10}}' | ada dan",
            "'{\"diversity\":[\"female\"]}' | ada cat eve fay",
            "'{\"diversity\":[\"veteran\",\"black\"]}' | dan eve",
            "'{\"status\":[\"Interview\"],\"school\":[\"Stanford\"],\"diversity\":[\"hispanic\"]}' | fay",
            "'{\"lastUpdated\":{\"from\":\"2026-01-01\"}}' | ada cat eve fay",
            "'{\"lastUpdated\":{\"from\":\"2026-02-28\",\"to\":\"2026-06-15\"}}' | cat fay",
            "'{\"lastUpdated\":{\"to\":\"2025-12-31\"}}' | bob dan",
            "'{\"status\":[\"hired\"]}' | ",
    })
    void filters(String filters, String expected) {
        assertThat(hits("{\"filters\":" + filters + "}")).as(filters).isEqualTo(ids(expected == null ? "" : expected));
    }

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "java | '{\"status\":[\"Hired\"]}' | ada dan",
            "python | '{\"diversity\":[\"female\"],\"yearsexperience\":{\"to\":5}}' | fay",
            "engineer | '{\"location\":[\"Boston\"]}' | ada dan",
    })
    void queriesWithFilters(String query, String filters, String expected) {
        assertThat(hits("{\"query\":" + quoted(query) + ",\"filters\":" + filters + "}")).isEqualTo(ids(expected));
    }

    /** @return the hits' ATS ids in the order the search ranks them */
    private List<String> ranked(String body) {
        Http.Reply r = recruiter.post("/api/search", body);
        assertThat(r.status()).as("%s → %s", body, r).isEqualTo(200);
        return r.json().path("hits").findValuesAsText("atsId");
    }

    /** A filter selects and does not rank: the candidates it keeps are in the order the words alone give them. */
    @ParameterizedTest(name = "{0} filtered by {1}")
    @CsvSource(delimiter = '|', value = {
            "java | skill | Java",
            "engineer OR developer | location | Boston",
            "java OR python OR node.js | diversity | female"})
    void aFilterKeepsTheOrderOfWhatItKeeps(String query, String filter, String value) {
        List<String> filtered = ranked("{\"query\": " + quoted(query) + ", \"filters\": {\"" + filter + "\": [\"" + value + "\"]}}");
        Set<String> kept = Set.copyOf(filtered);
        assertThat(filtered).hasSizeGreaterThan(1);
        assertThat(filtered).isEqualTo(ranked("{\"query\": " + quoted(query) + "}").stream().filter(kept::contains).toList());
    }

    @Test
    void facetsCountTheResultSetAndOnlyFiltersWithValuesAreOffered() {
        JsonNode r = recruiter.post("/api/search", "{\"query\":\"java\"}").json();
        Map<String, Long> status = new LinkedHashMap<>();
        r.at("/facets/status").forEach(b -> status.put(b.path("value").asText(), b.path("count").asLong()));
        assertThat(status).isEqualTo(Map.of("Hired", 2L, "Rejected", 1L));
        List<String> offered = r.path("filters").findValuesAsText("key");
        assertThat(offered).contains("location", "skill", "yearsexperience", "diversity", "status", "lastUpdated")
                .doesNotContain("industry", "certification", "job", "recruiter", "yearsinrole");
    }

    @Test
    void everyFacetValueRefinesToItsCountAndSpellingsOfOneValueAreOne() {
        JsonNode all = recruiter.post("/api/search", "{}").json();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = all.path("facets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> facet = it.next();
            for (JsonNode bucket : facet.getValue()) {
                String filter = "{\"filters\":{" + quoted(facet.getKey()) + ":[" + quoted(bucket.path("value").asText()) + "]}}";
                assertThat(recruiter.post("/api/search", filter).json().path("total").asLong()).as(filter)
                        .isEqualTo(bucket.path("count").asLong());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
        Map<String, Long> companies = new LinkedHashMap<>();
        all.at("/facets/company").forEach(b -> companies.put(b.path("value").asText(), b.path("count").asLong()));
        assertThat(companies).as("Acme and ACME are one company, shown once, in mixed case").containsEntry("Acme", 2L)
                .doesNotContainKey("ACME").containsEntry("Globex", 2L);
        Map<String, Long> locations = new LinkedHashMap<>();
        all.at("/facets/location").forEach(b -> locations.put(b.path("value").asText(), b.path("count").asLong()));
        assertThat(locations).as("spelled as the source spells them").containsEntry("Zürich", 1L).containsEntry("San Francisco", 2L);
    }
}
