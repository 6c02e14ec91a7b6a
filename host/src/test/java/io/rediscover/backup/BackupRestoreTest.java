package io.rediscover.backup;

import io.rediscover.Host;
import io.rediscover.cli.RediscoverCommand;
import io.rediscover.icims.simulator.Endpoint;
import io.rediscover.icims.simulator.Fault;
import io.rediscover.icims.simulator.FaultRule;
import io.rediscover.index.Indexes;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rediscover backup} while a full sync runs, {@code rediscover restore} into a new data directory, and a host
 * started on it with the same master key: every record committed before the backup began is there, nothing that was
 * not committed when it ended, the connection's secret still opens, and search finds every restored candidate once
 * the index, which a backup does not hold, is rebuilt from the mirror.
 */
class BackupRestoreTest {

    @Test
    void aBackupTakenDuringASyncRestoresEveryCommittedRecord(@TempDir Path dir) throws Exception {
        try (ApiFixture api = new ApiFixture(dir, "backup-secret-1234", 300, Map.of())) {
            api.org("acme", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            String id = admin.post("/api/connections", api.icimsBody("backup-secret-1234", api.sim().streamId()))
                    .json().path("id").asText();
            ConnectionRef ref = new ConnectionRef("acme", id);
            MirrorStore mirror = api.host().injector().getInstance(MirrorStore.class);
            await("the sync to have committed some candidates", () -> mirror.liveCandidates("acme") >= 20);
            // From here on every record read is slow, so the run is surely still going while the backup is taken.
            api.sim().faults().arm(FaultRule.always(Endpoint.GET, Fault.delay(Duration.ofMillis(200))));

            Path tokenFile = dir.resolve("token");
            Files.writeString(tokenFile, api.platform().post("/api/tokens", "{\"name\":\"backups\"}").json().path("token").asText());
            Path backup = dir.resolve("backup");
            Set<String> before = records(mirror, ref);
            int exit = RediscoverCommand.commandLine().execute("backup", backup.toString(),
                    "--url", "http://127.0.0.1:" + api.host().port(), "--token-file", tokenFile.toString());
            Set<String> after = records(mirror, ref);
            assertThat(exit).isZero();
            assertThat(admin.get("/api/connections/" + id + "/runs").json().at("/runs/0/result").asText())
                    .as("the backup was taken while the sync ran").isEqualTo("RUNNING");
            assertThat(Files.list(backup).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("backup.json", "store");
            assertThat(api.platform().get("/api/admin/audit").json().findValuesAsText("action")).contains("installation.backed-up");
            assertThat(RediscoverCommand.commandLine().execute("backup", backup.toString(),
                    "--url", "http://127.0.0.1:" + api.host().port(), "--token-file", tokenFile.toString()))
                    .as("a backup never writes into a directory that holds something").isNotZero();

            Path restored = dir.resolve("restored");
            Path config = dir.resolve("restore.yaml");
            Files.writeString(config, "data:\n  dir: " + restored + "\n");
            Files.createDirectories(restored.resolve("something"));
            assertThat(RediscoverCommand.commandLine().execute("restore", backup.toString(), "--config", config.toString()))
                    .as("restore refuses a data directory that is not empty").isNotZero();
            Files.delete(restored.resolve("something"));
            assertThat(RediscoverCommand.commandLine().execute("restore", backup.toString(), "--config", config.toString()))
                    .isZero();
            assertThat(restored.resolve("index")).as("indexes are not restored: they are rebuilt").doesNotExist();

            Map<String, String> settings = new HashMap<>(api.simulatorSettings());
            settings.put("security.masterKeyFile", dir.resolve("data").resolve("master.key").toString());
            settings.put("sync.enabled", "false");
            try (Host second = Host.start(TestHosts.config(restored, dir.resolve("plugins"), settings))) {
                Set<String> back = records(second.injector().getInstance(MirrorStore.class), ref);
                assertThat(back).as("every record committed before the backup began").containsAll(before);
                assertThat(after).as("nothing that was not committed when the backup ended").containsAll(back);

                Http ada = new Http(second.port()).signIn("ada@acme.example", ApiFixture.PASSWORD);
                await("search to find every restored candidate once the index is rebuilt", () -> {
                    second.injector().getInstance(Indexes.class).publishNow();
                    return ada.post("/api/search", "{}").json().path("total").asLong()
                            == back.stream().filter(r -> r.startsWith(RecordKind.CANDIDATE + "/")).count();
                });
                Http.Reply again = ada.put("/api/connections/" + id, api.icimsBody("", api.sim().streamId()));
                assertThat(again.status()).as("%s", again).isEqualTo(200);
                await("the stored secret to verify again under the same master key", () ->
                        "CONNECTED".equals(ada.get("/api/connections/" + id).json().path("status").asText()));
            }
        }
    }

    /** @return every live record of the connection in the mirror, as kind/id */
    private static Set<String> records(MirrorStore mirror, ConnectionRef ref) {
        Set<String> out = new java.util.HashSet<>();
        for (RecordKind kind : RecordKind.values()) {
            try (Stream<String> ids = mirror.liveIds(ref, kind)) {
                ids.forEach(id -> out.add(kind + "/" + id));
            }
        }
        return out;
    }
}
