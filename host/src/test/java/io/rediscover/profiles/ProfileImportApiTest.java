package io.rediscover.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/admin/profiles/import}, its progress, and {@code GET /api/profiles/{id}}, over real HTTP. */
class ProfileImportApiTest {

    @TempDir
    static Path dir;
    static ApiFixture fixture;
    static Http recruiter;
    static Http orgAdmin;

    @BeforeAll
    static void start() throws Exception {
        // The upload limit is the import's own, far above the API's: a 1 KiB server limit does not stop a corpus.
        fixture = new ApiFixture(dir, "secret", 5, Map.of("server.maxRequestBytes", "1024",
                "profiles.maxImportBytes", "200000"));
        fixture.org("acme", "ENTERPRISE", true, true);
        recruiter = fixture.user("acme", "rita@acme.example", "RECRUITER");
        orgAdmin = fixture.user("acme", "oscar@acme.example", "ORG_ADMIN");
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
    }

    private static Http.Reply upload(Http as, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder r = as.request("/api/admin/profiles/import?name=corpus.jsonl").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(r::header);
        return as.send(r);
    }

    private static JsonNode awaitEnd(String id) throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        ApiFixture.await("import " + id, () -> {
            last[0] = fixture.platform().get("/api/admin/profiles/imports/" + id).json();
            return !last[0].get("state").asText().matches("QUEUED|RUNNING");
        });
        return last[0];
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static String corpus(String prefix, int good) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= good; i++) {
            sb.append(ProfileImportTest.profile(prefix + i, "Ana", "Torres" + i, "linkedin.com/in/" + prefix + "-" + i)).append('\n');
            if (i == 2) {
                sb.append("{\"id\":\"").append(prefix).append("bad\",\"languages\":\"spanish\"}\n");
            }
        }
        return sb.toString();
    }

    @Test
    void anUploadIsAcceptedAtOnceAndImportedInTheBackgroundWithProgressAndBadLines() throws Exception {
        byte[] body = corpus("api", 40).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).as("larger than server.maxRequestBytes").isGreaterThan(1024);
        Http.Reply r = upload(fixture.platform(), "application/x-ndjson", body, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String id = r.json().get("id").asText();
        assertThat(r.json().get("state").asText()).isIn("QUEUED", "RUNNING", "DONE");
        assertThat(r.json().get("fileName").asText()).isEqualTo("corpus.jsonl");
        assertThat(r.headers().get("location")).singleElement().asString().endsWith("/api/admin/profiles/imports/" + id);

        JsonNode end = awaitEnd(id);
        assertThat(end.get("state").asText()).isEqualTo("DONE");
        assertThat(end.at("/counts/imported").asLong()).isEqualTo(40);
        assertThat(end.at("/counts/added").asLong()).isEqualTo(40);
        assertThat(end.at("/counts/bad").asLong()).isEqualTo(1);
        assertThat(end.at("/badLines/0/line").asLong()).isEqualTo(3);
        assertThat(end.at("/badLines/0/reason").asText()).isEqualTo("languages: expected an array of objects, got a string");
        assertThat(end.at("/progress/linesDone").asLong()).isEqualTo(41);
        assertThat(end.at("/progress/bytesDone").asLong()).isEqualTo(body.length);
        assertThat(end.at("/progress/bytesTotal").asLong()).isEqualTo(body.length);
        assertThat(end.at("/progress/estimatedLines").asLong()).isEqualTo(41);
        assertThat(end.at("/progress/ratePerSecond").asDouble()).isPositive();
        assertThat(end.get("by").asText()).isEqualTo(TestTenants.ADMIN_EMAIL);
        assertThat(end.get("source").asText()).isEqualTo("upload");
        assertThat(fixture.platform().get("/api/admin/profiles/imports").json().findValuesAsText("id")).contains(id);

        Http.Reply profile = recruiter.get("/api/profiles/api7");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.json().at("/profile/lastName").asText()).isEqualTo("Torres7");
        assertThat(profile.json().at("/profile/linkedinUrl").asText()).isEqualTo("linkedin.com/in/api-7");
        assertThat(profile.json().get("yearsOfExperience").asDouble()).isZero();
        assertThat(profile.json().get("pastCompanies")).isEmpty();
    }

    @Test
    void gzipBodiesAreAcceptedEitherWay() throws Exception {
        byte[] zipped = gzip(corpus("gza", 3));
        Http.Reply asGzip = upload(fixture.platform(), "application/gzip", zipped, Map.of());
        assertThat(asGzip.status()).as(asGzip.toString()).isEqualTo(202);
        Http.Reply encoded = upload(fixture.platform(), "application/x-ndjson", gzip(corpus("gzb", 2)),
                Map.of("Content-Encoding", "gzip"));
        assertThat(encoded.status()).as(encoded.toString()).isEqualTo(202);
        assertThat(awaitEnd(asGzip.json().get("id").asText()).at("/counts/imported").asLong()).isEqualTo(3);
        assertThat(awaitEnd(encoded.json().get("id").asText()).at("/counts/imported").asLong()).isEqualTo(2);
        assertThat(recruiter.get("/api/profiles/gzb2").status()).isEqualTo(200);
    }

    @Test
    void onlyPlatformAdminsImportAndOnlyJsonLines() {
        byte[] body = corpus("no", 1).getBytes(StandardCharsets.UTF_8);
        assertThat(upload(recruiter, "application/x-ndjson", body, Map.of()).status()).isEqualTo(403);
        Http.Reply admin = upload(orgAdmin, "application/x-ndjson", body, Map.of());
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.json().at("/error/message").asText()).contains("only platform admins may import public profiles");
        assertThat(upload(fixture.anonymous(), "application/x-ndjson", body, Map.of()).status()).isEqualTo(401);
        assertThat(recruiter.get("/api/admin/profiles/imports").status()).isEqualTo(403);

        Http.Reply json = upload(fixture.platform(), "application/json", body, Map.of());
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.field()).isEqualTo("Content-Type");
        assertThat(json.json().at("/error/message").asText()).contains("application/x-ndjson");
        Http.Reply brotli = upload(fixture.platform(), "application/x-ndjson", body, Map.of("Content-Encoding", "br"));
        assertThat(brotli.status()).isEqualTo(400);
        assertThat(brotli.field()).isEqualTo("Content-Encoding");
        assertThat(recruiter.get("/api/profiles/no1").status()).as("nothing was imported").isEqualTo(404);
    }

    @Test
    void anUploadOverTheImportLimitIsRefusedAndNothingIsQueued() {
        int before = fixture.platform().get("/api/admin/profiles/imports").json().size();
        Http.Reply r = upload(fixture.platform(), "application/x-ndjson", new byte[250_000], Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("payload_too_large");
        assertThat(r.json().at("/error/message").asText()).contains("200000");
        assertThat(fixture.platform().get("/api/admin/profiles/imports").json().size()).isEqualTo(before);
    }

    @Test
    void unknownImportsAndProfilesAnswer404AndProfilesNeedASignIn() {
        Http.Reply unknown = fixture.platform().get("/api/admin/profiles/imports/imp_nosuchimport");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        assertThat(recruiter.get("/api/profiles/no-such-profile").status()).isEqualTo(404);
        assertThat(fixture.anonymous().get("/api/profiles/api1").status()).isEqualTo(401);
    }
}
