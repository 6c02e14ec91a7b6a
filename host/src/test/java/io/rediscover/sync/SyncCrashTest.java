package io.rediscover.sync;

import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.Person;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorCounts;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.testing.CrashHarness;
import io.rediscover.testing.Mirrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reusable crash harness of sync: a real host process syncs from the simulator and is killed with SIGKILL at random
 * moments, then restarted, until a run completes; at the end the mirror must equal the simulator's tenant exactly —
 * no record lost, none duplicated, no stale version — and the run history must tell the truth: the first download is
 * FULL in every run that worked on it, one of them succeeded, and the runs' counts add up to what the mirror holds.
 */
class SyncCrashTest {

    private static final int KILLS = 10;

    @TempDir
    Path dir;

    @Test
    void killingTheHostDuringAFullSyncLosesAndDuplicatesNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (IcimsSimulator sim = IcimsSimulator.start(SimulatorConfig.builder().people(2_500).seed(21)
                .clockStart(Instant.now().truncatedTo(ChronoUnit.MINUTES)).dailyQuota(0).noise(false).build())) {
            CrashHarness harness = new CrashHarness(dir, sim, "sync: {retryMinSeconds: 1}");
            ConnectionRef ref = harness.connect(sim);
            for (int kill = 0; kill < KILLS; kill++) {
                Process host = harness.launch("io.rediscover.Main", "serve", "--config");
                Thread.sleep(2_500 + random.nextInt(3_000));
                CrashHarness.kill(host);
            }
            int from = harness.lines();
            Process host = harness.launch("io.rediscover.Main", "serve", "--config");
            boolean succeeded = harness.awaitLine(host, "SUCCEEDED", 240, from);
            CrashHarness.stop(host);
            assertThat(succeeded).as("a run completed after %d kills (seed %d)", KILLS, seed).isTrue();
            harness.withStore(store -> {
                assertMirrorEqualsTenant(Mirrors.over(store), ref, sim, seed);
                assertHistoryAddsUp(new RunHistory(store), Mirrors.over(store).counts(ref), ref, seed);
            });
        }
    }

    /** The mirror holds every person, job and workflow of the tenant, once, in its current version, and nothing else. */
    static void assertMirrorEqualsTenant(MirrorStore mirror, ConnectionRef ref, IcimsSimulator sim, long seed) {
        for (var type : Map.of(ProfileType.PERSON, RecordKind.CANDIDATE, ProfileType.JOB, RecordKind.JOB,
                ProfileType.APPLICANT_WORKFLOW, RecordKind.APPLICATION).entrySet()) {
            Set<String> expected = sim.tenant().ids(type.getKey()).stream().map(String::valueOf).collect(Collectors.toSet());
            Set<String> live;
            try (var ids = mirror.liveIds(ref, type.getValue())) {
                live = ids.collect(Collectors.toSet());
            }
            assertThat(live).as("%s (seed %d)", type.getValue(), seed).isEqualTo(expected);
            assertThat(mirror.counts(ref).live().get(type.getValue())).isEqualTo(expected.size());
        }
        for (long id : sim.tenant().ids(ProfileType.PERSON)) {
            Person p = sim.tenant().person(id).orElseThrow();
            MirrorRecord r = mirror.record(ref, RecordKind.CANDIDATE, Long.toString(id)).orElseThrow();
            assertThat(r.data().path("lastName").asText(null)).as("person %d (seed %d)", id, seed).isEqualTo(p.lastname());
            assertThat(r.updatedAt()).isEqualTo(p.updateddate().truncatedTo(ChronoUnit.MINUTES));
        }
    }

    /** Every run of the first download is FULL, the last one succeeded, and the runs' counts sum to the mirror. */
    static void assertHistoryAddsUp(RunHistory history, MirrorCounts counts, ConnectionRef ref, long seed) {
        List<SyncRun> runs = history.latest(ref, 1_000);
        assertThat(runs).as("seed %d", seed).allMatch(r -> r.mode() == SyncRun.Mode.FULL);
        assertThat(runs.get(0).result()).isEqualTo(SyncRun.Result.SUCCEEDED);
        assertThat(runs.get(0).progress().phase()).isEqualTo("done");
        assertThat(runs.subList(1, runs.size())).allMatch(r -> r.result() == SyncRun.Result.INTERRUPTED);
        long added = runs.stream().mapToLong(r -> r.counts().added()).sum();
        long deleted = runs.stream().mapToLong(r -> r.counts().deleted()).sum();
        long live = counts.live().values().stream().mapToLong(Long::longValue).sum();
        assertThat(added - deleted).as("records added by the runs = records the mirror holds (seed %d)", seed).isEqualTo(live);
    }
}
