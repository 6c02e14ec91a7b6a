package io.rediscover.integrations;

import io.rediscover.Host;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.sync.RunHistory;
import io.rediscover.sync.SyncRun;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import io.rediscover.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A removal cut short by a stop resumes at the next start and leaves nothing behind. */
class RemovalResumeTest {

    @TempDir
    Path dir;

    @Test
    void aConnectionLeftRemovingIsRemovedAtTheNextStart() throws Exception {
        try (IcimsSimulator sim = IcimsSimulator.start(SimulatorConfig.builder().people(80).seed(3).dailyQuota(0).noise(false).build())) {
            Files.createDirectories(dir.resolve("plugins"));
            Files.copy(PluginZips.icimsZip(), dir.resolve("plugins/icims.zip"));
            Map<String, String> config = Map.of("connectors.icims-stream.apiBaseUrl", sim.baseUrl(),
                    "connectors.icims-stream.tokenUrl", sim.tokenUrl(), "connectors.icims-stream.streamBaseUrl", sim.baseUrl());
            ConnectionRef ref;
            String keep;
            try (Host host = Host.start(TestHosts.config(dir.resolve("data"), dir.resolve("plugins"), config))) {
                Map<String, String> credentials = Map.of("clientId", sim.clientId(), "clientSecret", sim.clientSecret(),
                        "streamId", sim.streamId());
                Connection c = TestTenants.connected(host, "acme", credentials);
                keep = TestTenants.connected(host, "acme", credentials).id();
                ref = new ConnectionRef("acme", c.id());
                RunHistory history = host.injector().getInstance(RunHistory.class);
                await("both first syncs", () -> history.latest(ref, 1).stream().anyMatch(r -> r.result() == SyncRun.Result.SUCCEEDED)
                        && history.latest(new ConnectionRef("acme", keep), 1).stream().anyMatch(r -> r.result() == SyncRun.Result.SUCCEEDED));
                // What a stop in the middle of a removal leaves: the mark, and all the data.
                host.injector().getInstance(ConnectionStore.class).setStatus(ref, Connection.Status.REMOVING, null, null);
            }
            try (Host host = Host.start(TestHosts.config(dir.resolve("data"), dir.resolve("plugins"), config))) {
                ConnectionStore connections = host.injector().getInstance(ConnectionStore.class);
                await("the resumed removal", () -> connections.get("acme", ref.connectionId()).isEmpty());
                MirrorStore mirror = host.injector().getInstance(MirrorStore.class);
                try (var left = mirror.records(ref, RecordKind.CANDIDATE)) {
                    assertThat(left.count()).isZero();
                }
                assertThat(mirror.state(ref)).isEmpty();
                assertThat(host.injector().getInstance(RunHistory.class).latest(ref, 5)).isEmpty();
                // The other connection of the org, and the resume files its records use, are untouched.
                ConnectionRef other = new ConnectionRef("acme", keep);
                assertThat(connections.get("acme", keep)).isPresent();
                assertThat(mirror.counts(other).live().get(RecordKind.CANDIDATE)).isEqualTo(80L);
                try (var records = mirror.records(other, RecordKind.CANDIDATE)) {
                    assertThat(records.filter(r -> r.resume() != null).toList()).isNotEmpty()
                            .allSatisfy(r -> assertThat(mirror.blob("acme", r.resume().sha256())).isPresent());
                }
            }
        }
    }
}
