package io.rediscover.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitTermQuery;
import io.rediscover.icims.simulator.Person;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.index.SplitPart;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate view and the index document against a real host synced from the simulator: the ATS panel in the
 * connector's own fields, workflows, the resume file, finding by ATS id, isolation between orgs, and the index holding
 * every live candidate, following changes and deletions, and dropping a removed connection.
 */
class CandidatesApiTest {

    @TempDir
    Path dir;

    private static long hits(Indexes indexes, String org, String field, String value) {
        OrgIndex index = indexes.candidates(org);
        long n = 0;
        try (OrgIndex.Reading r = index.read()) {
            for (SplitPart s : r.parts()) {
                try (SearchResult result = s.search(new SplitTermQuery(field, value), 10_000)) {
                    n += result.getHits().size();
                }
            }
        }
        return n;
    }

    @Test
    void theViewShowsTheAtsPanelAndTheIndexFollowsTheMirror() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, "cand-secret", Map.of())) {
            api.org("acme", "ENTERPRISE", true, true);
            api.org("other", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            Http recruiter = api.user("acme", "rita@acme.example", "RECRUITER");
            Http stranger = api.user("other", "olga@other.example", "ORG_ADMIN");
            long withText = api.sim().tenant().ids(ProfileType.PERSON).get(5);
            api.sim().tenant().setResume(withText, ("Staff engineer. Built the Quuxplorer telemetry pipeline.\n"
                    + "https://github.com/quux-dev").getBytes(StandardCharsets.UTF_8), "text/plain", "cv.txt");
            String conn = api.connectAndSync(admin, "cand-secret");
            RecordingStage.awaitDrained(api.host());

            long personId = api.sim().tenant().ids(ProfileType.PERSON).stream()
                    .filter(p -> !api.sim().tenant().workflowsOf(p).isEmpty()).findFirst().orElseThrow();
            Person person = api.sim().tenant().person(personId).orElseThrow();
            Http.Reply found = recruiter.get("/api/candidates?connection=" + conn + "&atsId=" + personId);
            assertThat(found.status()).as("%s", found).isEqualTo(200);
            String id = found.json().path("id").asText();
            JsonNode view = recruiter.get("/api/candidates/" + id).json();
            assertThat(view.path("atsId").asText()).isEqualTo(Long.toString(personId));
            assertThat(view.path("name").asText()).contains(person.lastname());
            assertThat(view.path("match").isNull()).isTrue();
            assertThat(view.at("/ats/fields").findValuesAsText("key")).contains("candidateId", "candidateName");
            JsonNode workflows = view.at("/ats/workflows");
            assertThat(workflows.size()).isEqualTo(api.sim().tenant().workflowsOf(personId).size());
            assertThat(workflows.get(0).path("status").asText()).isNotBlank();
            assertThat(view.toString()).as("no LinkedIn URL for an unmatched candidate").doesNotContainIgnoringCase("linkedin.com");

            if (!view.at("/ats/resume").isNull()) {
                Http.Reply file = recruiter.get(view.at("/ats/resume/download").asText());
                assertThat(file.status()).isEqualTo(200);
                assertThat(file.contentType()).isEqualTo(view.at("/ats/resume/mediaType").asText());
                assertThat(file.headers().get("content-disposition").get(0)).startsWith("attachment; filename*=UTF-8''");
            }

            assertThat(stranger.get("/api/candidates/" + id).status()).as("another org's candidate").isEqualTo(404);
            assertThat(stranger.get("/api/candidates/" + id + "/resume").status()).isEqualTo(404);
            assertThat(stranger.get("/api/candidates?connection=" + conn + "&atsId=" + personId).status()).isEqualTo(404);
            assertThat(recruiter.get("/api/candidates/not-an-id").status()).isEqualTo(404);
            assertThat(recruiter.get("/api/candidates?atsId=1").field()).isEqualTo("connection");
            assertThat(api.platform().get("/api/candidates/" + id).status()).as("platform admins belong to no org").isEqualTo(403);

            Indexes indexes = api.host().injector().getInstance(Indexes.class);
            indexes.publishNow();
            int people = api.sim().tenant().size(ProfileType.PERSON);
            assertThat(indexes.candidates("acme").publishedDocuments()).isEqualTo(people);
            assertThat(hits(indexes, "acme", "externalId", Long.toString(personId))).isEqualTo(1);
            assertThat(hits(indexes, "other", "externalId", Long.toString(personId))).as("nothing in another org's index").isZero();

            // The resume's text: served as text, searchable (scoped and not), and where the words were found.
            String textId = recruiter.get("/api/candidates?connection=" + conn + "&atsId=" + withText).json().path("id").asText();
            Http.Reply text = recruiter.get("/api/candidates/" + textId + "/resume?text=true");
            assertThat(text.status()).as("%s", text).isEqualTo(200);
            assertThat(text.body()).contains("Quuxplorer telemetry");
            assertThat(recruiter.get("/api/candidates/" + textId + "/resume").headers().get("content-security-policy"))
                    .as("the ATS's file is never active content of ours").containsExactly("sandbox");
            for (String query : List.of("quuxplorer", "resume:quuxplorer", "resume:\\\"quuxplorer telemetry\\\"")) {
                JsonNode result = recruiter.post("/api/search", "{\"query\":\"" + query + "\"}").json();
                assertThat(result.path("total").asLong()).as(query).isEqualTo(1);
                assertThat(result.at("/hits/0/id").asText()).isEqualTo(textId);
                assertThat(result.at("/hits/0/snippets/resume/0/text").asText()).as(query).contains("Quuxplorer");
            }
            assertThat(recruiter.post("/api/search", "{\"query\":\"title:quuxplorer\"}").json().path("total").asLong()).isZero();

            // A change and a deletion in the ATS reach the index.
            List<Long> ids = api.sim().tenant().ids(ProfileType.PERSON);
            api.sim().tenant().updatePerson(ids.get(1), Map.of("lastname", "Zyxwvut"));
            api.sim().tenant().delete(ProfileType.PERSON, ids.get(2));
            assertThat(admin.post("/api/connections/" + conn + "/sync", "").status()).isEqualTo(202);
            await("the change to be searchable", () -> hits(indexes, "acme", "name", "zyxwvut") == 1);
            await("the deletion to be searchable", () -> hits(indexes, "acme", "externalId", Long.toString(ids.get(2))) == 0);

            // Removing the connection removes its documents.
            assertThat(admin.delete("/api/connections/" + conn).status()).isEqualTo(202);
            await("the removal", () -> admin.get("/api/connections/" + conn).status() == 404);
            indexes.publishNow();
            assertThat(indexes.candidates("acme").publishedDocuments()).isZero();
        }
    }
}
