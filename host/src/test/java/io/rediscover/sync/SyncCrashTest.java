package io.rediscover.sync;

import io.rediscover.config.ConfigLoader;
import io.rediscover.config.HostConfig;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.Person;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.integrations.Connection;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.security.MasterKey;
import io.rediscover.security.SecretBox;
import io.rediscover.store.Store;
import io.rediscover.testing.Mirrors;
import io.rediscover.testing.PluginZips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reusable crash harness of sync: a real host process syncs from the simulator and is killed with SIGKILL at random
 * moments, then restarted, until a run completes; at the end the mirror must equal the simulator's tenant exactly —
 * no record lost, none duplicated, no stale version. Later issues extend {@link #assertMirrorEqualsTenant} (the index
 * must then hold exactly the mirror's live candidates).
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
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
            Path data = dir.resolve("data");
            Path conf = Files.writeString(dir.resolve("rediscover.yaml"), """
                    server: {host: 127.0.0.1, port: 0}
                    data: {dir: %s}
                    plugins: {dir: %s}
                    security: {masterKeyFile: %s}
                    sync: {retryMinSeconds: 1}
                    connectors:
                      icims-stream: {apiBaseUrl: "%s", tokenUrl: "%s", streamBaseUrl: "%s", retryBaseMillis: 5}
                    """.formatted(data, plugins, dir.resolve("master.key"), sim.baseUrl(), sim.tokenUrl(), sim.baseUrl()));
            ConnectionRef ref = createConnection(conf, sim);

            List<String> log = Collections.synchronizedList(new ArrayList<>());
            for (int kill = 0; kill < KILLS; kill++) {
                Process host = launch(conf, log);
                Thread.sleep(2_500 + random.nextInt(3_000));
                ProcessHandle.of(host.pid()).orElseThrow().destroyForcibly(); // SIGKILL
                assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Process host = launch(conf, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (log.stream().noneMatch(l -> l.contains("SUCCEEDED")) && System.nanoTime() < deadline && host.isAlive()) {
                Thread.sleep(100);
            }
            ProcessHandle.of(host.pid()).orElseThrow().destroy();
            assertThat(host.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(log).as("a run completed after %d kills (seed %d)", KILLS, seed).anyMatch(l -> l.contains("SUCCEEDED"));
            assertMirrorEqualsTenant(conf, ref, sim, seed);
        }
    }

    private ConnectionRef createConnection(Path conf, IcimsSimulator sim) {
        HostConfig config = new ConfigLoader(dir).load(Optional.of(conf), Map.of(), Map.of());
        Store store = new Store(config.data().dir().resolve("store/rediscover.mv.db"), true);
        store.start();
        try {
            ConnectionStore connections = new ConnectionStore(store,
                    new SecretBox(MasterKey.loadOrCreate(config.security().masterKeyFile()), List.of()), Clock.systemUTC());
            Connection c = io.rediscover.testing.TestTenants.connected(new io.rediscover.tenancy.OrgStore(store, Clock.systemUTC()), connections,
                    new io.rediscover.icims.IcimsDescriptorAccess().descriptor(), "acme", Map.of("clientId", sim.clientId(),
                            "clientSecret", sim.clientSecret(), "streamId", sim.streamId()));
            return new ConnectionRef(c.org(), c.id());
        } finally {
            store.stop();
        }
    }

    private Process launch(Path conf, List<String> log) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.rediscover.Main", "serve", "--config", conf.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(log::add);
            } catch (IOException | java.io.UncheckedIOException closed) {
                // the process died
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    /** The mirror holds every person, job and workflow of the tenant, once, in its current version, and nothing else. */
    static void assertMirrorEqualsTenant(Path conf, ConnectionRef ref, IcimsSimulator sim, long seed) {
        HostConfig config = new ConfigLoader(conf.getParent()).load(Optional.of(conf), Map.of(), Map.of());
        Store store = new Store(config.data().dir().resolve("store/rediscover.mv.db"), false);
        store.start();
        try {
            MirrorStore mirror = Mirrors.over(store);
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
        } finally {
            store.stop();
        }
    }
}
