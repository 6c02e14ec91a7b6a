package io.rediscover.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.icims.simulator.SampleProfileWriter;
import io.rediscover.index.Analyzer;
import io.rediscover.index.ProfileFields;
import io.rediscover.profiles.BadLine;
import io.rediscover.profiles.Profile;
import io.rediscover.profiles.ProfileJson;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/search} over the public profiles, fed by the profile indexer from a generated corpus imported through
 * the API: totals, facets and filters equal what the corpus holds, Boolean queries and scopes, snippets, a re-import seen
 * by search, who may search, and what public search refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicSearchApiTest {

    private static final int PROFILES = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiFixture api;
    private Http recruiter;
    private Http stranger;
    private final Map<String, Profile> corpus = new LinkedHashMap<>();
    private final Map<String, String> lines = new LinkedHashMap<>();

    @BeforeAll
    void importAndIndex(@TempDir Path dir) throws Exception {
        api = new ApiFixture(dir, "public-secret", 5, Map.of());
        api.org("acme", "ENTERPRISE", true, true);
        api.org("other", "TEAM", false, false);
        recruiter = api.user("acme", "rita@acme.example", "RECRUITER");
        stranger = api.user("other", "olga@other.example", "RECRUITER");
        Path file = dir.resolve("corpus.jsonl");
        new SampleProfileWriter().write(file, PROFILES, 7);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Profile p = ProfileJson.parse(line);
            corpus.put(p.id(), p);
            lines.put(p.id(), line);
        }
        upload(Files.readAllBytes(file));
        awaitIndexed(PROFILES);
    }

    @AfterAll
    void stop() throws IOException {
        api.close();
    }

    private void upload(byte[] body) throws InterruptedException {
        Http.Reply r = api.platform().send(api.platform().request("/api/admin/profiles/import?name=corpus.jsonl")
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        String id = r.json().get("id").asText();
        await("import " + id, () -> "DONE".equals(api.platform().get("/api/admin/profiles/imports/" + id).json()
                .path("state").asText()));
    }

    /** Waits until the indexer has nothing left and searches see {@code documents} profiles. */
    private void awaitIndexed(long documents) throws InterruptedException {
        await("the public-profile index", () -> {
            JsonNode p = api.platform().get("/api/admin/pipeline").json().path("profiles");
            return p.path("pending").asLong() == 0 && !p.at("/rebuild/running").asBoolean()
                    && p.path("documents").asLong() == documents;
        });
    }

    private JsonNode search(Http who, String body) {
        Http.Reply r = who.post("/api/search", body);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private long count(Predicate<Profile> which) {
        return corpus.values().stream().filter(which).count();
    }

    private static Set<String> folded(List<String> values) {
        return values.stream().filter(Objects::nonNull).map(Analyzer::keyword).collect(Collectors.toSet());
    }

    /** Whether the analysed values, joined as the index joins them, hold the analysed phrase. */
    private static boolean holdsPhrase(Stream<String> values, String phrase) {
        String text = " " + values.filter(Objects::nonNull).map(Analyzer::analyzed).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" ")) + " ";
        return text.contains(" " + Analyzer.analyzed(phrase) + " ");
    }

    @Test
    void everyProfileIsFoundWithItsDisplayValuesAndOnlyPublicFiltersAreOffered() {
        JsonNode all = search(recruiter, "{\"corpus\":\"public\",\"size\":100}");
        assertThat(all.path("total").asLong()).isEqualTo(PROFILES);
        for (JsonNode hit : all.path("hits")) {
            Profile p = corpus.get(hit.path("id").asText());
            assertThat(p).as("hit %s is a profile of the corpus", hit).isNotNull();
            Map<String, List<String>> values = ProfileFields.values(p);
            for (String field : List.of("name", "title", "company", "location")) {
                JsonNode shown = hit.path(field);
                assertThat(shown.isNull() ? null : shown.asText()).as("%s of %s", field, p.id())
                        .isEqualTo(values.getOrDefault(field, List.of()).stream().findFirst().orElse(null));
            }
            assertThat(hit.path("name").asText()).isEqualTo(p.fullName());
            assertThat(hit.path("atsId").isNull() || hit.path("atsId").isMissingNode()).isTrue();
        }
        String id = all.at("/hits/0/id").asText();
        assertThat(recruiter.get("/api/profiles/" + id).json().at("/profile/id").asText()).isEqualTo(id);
        List<String> offered = all.path("filters").findValuesAsText("key");
        assertThat(offered).contains("skill", "title", "company", "location", "industry", "companysize", "school",
                "degree", "yearsexperience", "diversity", "language").doesNotContain("status", "job", "source", "matched");
        assertThat(all.path("facets").has("status")).isFalse();
    }

    @Test
    void facetsAndFiltersCountWhatTheCorpusHolds() {
        JsonNode all = search(recruiter, "{\"corpus\":\"public\",\"size\":1}");
        for (JsonNode bucket : all.at("/facets/skill")) {
            String skill = Analyzer.keyword(bucket.path("value").asText());
            assertThat(bucket.path("count").asLong()).as("skill %s", skill).isEqualTo(count(p -> folded(p.skills()).contains(skill)));
        }
        for (JsonNode bucket : all.at("/facets/diversity")) {
            String value = bucket.path("value").asText();
            assertThat(bucket.path("count").asLong()).as("diversity %s", value).isEqualTo(count(p -> p.diversity().contains(value)));
        }
        String a = all.at("/facets/skill/0/value").asText();
        String b = all.at("/facets/skill/1/value").asText();
        JsonNode either = search(recruiter, "{\"corpus\":\"public\",\"filters\":{\"skill\":[\"" + a.toUpperCase() + "\",\"" + b + "\"]}}");
        assertThat(either.path("total").asLong()).as("values of one filter OR, whatever their case")
                .isEqualTo(count(p -> folded(p.skills()).contains(Analyzer.keyword(a)) || folded(p.skills()).contains(Analyzer.keyword(b))));

        LocalDate today = LocalDate.now();
        JsonNode narrowed = search(recruiter, "{\"corpus\":\"public\",\"filters\":{\"skill\":[\"" + a + "\"],"
                + "\"diversity\":[\"female\"],\"yearsexperience\":{\"from\":5,\"to\":15}}}");
        assertThat(narrowed.path("total").asLong()).as("filters AND").isEqualTo(count(p -> folded(p.skills()).contains(Analyzer.keyword(a))
                && p.diversity().contains("female") && p.experience().stream().anyMatch(e -> e.startDate() != null)
                && Math.floor(p.yearsOfExperience(today)) >= 5 && Math.floor(p.yearsOfExperience(today)) <= 15));
        assertThat(narrowed.path("total").asLong()).isLessThan(all.path("total").asLong());
        long countedFemale = 0;
        for (JsonNode bucket : narrowed.at("/facets/diversity")) {
            if (bucket.path("value").asText().equals("female")) {
                countedFemale = bucket.path("count").asLong();
            }
        }
        assertThat(countedFemale).as("facets count the filtered set").isEqualTo(narrowed.path("total").asLong());
    }

    @Test
    void booleanQueriesAndScopesFindExactlyTheirProfilesWithSnippets() {
        JsonNode all = search(recruiter, "{\"corpus\":\"public\",\"size\":1}");
        String a = all.at("/facets/skill/0/value").asText();
        String b = all.at("/facets/skill/2/value").asText();
        String query = "skill:\\\"" + a + "\\\" AND NOT skill:\\\"" + b + "\\\"";
        JsonNode found = search(recruiter, "{\"corpus\":\"public\",\"query\":\"" + query + "\",\"size\":100}");
        assertThat(found.path("total").asLong()).isEqualTo(count(p -> holdsPhrase(p.skills().stream(), a)
                && !holdsPhrase(p.skills().stream(), b))).isPositive();
        JsonNode snippet = found.at("/hits/0/snippets/skills/0");
        assertThat(snippet.path("text").asText()).containsIgnoringCase(a.split(" ")[0]);

        Profile someone = corpus.values().stream().skip(11).findFirst().orElseThrow();
        String last = someone.lastName();
        JsonNode byName = search(recruiter, "{\"corpus\":\"public\",\"query\":\"name:\\\"" + last + "\\\"\",\"size\":100}");
        assertThat(byName.path("hits").findValuesAsText("id")).contains(someone.id());
        assertThat(byName.path("total").asLong()).isEqualTo(count(p -> holdsPhrase(Stream.concat(Stream.of(p.fullName()),
                p.nameAliases().stream()), last)));

        String company = someone.jobCompanyName();
        JsonNode byCompany = search(recruiter, "{\"corpus\":\"public\",\"query\":\"company:\\\"" + company + "\\\"\",\"size\":100}");
        assertThat(byCompany.path("total").asLong()).isEqualTo(count(p -> holdsPhrase(Stream.of(p.jobCompanyName()), company)));
    }

    @Test
    void everySignedInUserSearchesTheSameProfilesAndAnonymousCallersNone() {
        long total = search(recruiter, "{\"corpus\":\"public\"}").path("total").asLong();
        assertThat(search(stranger, "{\"corpus\":\"public\"}").path("total").asLong()).as("another org, no integrations").isEqualTo(total);
        assertThat(search(api.platform(), "{\"corpus\":\"public\"}").path("total").asLong()).as("a platform admin").isEqualTo(total);
        assertThat(api.anonymous().post("/api/search", "{\"corpus\":\"public\"}").status()).isEqualTo(401);
        assertThat(api.platform().post("/api/search", "{\"corpus\":\"ats\"}").status()).as("no org's candidates").isEqualTo(403);
    }

    @Test
    void publicSearchRefusesWhatOnlyAtsCandidatesHave() {
        Http.Reply ats = recruiter.post("/api/search", "{\"corpus\":\"public\",\"filters\":{\"status\":[\"Hired\"]}}");
        assertThat(ats.status()).isEqualTo(400);
        assertThat(ats.field()).isEqualTo("filters.status");
        Http.Reply matched = recruiter.post("/api/search", "{\"corpus\":\"public\",\"filters\":{\"matched\":[\"true\"]}}");
        assertThat(matched.status()).isEqualTo(400);
        assertThat(matched.field()).isEqualTo("filters.matched");
        Http.Reply sort = recruiter.post("/api/search", "{\"corpus\":\"public\",\"sort\":\"lastUpdated\"}");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.field()).isEqualTo("sort");
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it adds a profile to the corpus the others count
    void aReimportThatChangesAProfileIsWhatSearchFinds() throws Exception {
        Profile target = corpus.values().stream().skip(5).findFirst().orElseThrow();
        String oldTitle = target.jobTitle();
        ObjectNode changed = (ObjectNode) JSON.readTree(lines.get(target.id()));
        changed.put("job_title", "Chief Zymurgy Officer");
        changed.putArray("skills").add("zymurgy");
        String added = lines.values().iterator().next().replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"late-1\"");
        upload((JSON.writeValueAsString(changed) + "\n" + added + "\n").getBytes(StandardCharsets.UTF_8));
        awaitIndexed(PROFILES + 1);
        await("the change is published", () -> search(recruiter, "{\"corpus\":\"public\",\"query\":\"title:zymurgy\"}")
                .path("total").asLong() == 1);

        JsonNode found = search(recruiter, "{\"corpus\":\"public\",\"query\":\"title:zymurgy\"}");
        assertThat(found.at("/hits/0/id").asText()).isEqualTo(target.id());
        assertThat(found.at("/hits/0/title").asText()).isEqualTo("Chief Zymurgy Officer");
        assertThat(search(recruiter, "{\"corpus\":\"public\",\"filters\":{\"skill\":[\"Zymurgy\"]}}").path("total").asLong()).isEqualTo(1);
        JsonNode old = search(recruiter, "{\"corpus\":\"public\",\"query\":\"title:\\\"" + oldTitle + "\\\"\",\"size\":100}");
        assertThat(old.path("hits").findValuesAsText("id")).doesNotContain(target.id());
        assertThat(search(recruiter, "{\"corpus\":\"public\",\"query\":\"name:zzz OR title:zymurgy\"}").path("total").asLong())
                .as("one document per profile: the old one is gone").isEqualTo(1);
        List<String> ids = new ArrayList<>();
        search(recruiter, "{\"corpus\":\"public\",\"size\":100,\"query\":\"\"}").path("hits").forEach(h -> ids.add(h.path("id").asText()));
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void thePipelineStatusShowsThePublicProfileIndex() {
        JsonNode p = api.platform().get("/api/admin/pipeline").json().path("profiles");
        assertThat(p.path("documents").asLong()).isGreaterThanOrEqualTo(PROFILES);
        assertThat(p.path("pending").asLong()).isZero();
        assertThat(p.at("/rebuild/done").asLong()).as("the first start's rebuild").isGreaterThanOrEqualTo(0);
        assertThat(recruiter.get("/api/admin/pipeline").status()).isEqualTo(403);
    }
}
