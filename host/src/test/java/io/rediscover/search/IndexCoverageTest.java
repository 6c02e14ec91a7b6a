package io.rediscover.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.index.Indexes;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.sync.SyncConnections;
import io.rediscover.sync.SyncRun;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.HeldStage;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search and insights answers say when the index does not hold the whole corpus yet — the org's first download has not
 * finished, candidates wait to be indexed, no ATS is connected at all — and stop saying it once it does; the print view
 * and the export say it too.
 */
class IndexCoverageTest {

    @TempDir
    Path dir;
    private ApiFixture api;

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    private static JsonNode post(Http who, String path, String body) {
        Http.Reply r = who.post(path, body);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    @Test
    void candidatesWaitingToBeIndexedAreSaidUntilTheyAreSearchable() throws Exception {
        HeldStage gate = new HeldStage();
        api = new ApiFixture(dir, "coverage-secret", 40, Map.of(), RecordingStage.module(gate));
        api.org("acme", "ENTERPRISE", true, true);
        api.org("other", "ENTERPRISE", true, true);
        Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
        Http recruiter = api.user("acme", "rita@acme.example", "RECRUITER");
        Http stranger = api.user("other", "olga@other.example", "RECRUITER");
        String conn = api.connectAndSync(admin, "coverage-secret");

        String endedAt = admin.get("/api/connections/" + conn + "/runs").json().at("/runs/0/endedAt").asText();
        JsonNode held = post(recruiter, "/api/search", "{\"corpus\":\"ats\"}");
        assertThat(held.path("total").asLong()).as("nothing indexed while the pipeline is held").isZero();
        assertThat(held.path("syncedAt").asText()).as("the data is as of the sync, indexed or not").isEqualTo(endedAt);
        assertThat(held.at("/indexing/reason").asText()).isEqualTo("INDEXING");
        assertThat(held.at("/indexing/waiting").asLong()).isEqualTo(40);
        assertThat(held.at("/indexing/message").asText())
                .isEqualTo("40 candidates are still being indexed: results and counts may leave them out or show them as before.");
        JsonNode insights = post(recruiter, "/api/insights", "{\"corpus\":\"ats\"}");
        assertThat(insights.at("/indexing/waiting").asLong()).isEqualTo(40);
        assertThat(insights.path("syncedAt").asText()).isEqualTo(endedAt);
        Http.Reply print = recruiter.get("/api/insights/print?corpus=ats");
        assertThat(print.body()).contains("<dt>Incomplete</dt><dd>40 candidates are still being indexed")
                .contains("<dt>ATS data as of</dt><dd>" + endedAt.substring(0, 10) + " " + endedAt.substring(11, 16) + " UTC</dd>");
        assertThat(summary(recruiter)).containsSequence("Incomplete", "40 candidates are still being indexed: results and "
                + "counts may leave them out or show them as before.");
        JsonNode profiles = post(recruiter, "/api/search", "{\"corpus\":\"public\"}");
        assertThat(profiles.get("indexing").isNull()).as("the public profiles are another corpus, with nothing waiting").isTrue();
        assertThat(profiles.get("syncedAt").isNull()).as("and no sync of theirs").isTrue();

        JsonNode none = post(stranger, "/api/search", "{\"corpus\":\"ats\"}").path("indexing");
        assertThat(none.path("reason").asText()).as("another org's backlog is not this org's: it has no ATS at all")
                .isEqualTo("NOT_CONNECTED");
        assertThat(post(stranger, "/api/search", "{\"corpus\":\"ats\"}").get("syncedAt").isNull()).isTrue();
        assertThat(none.path("message").asText())
                .isEqualTo("No ATS is connected to your org yet: your org's admins connect one under Integrations.");

        gate.release();
        RecordingStage.awaitDrained(api.host());
        api.host().injector().getInstance(Indexes.class).publishNow();
        JsonNode searchable = post(recruiter, "/api/search", "{\"corpus\":\"ats\"}");
        assertThat(searchable.path("total").asLong()).isEqualTo(40);
        assertThat(searchable.get("indexing").isNull()).as("%s", searchable.get("indexing")).isTrue();
        assertThat(post(recruiter, "/api/insights", "{\"corpus\":\"ats\"}").get("indexing").isNull()).isTrue();
        assertThat(recruiter.get("/api/insights/print?corpus=ats").body()).doesNotContain("Incomplete");
        assertThat(summary(recruiter)).doesNotContain("Incomplete");
    }

    /** @return the texts of the export's summary sheet, cell by cell */
    private static List<String> summary(Http who) throws Exception {
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(who.request("/api/insights/export.xlsx")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"corpus\":\"ats\"}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            book.getSheet("Summary").forEach(r -> r.forEach((Cell c) -> out.add(c.toString())));
        }
        return out;
    }

    @Test
    void aFirstDownloadStoppedByItsBudgetIsSaidWithWhatIsMirroredSoFar() throws Exception {
        api = new ApiFixture(dir, "coverage-secret", b -> b.people(300).dailyQuota(1_000), Map.of());
        api.org("acme", "ENTERPRISE", true, true);
        Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
        Http recruiter = api.user("acme", "rita@acme.example", "RECRUITER");
        String conn = admin.post("/api/connections", api.icimsBody("coverage-secret", api.sim().streamId(),
                "{\"requestsPerDay\":150}")).json().path("id").asText();
        await("the first run to stop at its budget", () -> "BUDGET_SPENT".equals(admin.get("/api/connections/" + conn + "/runs")
                .json().at("/runs/0/result").asText()));
        RecordingStage.awaitDrained(api.host());
        api.host().injector().getInstance(Indexes.class).publishNow();

        long mirrored = api.host().injector().getInstance(MirrorStore.class).counts(new ConnectionRef("acme", conn))
                .live().get(RecordKind.CANDIDATE);
        assertThat(mirrored).as("part of the ATS mirrored").isBetween(1L, 299L);
        JsonNode found = post(recruiter, "/api/search", "{\"corpus\":\"ats\"}");
        assertThat(found.path("total").asLong()).isEqualTo(mirrored);
        assertThat(found.at("/indexing/reason").asText()).isEqualTo("FIRST_DOWNLOAD");
        assertThat(found.get("syncedAt").isNull()).as("no sync has succeeded yet").isTrue();
        assertThat(found.at("/indexing/waiting").asLong()).as("everything mirrored is indexed").isZero();
        assertThat(found.at("/indexing/message").asText()).isEqualTo("The first download from your ATS has not finished: "
                + String.format(java.util.Locale.ROOT, "%,d", mirrored) + " candidates so far. Results and counts cover only those searchable now.");
        assertThat(post(recruiter, "/api/insights", "{\"corpus\":\"ats\"}").at("/indexing/reason").asText())
                .isEqualTo("FIRST_DOWNLOAD");

        // the permission is then removed for good: the connection stops syncing, what it mirrored stays partial
        ConnectionRef ref = new ConnectionRef("acme", conn);
        SyncConnections connections = api.host().injector().getInstance(SyncConnections.class);
        connections.needsAttention(ref, new SyncRun.RunError(ErrorKind.CONFIG, "permission removed", null));
        assertThat(connections.active()).doesNotContain(ref);
        assertThat(post(recruiter, "/api/search", "{\"corpus\":\"ats\"}").at("/indexing/message").asText())
                .startsWith("The first download from your ATS has not finished: ");
    }
}
