package io.rediscover.sync;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.rediscover.Host;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorCounts;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.Credentials;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's half of sync with the real iCIMS plugin zip against the simulator: the mirror sink commits records with
 * checkpoints, keeps the run history, and tells listeners which candidates changed.
 */
class SyncRunnerTest {

    @TempDir
    Path dir;
    private IcimsSimulator sim;
    private Host host;
    private final RecordingStage stage = new RecordingStage("recording", 1);
    private final Set<String> heard = stage.heard();
    private final ConnectionRef ref = new ConnectionRef("acme", "c1");

    @BeforeEach
    void start() throws Exception {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(1_500).seed(3)
                .clockStart(Instant.now().truncatedTo(ChronoUnit.MINUTES)).dailyQuota(0).noise(true).build());
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        host = Host.start(TestHosts.config(dir.resolve("data"), plugins, Map.of(
                "connectors.icims-stream.apiBaseUrl", sim.baseUrl(), "connectors.icims-stream.tokenUrl", sim.tokenUrl(),
                "connectors.icims-stream.streamBaseUrl", sim.baseUrl(), "connectors.icims-stream.retryBaseMillis", "5")),
                RecordingStage.module(stage));
    }

    @AfterEach
    void stop() {
        host.close();
        sim.close();
    }

    private SyncConnection connection() {
        var icims = host.injector().getInstance(ConnectorRegistry.class).find("icims-stream").orElseThrow();
        return new SyncConnection(ref, "icims-stream", Credentials.of(icims.descriptor(), Map.of("clientId", sim.clientId(),
                "clientSecret", sim.clientSecret(), "streamId", sim.streamId())), Duration.ofDays(1), true, java.util.Optional.empty());
    }

    @Test
    void aFullThenAnIncrementalRunMirrorTheTenantExactly() throws Exception {
        SyncRunner runner = host.injector().getInstance(SyncRunner.class);
        MirrorStore mirror = host.injector().getInstance(MirrorStore.class);
        SyncRun full = runner.run(connection(), Cancellation.never());
        assertThat(full.result()).as("%s", full.error()).isEqualTo(SyncRun.Result.SUCCEEDED);
        assertThat(full.mode()).isEqualTo(SyncRun.Mode.FULL);
        MirrorCounts counts = mirror.counts(ref);
        assertThat(counts.live()).containsEntry(RecordKind.CANDIDATE, (long) sim.tenant().size(ProfileType.PERSON))
                .containsEntry(RecordKind.JOB, (long) sim.tenant().size(ProfileType.JOB));
        // The simulator's noise hides a requested field now and then (B4): a workflow without its person cannot be
        // placed, so it is listed as a failure of the run, never dropped silently.
        RunHistory runs = host.injector().getInstance(RunHistory.class);
        assertThat(counts.live().get(RecordKind.APPLICATION) + full.counts().failed())
                .isEqualTo(sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        assertThat(runs.failures(ref, full.runId(), 10_000)).hasSize((int) full.counts().failed())
                .allSatisfy(f -> assertThat(f.reason()).contains("names no person"));
        assertThat(full.counts().added()).isEqualTo(counts.live().values().stream().mapToLong(Long::longValue).sum());
        assertThat(full.requests()).containsKey("search/people");
        assertThat(full.progress().lastCheckpointAt()).isNotNull();
        RecordingStage.awaitDrained(host);
        assertThat(heard).hasSize(sim.tenant().size(ProfileType.PERSON));
        long withResume;
        try (var all = mirror.records(ref, RecordKind.CANDIDATE)) {
            withResume = all.filter(r -> r.resume() != null).peek(r ->
                    assertThat(mirror.blob(ref.org(), r.resume().sha256())).isPresent()).count();
        }
        assertThat(withResume).isPositive();
        String person = Long.toString(sim.tenant().ids(ProfileType.PERSON).get(0));
        List<MirrorRecord> apps = mirror.applicationsOf(ref, person);
        assertThat(apps).hasSize(sim.tenant().workflowsOf(Long.parseLong(person)).size());

        // Changes in the ATS: one update, one deletion, one merge.
        List<Long> ids = sim.tenant().ids(ProfileType.PERSON);
        sim.tenant().updatePerson(ids.get(1), Map.of("lastname", "Updated"));
        sim.tenant().delete(ProfileType.PERSON, ids.get(2));
        sim.tenant().mergePerson(ids.get(3), ids.get(4));
        heard.clear();
        SyncRun incremental = runner.run(connection(), Cancellation.never());
        assertThat(incremental.result()).as("%s", incremental.error()).isEqualTo(SyncRun.Result.SUCCEEDED);
        assertThat(incremental.mode()).isEqualTo(SyncRun.Mode.INCREMENTAL);
        assertThat(mirror.record(ref, RecordKind.CANDIDATE, Long.toString(ids.get(1))).orElseThrow().data()
                .get("lastName").asText()).isEqualTo("Updated");
        assertThat(mirror.record(ref, RecordKind.CANDIDATE, Long.toString(ids.get(2))).orElseThrow().live()).isFalse();
        assertThat(mirror.record(ref, RecordKind.CANDIDATE, Long.toString(ids.get(3))).orElseThrow().live()).isFalse();
        // The merged-away person still exists in iCIMS (renamed, in the Purge folder) but is no candidate any more.
        assertThat(mirror.counts(ref).live().get(RecordKind.CANDIDATE)).isEqualTo(ids.size() - 2L);
        assertThat(mirror.counts(ref).tombstones().get(RecordKind.CANDIDATE)).isEqualTo(2);
        assertThat(incremental.counts().deleted()).isGreaterThanOrEqualTo(2);
        RecordingStage.awaitDrained(host);
        assertThat(heard).contains(Long.toString(ids.get(1)), Long.toString(ids.get(2)));
        assertThat(heard.size()).isLessThan(50);

        RunHistory history = host.injector().getInstance(RunHistory.class);
        assertThat(history.latest(ref, 10)).extracting(SyncRun::runId).containsExactly(incremental.runId(), full.runId());
    }

    @Test
    void aFailingRunKeepsTheLastCheckpointAndRecordsWhy() {
        sim.faults().arm(io.rediscover.icims.simulator.FaultRule.always(io.rediscover.icims.simulator.Endpoint.SEARCH,
                io.rediscover.icims.simulator.Fault.serverError(503)));
        SyncRun failed = host.injector().getInstance(SyncRunner.class).run(connection(), Cancellation.never());
        assertThat(failed.result()).isEqualTo(SyncRun.Result.FAILED);
        assertThat(failed.error().kind()).isEqualTo(io.rediscover.pluginapi.ErrorKind.TRANSIENT);
        assertThat(failed.error().message()).contains("503");
        assertThat(host.injector().getInstance(MirrorStore.class).counts(ref).live().get(RecordKind.CANDIDATE)).isZero();
    }

    @Test
    void faultsArmedAtRandomChangeNothingInTheResultAndShowInTheHistory() {
        sim.noise().setEnabled(false);
        java.util.List<io.rediscover.icims.simulator.Fault> faults = java.util.List.of(
                io.rediscover.icims.simulator.Fault.serverError(503), io.rediscover.icims.simulator.Fault.serverError(500),
                io.rediscover.icims.simulator.Fault.tooManyRequests(io.rediscover.icims.simulator.Fault.RetryAfter.SECONDS, 1),
                io.rediscover.icims.simulator.Fault.truncatedBody(), io.rediscover.icims.simulator.Fault.invalidJson(),
                io.rediscover.icims.simulator.Fault.unauthorized());
        for (var endpoint : java.util.List.of(io.rediscover.icims.simulator.Endpoint.SEARCH,
                io.rediscover.icims.simulator.Endpoint.GET, io.rediscover.icims.simulator.Endpoint.RESUME)) {
            for (var fault : faults) {
                sim.faults().arm(new io.rediscover.icims.simulator.FaultRule(endpoint,
                        new io.rediscover.icims.simulator.FaultRule.Trigger.Probability(0.004, 3), fault));
            }
        }
        SyncRun run = host.injector().getInstance(SyncRunner.class).run(connection(), Cancellation.never());
        assertThat(run.result()).as("%s", run.error()).isEqualTo(SyncRun.Result.SUCCEEDED);
        MirrorCounts counts = host.injector().getInstance(MirrorStore.class).counts(ref);
        assertThat(counts.live()).containsEntry(RecordKind.CANDIDATE, (long) sim.tenant().size(ProfileType.PERSON))
                .containsEntry(RecordKind.JOB, (long) sim.tenant().size(ProfileType.JOB))
                .containsEntry(RecordKind.APPLICATION, (long) sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        assertThat(run.requests().getOrDefault("retries", 0L)).as("the history shows the retries").isPositive();
        assertThat(host.injector().getInstance(RunHistory.class).latest(ref, 1).get(0).requests()).containsKey("retries");
    }
}
