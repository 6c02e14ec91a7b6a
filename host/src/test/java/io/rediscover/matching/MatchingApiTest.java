package io.rediscover.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitTermQuery;
import io.rediscover.icims.simulator.MatchTruth;
import io.rediscover.icims.simulator.SampleProfileWriter;
import io.rediscover.index.Analyzer;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.index.SplitPart;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.profiles.ProfileImport;
import io.rediscover.profiles.ProfileImports;
import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;
import io.rediscover.store.Store;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching end to end on a labelled set: a generated corpus imported into a real host, a simulated iCIMS tenant derived
 * from it (LinkedIn URLs in the ATS field as spelt and in other spellings, only in PDF or DOCX resumes read by the real
 * text stage, no URL, typos, nicknames, job changes, look-alikes), the real sync and pipeline; then every candidate's
 * view against its ground truth, the enrichment of matched candidates and the bareness of unmatched ones, the stage's
 * idempotence per version, and re-matching when a re-import changes a profile.
 */
class MatchingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void candidatesMatchTheirProfilesAndLookAlikesMatchNothing() throws Exception {
        Path corpus = dir.resolve("corpus.jsonl");
        new SampleProfileWriter().write(corpus, 1_500, 11);
        try (ApiFixture api = new ApiFixture(dir, "match-secret", b -> b.people(320).profiles(corpus),
                Map.of("connectors.icims-stream.linkedinFieldIds", "field4711"))) {
            ProfileImports imports = api.host().injector().getInstance(ProfileImports.class);
            assertThat(imports.importFile(corpus, "test", p -> { }).counts().imported()).isEqualTo(1_500);
            api.org("acme", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            String conn = api.connectAndSync(admin, "match-secret");
            RecordingStage.awaitDrained(api.host());

            Map<MatchTruth.Variant, int[]> matched = new EnumMap<>(MatchTruth.Variant.class); // [people, matched]
            Map<Long, JsonNode> views = new HashMap<>();
            for (Map.Entry<Long, MatchTruth> e : api.sim().tenant().truths().entrySet()) {
                JsonNode view = view(admin, conn, e.getKey());
                views.put(e.getKey(), view);
                MatchTruth truth = e.getValue();
                int[] n = matched.computeIfAbsent(truth.variant(), v -> new int[2]);
                n[0]++;
                JsonNode match = view.path("match");
                if (match.isNull()) {
                    assertThat(view.toString()).as("no LinkedIn URL in an unmatched view: %s", view)
                            .doesNotContainIgnoringCase("linkedin.com");
                    continue;
                }
                n[1]++;
                assertThat(match.path("profileId").asText()).as("person %d (%s): %s", e.getKey(), truth, match)
                        .isEqualTo(truth.profileId());
                if (truth.variant().needsLinkedin()) {
                    assertThat(match.path("method").asText()).as("%s %s", truth, view).isEqualTo("LINKEDIN");
                }
                assertEnriched(view, truth.variant().needsLinkedin());
            }
            for (MatchTruth.Variant v : List.of(MatchTruth.Variant.URL_IN_FIELD, MatchTruth.Variant.URL_VARIANT,
                    MatchTruth.Variant.URL_ONLY_IN_PDF_RESUME, MatchTruth.Variant.URL_ONLY_IN_DOCX_RESUME)) {
                assertThat(matched.get(v)[0]).as("%s people", v).isPositive();
                assertThat(matched.get(v)[1]).as("%s: every one matched", v).isEqualTo(matched.get(v)[0]);
            }
            for (MatchTruth.Variant v : List.of(MatchTruth.Variant.NO_URL, MatchTruth.Variant.NICKNAME,
                    MatchTruth.Variant.NAME_TYPO, MatchTruth.Variant.JOB_CHANGE)) {
                assertThat(matched.get(v)[1]).as("%s: matched by their history (of %d)", v, matched.get(v)[0])
                        .isGreaterThanOrEqualTo(matched.get(v)[0] * 8 / 10).isPositive();
            }
            assertThat(matched.get(MatchTruth.Variant.LOOK_ALIKE)[0]).isPositive();
            assertThat(matched.get(MatchTruth.Variant.LOOK_ALIKE)[1]).as("look-alikes matched").isZero();

            // The index knows who is matched, and finds a matched candidate by what only its profile says.
            Indexes indexes = api.host().injector().getInstance(Indexes.class);
            indexes.publishNow();
            long matchedPeople = matched.values().stream().mapToLong(n -> n[1]).sum();
            assertThat(hits(indexes, "fk_matched", "true")).isEqualTo(matchedPeople);
            assertThat(hits(indexes, "fk_matched", "false")).isEqualTo(api.sim().tenant().truths().size() - matchedPeople);
            JsonNode withIndustry = views.values().stream().filter(v -> v.at("/enrichment/attributes/industry").size() > 0)
                    .findFirst().orElseThrow();
            String industry = withIndustry.at("/enrichment/attributes/industry/0/value").asText();
            assertThat(hits(indexes, "fk_industry", Analyzer.keyword(industry))).isPositive();

            ConnectionRef ref = new ConnectionRef("acme", conn);
            long linked = api.sim().tenant().truths().entrySet().stream()
                    .filter(e -> e.getValue().variant() == MatchTruth.Variant.URL_IN_FIELD).findFirst().orElseThrow().getKey();
            idempotentPerVersion(api, ref, Long.toString(linked));
            rematchesWhenAReimportChangesTheProfile(api, admin, conn, linked,
                    api.sim().tenant().truth(linked).orElseThrow().profileId(), corpus);
        }
    }

    private static long hits(Indexes indexes, String field, String value) {
        long n = 0;
        try (OrgIndex.Reading r = indexes.candidates("acme").read()) {
            for (SplitPart s : r.parts()) {
                try (SearchResult result = s.search(new SplitTermQuery(field, value), 10_000)) {
                    n += result.getHits().size();
                }
            }
        }
        return n;
    }

    private static JsonNode view(Http user, String conn, long personId) {
        Http.Reply found = user.get("/api/candidates?connection=" + conn + "&atsId=" + personId);
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        return user.get("/api/candidates/" + found.json().path("id").asText()).json();
    }

    /**
     * A matched view carries the profile: its headline, attributes and LinkedIn URL (when it has one), each sourced to it.
     */
    private static void assertEnriched(JsonNode view, boolean profileHasLinkedin) {
        JsonNode enrichment = view.path("enrichment");
        assertThat(enrichment.at("/headline/source").asText()).isEqualTo("PUBLIC_PROFILE");
        if (profileHasLinkedin) {
            assertThat(enrichment.path("socialLinks")).anyMatch(l -> l.path("value").asText().contains("linkedin.com/in/")
                    && l.path("source").asText().equals("PUBLIC_PROFILE"));
        }
        assertThat(enrichment.path("socialLinks")).noneMatch(l -> l.path("value").asText().contains("linkedin.com/in/")
                && !l.path("source").asText().equals("PUBLIC_PROFILE"));
        enrichment.path("attributes").forEach(values -> values.forEach(v ->
                assertThat(v.path("source").asText()).isEqualTo("PUBLIC_PROFILE")));
        assertThat(enrichment.path("skills")).allMatch(s -> !s.path("source").asText().isEmpty());
    }

    /** Counts the stage's writes: a version already matched is not matched again, a newer one is. */
    private static void idempotentPerVersion(ApiFixture api, ConnectionRef ref, String candidateId) throws Exception {
        MatchStage stage = api.host().injector().getInstance(MatchStage.class);
        Matches.Record stored = api.host().injector().getInstance(Matches.class).record(ref, candidateId).orElseThrow();
        int[] writes = {0};
        PipelineStage.Results counting = new PipelineStage.Results() {
            @Override
            public void failed(PipelineItem item, String reason) {
                throw new AssertionError(reason);
            }

            @Override
            public void write(Consumer<Store.Batch> w) {
                writes[0]++;
            }
        };
        stage.process(List.of(new PipelineItem(ref, candidateId, stored.version())), counting);
        stage.process(List.of(new PipelineItem(ref, candidateId, stored.version() - 1)), counting);
        assertThat(writes[0]).as("versions matched already").isZero();
        stage.process(List.of(new PipelineItem(ref, candidateId, stored.version() + 1)), counting);
        assertThat(writes[0]).as("a newer version").isEqualTo(1);
    }

    /** A re-import that renames the matched profile and drops its URL unmatches the candidate; the original brings it back. */
    private static void rematchesWhenAReimportChangesTheProfile(ApiFixture api, Http user, String conn, long personId,
                                                                String profileId, Path corpus) throws Exception {
        String original = Files.readAllLines(corpus, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("\"id\":\"" + profileId + "\"")).findFirst().orElseThrow();
        ObjectNode renamed = (ObjectNode) JSON.readTree(original);
        renamed.put("first_name", "Zebedee").put("last_name", "Quarrington").put("full_name", "zebedee quarrington")
                .remove(List.of("linkedin_url", "profiles", "name_aliases", "github_url"));
        ProfileImports imports = api.host().injector().getInstance(ProfileImports.class);
        Path change = Files.writeString(api.host().injector().getInstance(Store.class).file().resolveSibling("change.jsonl"),
                JSON.writeValueAsString(renamed) + "\n");
        ProfileImport done = imports.importFile(change, "test", p -> { });
        assertThat(done.counts().replaced()).isEqualTo(1);
        await("the candidate to be matched again without its profile",
                () -> !profileId.equals(view(user, conn, personId).at("/match/profileId").asText()));
        assertThat(view(user, conn, personId).toString()).doesNotContain(profileId);

        Files.writeString(change, original + "\n");
        imports.importFile(change, "test", p -> { });
        await("the candidate to be matched to the profile restored",
                () -> profileId.equals(view(user, conn, personId).at("/match/profileId").asText()));
    }
}
