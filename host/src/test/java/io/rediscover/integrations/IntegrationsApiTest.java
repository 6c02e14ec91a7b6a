package io.rediscover.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.store.Store;
import io.rediscover.sync.RunHistory;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrations lifecycle over real HTTP against the iCIMS simulator: licence gates, create → VERIFYING →
 * CONNECTED (and the first full sync by itself) or FAILED naming the field, edit keeping a blank secret, remove with
 * its mirror data; and the secret itself never coming back out — not in a response, the log, the audit log or the
 * store file.
 */
class IntegrationsApiTest {

    /** Recognisable, so that any leak is found by a plain search. */
    static final String SECRET = "CANARY-s3cr3t-7f2e9d41";

    @TempDir
    static Path dir;
    static ApiFixture fx;
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static PrintStream originalErr;
    static PrintStream originalOut;

    @BeforeAll
    static void start() throws Exception {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(new Tee(originalErr, LOG), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(originalOut, LOG), true, StandardCharsets.UTF_8));
        fx = new ApiFixture(dir, SECRET, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private static JsonNode awaitStatus(Http admin, String id, String... statuses) throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        await("connection " + id + " to be " + String.join(" or ", statuses), () -> {
            last[0] = admin.get("/api/connections/" + id).json();
            return java.util.Arrays.asList(statuses).contains(last[0].get("status").asText());
        });
        return last[0];
    }

    @Test
    void gatesSayWhyAndWhatToDo() {
        fx.org("teamco", "TEAM", true, true);
        Http team = fx.user("teamco", "ann@teamco.test", "ORG_ADMIN");
        Http.Reply tier = team.get("/api/connections");
        assertThat(tier.status()).isEqualTo(403);
        assertThat(tier.json().at("/error/message").asText()).contains("available on Professional and Enterprise licences");
        assertThat(team.post("/api/connections", fx.icimsBody(SECRET, fx.sim().streamId())).status()).isEqualTo(403);

        fx.org("offco", "PROFESSIONAL", false, true);
        Http off = fx.user("offco", "bob@offco.test", "ORG_ADMIN");
        assertThat(off.get("/api/connectors").json().at("/error/message").asText())
                .contains("ask your customer success manager to enable ATS integrations");

        fx.org("nopluginco", "ENTERPRISE", true, false);
        Http noPlugin = fx.user("nopluginco", "cy@nopluginco.test", "ORG_ADMIN");
        assertThat(noPlugin.get("/api/connectors").json().get("connectors")).isEmpty();
        Http.Reply create = noPlugin.post("/api/connections", fx.icimsBody(SECRET, fx.sim().streamId()));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().at("/error/message").asText()).contains("is not enabled for your organisation");
        assertThat(noPlugin.get("/api/connections").json().get("connections")).isEmpty();

        // A platform admin opens the gate: the same request now works.
        assertThat(fx.platform().patch("/api/admin/orgs/teamco", "{\"tier\":\"PROFESSIONAL\"}").json().get("tier").asText())
                .isEqualTo("PROFESSIONAL");
        assertThat(team.get("/api/connections").status()).isEqualTo(200);
        assertThat(team.get("/api/audit").json().get("events").findValuesAsText("action")).contains("org.updated", "org.created");
    }

    @Test
    void recruitersReadStatusOnly() {
        fx.org("readco", "ENTERPRISE", true, true);
        Http recruiter = fx.user("readco", "rita@readco.test", "RECRUITER");
        assertThat(recruiter.get("/api/connections").status()).isEqualTo(200);
        assertThat(recruiter.get("/api/connectors").status()).isEqualTo(200);
        Http.Reply create = recruiter.post("/api/connections", fx.icimsBody(SECRET, fx.sim().streamId()));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().at("/error/message").asText()).contains("only org admins");
        assertThat(recruiter.get("/api/audit").status()).isEqualTo(403);
        assertThat(recruiter.get("/api/admin/orgs").status()).isEqualTo(403);
    }

    @Test
    void theWholeLifecycleNeverLetsTheSecretOut() throws Exception {
        fx.org("acme", "ENTERPRISE", true, true);
        Http admin = fx.user("acme", "ada@acme.test", "ORG_ADMIN");
        Http recruiter = fx.user("acme", "ray@acme.test", "RECRUITER");
        String stream = fx.sim().streamId();

        // Create: validated against the descriptor first; nothing is stored when it fails.
        Http.Reply missing = admin.post("/api/connections", "{\"connectorId\":\"icims-stream\",\"capabilities\":[\"REDISCOVERY\"],"
                + "\"credentials\":{\"clientId\":\"x\",\"streamId\":\"" + stream + "\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.field()).isEqualTo("credentials.clientSecret");
        Http.Reply unknownKey = admin.post("/api/connections", "{\"connectorId\":\"icims-stream\",\"capabilities\":[\"REDISCOVERY\"],"
                + "\"credentials\":{\"clientId\":\"x\",\"clientSecret\":\"y\",\"streamId\":\"z\",\"password\":\"p\"}}");
        assertThat(unknownKey.field()).isEqualTo("credentials.password");
        Http.Reply badCapability = admin.post("/api/connections", "{\"connectorId\":\"icims-stream\",\"capabilities\":[\"REDISCOVERY\",\"SOURCING\"],"
                + "\"credentials\":{\"clientId\":\"x\",\"clientSecret\":\"y\",\"streamId\":\"z\"}}");
        assertThat(badCapability.status()).isEqualTo(400);
        assertThat(badCapability.field()).startsWith("capabilities");
        Http.Reply badFormat = admin.post("/api/connections", "{\"connectorId\":\"icims-stream\",\"capabilities\":[\"REDISCOVERY\"],"
                + "\"credentials\":{\"clientId\":\"has spaces!\",\"clientSecret\":\"y\",\"streamId\":\"z\"}}");
        assertThat(badFormat.field()).isEqualTo("credentials.clientId");
        assertThat(badFormat.json().at("/error/message").asText()).contains("not in the expected format");
        Http.Reply unknownConnector = admin.post("/api/connections", "{\"connectorId\":\"workday\",\"capabilities\":[\"REDISCOVERY\"]}");
        assertThat(unknownConnector.field()).isEqualTo("connectorId");
        assertThat(admin.get("/api/connections").json().get("connections")).isEmpty();

        Http.Reply created = admin.post("/api/connections", fx.icimsBody(SECRET, stream));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("VERIFYING");
        assertThat(created.json().at("/credentials/clientSecret/secret").asBoolean()).isTrue();
        assertThat(created.json().at("/credentials/clientSecret/set").asBoolean()).isTrue();
        assertThat(created.json().at("/credentials/clientId/value").asText()).isEqualTo(fx.sim().clientId());
        String id = created.json().get("id").asText();

        awaitStatus(admin, id, "CONNECTED");
        // The first full sync starts by itself once verified.
        await("the first full sync", () -> "SUCCEEDED".equals(recruiter.get("/api/connections/" + id + "/sync").json()
                .at("/lastRun/result").asText()));
        assertThat(admin.get("/api/connections/" + id + "/sync").json().at("/mirror/live/CANDIDATE").asLong())
                .isEqualTo(fx.sim().tenant().size(ProfileType.PERSON));
        assertThat(recruiter.post("/api/connections/" + id + "/sync", "").status()).isEqualTo(403);
        JsonNode seenByRecruiter = recruiter.get("/api/connections/" + id).json();
        assertThat(seenByRecruiter.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(seenByRecruiter.get("credentials")).as("recruiters see the status only").isEmpty();

        // Edit with the secret left blank: kept, verified again, connected again.
        JsonNode edited = admin.put("/api/connections/" + id, "{\"capabilities\":[\"REDISCOVERY\"],\"credentials\":{\"clientId\":\""
                + fx.sim().clientId() + "\",\"clientSecret\":\"\",\"streamId\":\"" + stream + "\"}}").json();
        assertThat(edited.get("status").asText()).isEqualTo("VERIFYING");
        awaitStatus(admin, id, "CONNECTED");

        // Each bad field is named by the verification.
        admin.put("/api/connections/" + id, fx.icimsBody("a-wrong-secret", stream));
        JsonNode wrongSecret = awaitStatus(admin, id, "FAILED");
        assertThat(wrongSecret.get("statusField").asText()).isEqualTo("clientSecret");
        assertThat(wrongSecret.get("statusMessage").asText()).doesNotContain("a-wrong-secret");
        admin.put("/api/connections/" + id, fx.icimsBody(SECRET, "no-such-stream"));
        assertThat(awaitStatus(admin, id, "FAILED").get("statusField").asText()).isEqualTo("streamId");
        admin.put("/api/connections/" + id, fx.icimsBody(SECRET, stream));
        awaitStatus(admin, id, "CONNECTED");
        Http.Reply changeConnector = admin.put("/api/connections/" + id, "{\"connectorId\":\"other\",\"capabilities\":[\"REDISCOVERY\"]}");
        assertThat(changeConnector.field()).isEqualTo("connectorId");

        // Audit: who did what, never the secret.
        JsonNode audit = admin.get("/api/audit").json().get("events");
        assertThat(audit.findValuesAsText("action")).contains("connection.created", "connection.updated", "user.created");
        assertThat(audit.findValuesAsText("actorEmail")).contains("ada@acme.test");

        // A platform admin switches integrations off: the API says why, and the connection stops syncing.
        fx.platform().patch("/api/admin/orgs/acme", "{\"integrationsEnabled\":false}");
        Http.Reply closed = admin.post("/api/connections/" + id + "/sync", "");
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.json().at("/error/message").asText()).contains("enable ATS integrations");
        assertThat(fx.host().injector().getInstance(io.rediscover.sync.SyncConnections.class).active())
                .doesNotContain(new ConnectionRef("acme", id));
        fx.platform().patch("/api/admin/orgs/acme", "{\"integrationsEnabled\":true}");
        assertThat(fx.host().injector().getInstance(io.rediscover.sync.SyncConnections.class).active())
                .contains(new ConnectionRef("acme", id));

        // Remove: its sync stops, its mirror data and history go, then it is gone.
        ConnectionRef ref = new ConnectionRef("acme", id);
        MirrorStore mirror = fx.host().injector().getInstance(MirrorStore.class);
        assertThat(mirror.counts(ref).live()).isNotEmpty();
        String resume;
        try (var records = mirror.records(ref, io.rediscover.pluginapi.sync.RecordKind.CANDIDATE)) {
            resume = records.filter(r -> r.resume() != null).findFirst().orElseThrow().resume().sha256();
        }
        assertThat(mirror.blob("acme", resume)).isPresent();
        Http.Reply removed = admin.delete("/api/connections/" + id);
        assertThat(removed.status()).isEqualTo(202);
        await("the removal", () -> admin.get("/api/connections/" + id).status() == 404);
        assertThat(mirror.counts(ref).live().values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(mirror.state(ref)).isEmpty();
        try (var records = mirror.records(ref, io.rediscover.pluginapi.sync.RecordKind.CANDIDATE)) {
            assertThat(records.count()).isZero();
        }
        assertThat(fx.host().injector().getInstance(RunHistory.class).latest(ref, 10)).isEmpty();
        assertThat(mirror.blob("acme", resume)).as("its resume files, used by nothing else").isEmpty();
        assertThat(admin.get("/api/audit").json().get("events").findValuesAsText("action")).contains("connection.removed");

        // The scan: every response, every log line, the audit log and the store file.
        assertThat(fx.anonymous().seen()).isNotEmpty().allSatisfy(r -> assertThat(r.body()).doesNotContain(SECRET));
        assertThat(LOG.toString(StandardCharsets.UTF_8)).contains("CONNECTED").doesNotContain(SECRET);
        assertThat(fx.platform().get("/api/admin/audit?org=acme").body()).doesNotContain(SECRET);
        assertThat(new String(Files.readAllBytes(fx.host().injector().getInstance(Store.class).file()), StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
