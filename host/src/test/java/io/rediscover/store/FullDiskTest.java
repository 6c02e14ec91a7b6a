package io.rediscover.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk makes a degraded server, not a zombie — on a real, small file system (a tmpfs mounted for the test; CI
 * runs as root). Below the free-space guard syncs pause with a reason and health warns; past it, when the store cannot
 * write, requests answer 503 storage_unavailable saying what to do, the failure is logged once, and once space is freed
 * the store reopens by itself and the sync completes with nothing lost.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    private Path mount;

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        mount = Files.createDirectories(dir.resolve("small-disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("mounting a 96 MB tmpfs needs root (CI runs as root): %s", out).isTrue();
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }

    /** Writes to both streams: the test reads what the host logged, the console still shows it. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }

    /** Fills the file system until a write fails, leaving {@code leave} bytes free. */
    private static Path fill(Path where, long leave) throws IOException {
        Path filler = where.resolve("filler.bin");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(where).getUsableSpace() > leave + block.length) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left: that is the point
        }
        return filler;
    }

    @Test
    void belowTheGuardSyncsPauseWithAReasonAndResumeWhenSpaceIsFreed() throws Exception {
        try (ApiFixture api = new ApiFixture(mount, "disk-secret", 400, Map.of("data.minFreeMegabytes", "20"))) {
            Path filler = fill(mount, 10L * 1024 * 1024);
            api.org("acme", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            String id = admin.post("/api/connections", api.icimsBody("disk-secret", api.sim().streamId())).json().path("id").asText();
            await("the sync to pause", () -> admin.get("/api/connections/" + id + "/sync").json()
                    .path("pausedBecause").asText().contains("MB free in the data directory"));
            Http.Reply health = api.platform().get("/api/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("warning");
            assertThat(health.json().at("/checks/store/warning").asText()).contains("syncs and the pipeline pause");
            // A run that began before the guard noticed waits at its next commit, saying why.
            await("no run going on below the guard", () -> {
                JsonNode running = admin.get("/api/connections/" + id + "/sync").json().path("running");
                return running.isMissingNode() || running.isNull()
                        || running.at("/progress/phase").asText().startsWith("paused: only");
            });
            long committed = admin.get("/api/connections/" + id + "/sync").json().at("/mirror/live/CANDIDATE").asLong();
            Thread.sleep(3_000);
            assertThat(admin.get("/api/connections/" + id + "/sync").json().at("/mirror/live/CANDIDATE").asLong())
                    .as("nothing more is written below the guard").isEqualTo(committed);

            Files.delete(filler);
            await("the first sync after space was freed", () -> "SUCCEEDED".equals(admin.get("/api/connections/" + id
                    + "/runs").json().at("/runs/0/result").asText()));
            assertThat(api.platform().get("/api/health").json().path("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void aStoreThatCannotWriteAnswers503OnceLogsOnceAndRecoversByItself() throws Exception {
        try (ApiFixture api = new ApiFixture(mount, "disk-secret", 1_500, Map.of("data.minFreeMegabytes", "0",
                "sync.retryMinSeconds", "1"))) {
            api.org("acme", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            String id = admin.post("/api/connections", api.icimsBody("disk-secret", api.sim().streamId())).json().path("id").asText();
            await("the first records", () -> admin.get("/api/connections/" + id + "/sync").json()
                    .at("/mirror/live/CANDIDATE").asLong() > 0);
            ByteArrayOutputStream logged = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            System.setErr(new PrintStream(new TeeOutputStream(stderr, logged), true));
            Path filler;
            try {
                filler = fill(mount, 0);
                await("the store to fail", () -> admin.get("/api/connections").status() == 503);
                Thread.sleep(3_000); // schedulers and the pipeline keep ticking meanwhile: they must stay quiet
            } finally {
                System.setErr(stderr);
            }
            String log = logged.toString();
            assertThat(log.split("the store stopped working", -1)).as("the failure is logged once:%n%s", log).hasSize(2);
            assertThat(log.lines().filter(l -> l.startsWith("\tat ")).count()).as("no stack traces flood the log:%n%s", log)
                    .isLessThan(50);
            Http.Reply down = admin.get("/api/connections");
            assertThat(down.code()).isEqualTo("storage_unavailable");
            assertThat(down.json().at("/error/message").asText()).contains("is full").contains("free space");
            assertThat(api.anonymous().get("/api/health").status()).isEqualTo(503);

            Files.delete(filler);
            await("the store to come back", () -> admin.get("/api/connections").status() == 200);
            await("the sync to complete", () -> "SUCCEEDED".equals(admin.get("/api/connections/" + id + "/runs")
                    .json().at("/runs/0/result").asText()));
            MirrorStore mirror = api.host().injector().getInstance(MirrorStore.class);
            ConnectionRef ref = new ConnectionRef("acme", id);
            assertThat(mirror.counts(ref).live().get(RecordKind.CANDIDATE)).as("nothing lost")
                    .isEqualTo(api.sim().tenant().size(ProfileType.PERSON));
        }
    }
}
