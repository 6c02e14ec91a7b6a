package io.rediscover.sync;

import io.rediscover.Host;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.integrations.Connection;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.RecordingStage;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler in a running host: connected connections sync by themselves, on request, and stop on CONFIG errors. */
class SyncSchedulerTest {

    @TempDir
    Path dir;
    private IcimsSimulator sim;
    private Host host;
    private Path plugins;

    @BeforeEach
    void start() throws Exception {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(300).seed(9)
                .clockStart(Instant.now().truncatedTo(ChronoUnit.MINUTES)).dailyQuota(0).noise(false).build());
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        host = startHost();
    }

    private final RecordingStage stage = new RecordingStage("recording", 1);
    private final Set<String> heard = stage.heard();

    private Host startHost() throws Exception {
        return Host.start(TestHosts.config(dir.resolve("data"), plugins, Map.of(
                "connectors.icims-stream.apiBaseUrl", sim.baseUrl(), "connectors.icims-stream.tokenUrl", sim.tokenUrl(),
                "connectors.icims-stream.streamBaseUrl", sim.baseUrl(), "connectors.icims-stream.retryBaseMillis", "5",
                "sync.retryMinSeconds", "1")), RecordingStage.module(stage));
    }

    @AfterEach
    void stop() {
        host.close();
        sim.close();
    }

    private Connection connect(String org, String secret) {
        return io.rediscover.testing.TestTenants.connected(host, org,
                Map.of("clientId", sim.clientId(), "clientSecret", secret, "streamId", sim.streamId()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<SyncRun> runs(ConnectionRef ref) {
        return host.injector().getInstance(RunHistory.class).latest(ref, 10);
    }

    @Test
    void aConnectedConnectionSyncsByItselfThenOnRequest() throws Exception {
        Connection c = connect("acme", sim.clientSecret());
        ConnectionRef ref = new ConnectionRef(c.org(), c.id());
        await("the first full run", () -> runs(ref).stream().anyMatch(r -> r.result() == SyncRun.Result.SUCCEEDED));
        assertThat(runs(ref).get(0).mode()).isEqualTo(SyncRun.Mode.FULL);
        assertThat(host.injector().getInstance(MirrorStore.class).counts(ref).live().get(RecordKind.CANDIDATE))
                .isEqualTo(sim.tenant().size(ProfileType.PERSON));
        // The next run is one interval (a day) away, not immediate.
        await("the next run scheduled", () -> host.injector().getInstance(SyncScheduler.class).nextRun(ref)
                .map(next -> next.isAfter(Instant.now().plusSeconds(3600))).orElse(false));

        sim.tenant().updatePerson(sim.tenant().ids(ProfileType.PERSON).get(0), Map.of("lastname", "Now"));
        assertThat(host.injector().getInstance(SyncScheduler.class).syncNow(ref)).isTrue();
        await("the requested run", () -> runs(ref).size() == 2 && runs(ref).get(0).result() == SyncRun.Result.SUCCEEDED);
        assertThat(runs(ref).get(0).mode()).isEqualTo(SyncRun.Mode.INCREMENTAL);
        assertThat(runs(ref).get(0).counts().updated()).isPositive();
    }

    @Test
    void aConfigurationFailureStopsTheScheduleAndAsksForAttention() throws Exception {
        Connection c = connect("acme", "a-wrong-secret");
        ConnectionRef ref = new ConnectionRef(c.org(), c.id());
        ConnectionStore store = host.injector().getInstance(ConnectionStore.class);
        await("needs attention", () -> store.get("acme", c.id()).orElseThrow().status() == Connection.Status.NEEDS_ATTENTION);
        assertThat(store.get("acme", c.id()).orElseThrow().statusMessage()).contains("Client Secret")
                .doesNotContain("a-wrong-secret");
        assertThat(runs(ref)).hasSize(1);
        assertThat(runs(ref).get(0).error().kind()).isEqualTo(ErrorKind.CONFIG);
        Thread.sleep(2_500);
        assertThat(runs(ref)).as("no retries of a configuration error").hasSize(1);
    }

    @Test
    void aRunInterruptedByAStopIsMarkedAndResumedFromItsCheckpoint() throws Exception {
        Connection c = connect("acme", sim.clientSecret());
        ConnectionRef ref = new ConnectionRef(c.org(), c.id());
        await("the first full run", () -> runs(ref).stream().anyMatch(r -> r.result() == SyncRun.Result.SUCCEEDED));
        // What a crash leaves behind: a run still marked running.
        SyncRun crashed = new SyncRun("000000000099", "acme", c.id(), SyncRun.Mode.INCREMENTAL, Instant.now(), null,
                SyncRun.Result.RUNNING, SyncRun.Progress.starting(), SyncRun.Counts.zero(), Map.of(), null);
        host.injector().getInstance(RunHistory.class).save(ref, crashed);
        host.close();
        host = startHost();
        await("the resumed run", () -> runs(ref).stream().filter(r -> r.result() == SyncRun.Result.SUCCEEDED).count() == 2);
        assertThat(runs(ref)).filteredOn(r -> r.runId().equals("000000000099")).singleElement()
                .extracting(SyncRun::result).isEqualTo(SyncRun.Result.INTERRUPTED);
    }

    @Test
    void theSyncApiShowsProgressHistoryAndStartsRunsOnRequest() throws Exception {
        Connection c = connect("acme", sim.clientSecret());
        host.injector().getInstance(io.rediscover.tenancy.UserStore.class).create("boss@acme.test", "Boss",
                io.rediscover.tenancy.Role.ORG_ADMIN, "acme", "boss-password-123", false);
        io.rediscover.testing.Http anonymous = new io.rediscover.testing.Http(host.port());
        io.rediscover.testing.Http http = anonymous.signIn("boss@acme.test", "boss-password-123");
        String base = "/api/connections/" + c.id();
        await("the first run through the API", () -> "SUCCEEDED".equals(http.get(base + "/sync").json().at("/lastRun/result").asText()));
        var status = http.get(base + "/sync").json();
        assertThat(status.at("/connection/status").asText()).isEqualTo("CONNECTED");
        assertThat(status.at("/mirror/live/CANDIDATE").asLong()).isEqualTo(sim.tenant().size(ProfileType.PERSON));
        assertThat(status.at("/lastRun/mode").asText()).isEqualTo("FULL");
        assertThat(status.at("/lastRun/progress/lastCheckpointAt").asText()).isNotBlank();
        assertThat(status.at("/lastRun/requests").has("search/people")).isTrue();
        assertThat(status.at("/nextRunAt").asText()).isNotBlank();

        sim.faults().arm(io.rediscover.icims.simulator.FaultRule.always(io.rediscover.icims.simulator.Endpoint.SEARCH,
                io.rediscover.icims.simulator.Fault.delay(java.time.Duration.ofMillis(1500))));
        assertThat(http.post(base + "/sync", "").status()).isEqualTo(202);
        await("the requested run is running", () -> !http.get(base + "/sync").json().at("/running").isMissingNode()
                && !http.get(base + "/sync").json().at("/running").isNull());
        var running = http.get(base + "/sync").json().at("/running");
        assertThat(running.at("/mode").asText()).isEqualTo("INCREMENTAL");
        var again = http.post(base + "/sync", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/error/message").asText()).contains("already running");
        sim.faults().clear();
        await("two runs in the history", () -> http.get(base + "/runs").json().at("/runs").size() == 2
                && "SUCCEEDED".equals(http.get(base + "/runs").json().at("/runs/0/result").asText()));
        String runId = http.get(base + "/runs").json().at("/runs/0/runId").asText();
        assertThat(http.get(base + "/runs/" + runId + "/failures").json().at("/failures").size()).isZero();

        assertThat(http.get("/api/connections/999/sync").status()).isEqualTo(404);
        assertThat(http.get(base + "/runs/000000000777/failures").status()).isEqualTo(404);
        var badLimit = http.get(base + "/runs?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().at("/error/field").asText()).isEqualTo("limit");
        var notANumber = http.get(base + "/runs?limit=abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().at("/error/field").asText()).isEqualTo("limit");

        heard.clear();
        assertThat(http.post("/api/admin/reindex", "").status()).as("org admins may not reindex").isEqualTo(403);
        io.rediscover.testing.Http platform = anonymous.signIn(io.rediscover.testing.TestTenants.ADMIN_EMAIL,
                io.rediscover.testing.TestTenants.ADMIN_PASSWORD);
        assertThat(platform.get("/api/admin/reindex").status()).isEqualTo(404);
        assertThat(platform.post("/api/admin/reindex", "").status()).isEqualTo(202);
        await("the reindex", () -> platform.get("/api/admin/reindex").status() == 200
                && !platform.get("/api/admin/reindex").json().get("running").asBoolean());
        var reindex = platform.get("/api/admin/reindex").json();
        assertThat(reindex.get("done").asLong()).isEqualTo(sim.tenant().size(ProfileType.PERSON));
        RecordingStage.awaitDrained(host);
        assertThat(heard).hasSize(sim.tenant().size(ProfileType.PERSON));
    }
}
