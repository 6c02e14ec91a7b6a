package io.rediscover.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.Host;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorCounts;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.Outbox;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.store.Migrations;
import io.rediscover.sync.RunHistory;
import io.rediscover.sync.SyncConnection;
import io.rediscover.sync.SyncConnections;
import io.rediscover.sync.SyncRun;
import io.rediscover.tenancy.OrgStore;
import io.rediscover.tenancy.UserStore;
import io.rediscover.testing.Http;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.RecordingStage;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored data outlives the code: every data directory a past release wrote ({@code src/test/resources/upgrade/<release>},
 * made by {@link DataFixtureWriter}) must open with this release and hold everything its manifest lists — orgs, users,
 * the API token, the connection with its secrets still opening, the run history, every mirrored record and count —
 * after this release's migrations ran on it.
 */
class UpgradeFromFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/upgrade");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyPastReleaseOpens() throws IOException {
        List<Path> releases;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            releases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(releases).as("upgrade fixtures").isNotEmpty();
        return releases.stream().map(r -> DynamicTest.dynamicTest("data of release " + r.getFileName(), () -> opens(r)));
    }

    private void opens(Path fixture) throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(fixture.resolve("manifest.json").toFile());
        Path data = dir.resolve(fixture.getFileName().toString());
        Files.createDirectories(data.resolve("store"));
        Files.copy(fixture.resolve("rediscover.mv.db"), data.resolve("store/rediscover.mv.db"));
        Path key = Files.copy(fixture.resolve("master.key"), data.resolve("master.key"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path plugins = Files.createDirectories(dir.resolve("plugins-" + fixture.getFileName()));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims-stream.zip"));
        RecordingStage stage = new RecordingStage("upgrade-check", 1);

        try (Host host = Host.start(TestHosts.config(data, plugins, Map.of("sync.enabled", "false")),
                RecordingStage.module(stage))) {
            String org = manifest.path("org").asText();
            assertThat(host.injector().getInstance(OrgStore.class).get(org)).as("org").isPresent();
            UserStore users = host.injector().getInstance(UserStore.class);
            manifest.path("users").forEach(u -> assertThat(users.byEmail(u.asText())).as("user %s", u).isPresent());
            assertThat(users.byEmail(manifest.path("platformAdmin").asText())).isPresent();

            Http.Reply me = new Http(host.port()).withToken(manifest.path("apiToken").asText()).get("/api/session");
            assertThat(me.status()).as("the API token still signs in: %s", me).isEqualTo(200);
            assertThat(me.json().at("/user/email").asText()).isEqualTo(manifest.path("users").get(0).asText());

            ConnectionRef ref = new ConnectionRef(org, manifest.path("connection").asText());
            assertThat(host.injector().getInstance(ConnectionStore.class).get(org, ref.connectionId())).isPresent();
            SyncConnection connection = host.injector().getInstance(SyncConnections.class).load(ref).orElseThrow();
            manifest.path("credentials").fields().forEachRemaining(c -> assertThat(connection.credentials().get(c.getKey()))
                    .as("credential %s opens", c.getKey()).contains(c.getValue().asText()));

            List<String> runs = host.injector().getInstance(RunHistory.class).latest(ref, 100).stream().map(SyncRun::runId).toList();
            manifest.path("runs").forEach(r -> assertThat(runs).contains(r.asText()));

            MirrorStore mirror = host.injector().getInstance(MirrorStore.class);
            MirrorCounts counts = mirror.counts(ref);
            for (RecordKind kind : RecordKind.values()) {
                assertThat(counts.live().get(kind)).as("live %s", kind).isEqualTo(manifest.at("/mirror/live/" + kind).asLong());
            }
            Outbox outbox = host.injector().getInstance(Outbox.class);
            for (JsonNode id : manifest.path("candidates")) {
                MirrorRecord r = mirror.record(ref, RecordKind.CANDIDATE, id.asText()).orElseThrow();
                assertThat(r.live()).isTrue();
                assertThat(r.data().path("externalId").asText()).isEqualTo(id.asText());
                assertThat(outbox.version(ref, id.asText())).as("candidate %s was handed to the pipeline", id).isPresent();
            }
            assertThat(host.injector().getInstance(Migrations.class).format("mirror.outbox")).isEqualTo(1);
            RecordingStage.awaitDrained(host);
            assertThat(stage.heard()).hasSize(manifest.path("candidates").size());

            Http admin = new Http(host.port()).withToken(manifest.path("apiToken").asText());
            assertThat(admin.get("/api/audit?limit=1000").json().path("events").size())
                    .isGreaterThanOrEqualTo(manifest.path("auditEvents").asInt());
        }
    }
}
