package io.rediscover.pipeline;

import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.Outbox;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.stage.PipelineItem;
import io.rediscover.store.StoreMap;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and the pipeline survive kill -9: a real host process syncs from the simulator while its pipeline drains
 * through three counting stages (the middle one slow, so the pipeline lags), and is killed with SIGKILL at 20 random
 * moments, with people changing in the ATS between kills. At the end every candidate's last committed version has passed
 * every stage exactly once, and no version passed any stage twice.
 */
class PipelineCrashTest {

    private static final int KILLS = 20;
    private static final List<String> STAGES = List.of("a", "b", "c");

    @TempDir
    Path dir;

    /** Waits (up to a few seconds) until the host reports candidates waiting in its outbox. */
    private static void awaitWork(CrashHarness harness, int from) throws InterruptedException {
        long deadline = System.nanoTime() + 25_000_000_000L;
        while (System.nanoTime() < deadline && harness.linesAfter(from).stream()
                .noneMatch(l -> l.startsWith("OUTBOX ") && !l.startsWith("OUTBOX 0 "))) {
            Thread.sleep(50);
        }
    }

    @Test
    void everyVersionPassesEveryStageExactlyOnceAcrossKills() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (IcimsSimulator sim = IcimsSimulator.start(SimulatorConfig.builder().people(2_000).seed(33)
                .clockStart(Instant.now().truncatedTo(ChronoUnit.MINUTES)).dailyQuota(0).noise(false).build())) {
            CrashHarness harness = new CrashHarness(dir, sim, """
                    sync: {retryMinSeconds: 1}
                    pipeline: {batchSize: 40}""", "getConcurrency: 8");
            ConnectionRef ref = harness.connect(sim);
            List<Long> people = sim.tenant().ids(ProfileType.PERSON);
            int killedWhileDraining = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                int from = harness.lines();
                Process host = harness.launch(PipelineCrashHost.class.getName());
                assertThat(harness.awaitLine(host, "PIPELINE-CRASH-HOST STARTED", 180, from)).as("host started").isTrue();
                awaitWork(harness, from);
                Thread.sleep(random.nextInt(500));
                List<String> outboxSizes = harness.linesAfter(from).stream().filter(l -> l.startsWith("OUTBOX ")).toList();
                if (!outboxSizes.isEmpty() && !outboxSizes.get(outboxSizes.size() - 1).startsWith("OUTBOX 0 ")) {
                    killedWhileDraining++;
                }
                CrashHarness.kill(host);
                for (int i = 0; i < 150; i++) { // changes the next runs will bring: new versions in the outbox
                    sim.tenant().updatePerson(people.get(random.nextInt(people.size())), Map.of("lastname", "Kill" + kill));
                }
            }
            assertThat(killedWhileDraining).as("kills that hit a pipeline with work (seed %d); the last host said: %s", seed,
                    harness.linesAfter(Math.max(0, harness.lines() - 40))).isGreaterThanOrEqualTo(KILLS / 2);
            int start = harness.lines();
            Process host = harness.launch(PipelineCrashHost.class.getName());
            assertThat(harness.awaitLine(host, "SUCCEEDED", 240, start)).as("a run completed (seed %d)", seed).isTrue();
            int after = harness.lines();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (harness.linesAfter(after).stream().noneMatch("OUTBOX 0 idle"::equals) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            CrashHarness.stop(host);

            harness.withStore(store -> {
                Outbox outbox = Mirrors.outbox(store);
                StoreMap<Outbox.Entry> entries = store.map("mirror.outbox", Outbox.Entry.class);
                StoreMap<String> order = store.map("mirror.outbox-order", String.class);
                List<String> left;
                try (Stream<Map.Entry<String, Outbox.Entry>> s = entries.scan("")) {
                    left = s.limit(10).map(e -> e.getKey() + "=" + e.getValue() + " ordered:"
                            + order.containsKey(e.getKey().substring(0, e.getKey().lastIndexOf('/') + 1)
                            + String.format("%019d", e.getValue().version()))).toList();
                }
                assertThat(outbox.size()).as("everything drained (seed %d): %s; errors %s", seed, left,
                        harness.linesAfter(start).stream().filter(l -> l.contains("ERROR") || l.contains("Exception")
                                || l.contains("WARN") || l.contains("stopped")).toList()).isZero();
                StoreMap<Long> counts = store.map(CountingStage.MAP, Long.class);
                try (Stream<Map.Entry<String, Long>> all = counts.scan("")) {
                    all.forEach(e -> assertThat(e.getValue()).as("%s processed once (seed %d)", e.getKey(), seed).isEqualTo(1L));
                }
                try (var candidates = Mirrors.over(store).records(ref, RecordKind.CANDIDATE)) {
                    candidates.forEach(r -> {
                        long version = outbox.version(ref, r.externalId()).orElseThrow();
                        PipelineItem last = new PipelineItem(ref, r.externalId(), version);
                        for (String stage : STAGES) {
                            assertThat(counts.get(CountingStage.key(stage, last))).as("candidate %s version %d at stage %s"
                                    + " (seed %d)", r.externalId(), version, stage, seed).contains(1L);
                        }
                    });
                }
            });
        }
    }
}
