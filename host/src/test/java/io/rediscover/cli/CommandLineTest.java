package io.rediscover.cli;

import io.rediscover.testing.Http;
import io.rediscover.testing.PluginZips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code rediscover} command as an operator runs it: a real child JVM, real signals. */
class CommandLineTest {

    @TempDir
    Path dir;

    private Process launch(String... args) throws IOException {
        return launch(java.util.Map.of(), args);
    }

    private Process launch(java.util.Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.rediscover.Main"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        b.environment().putAll(env);
        return b.start();
    }

    private static String output(Process p) throws Exception {
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue(); // generous: a loaded machine is slow, a hang is still caught
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void versionAndHelp() throws Exception {
        Process version = launch("--version");
        assertThat(output(version)).contains("Rediscover 0.1.0");
        assertThat(version.exitValue()).isZero();

        Process help = launch("--help");
        assertThat(output(help)).contains("serve").contains("demo").contains("Usage: rediscover");
        assertThat(help.exitValue()).isZero();

        Process wrong = launch("serve", "--no-such-option");
        assertThat(output(wrong)).contains("Unknown option: '--no-such-option'");
        assertThat(wrong.exitValue()).isEqualTo(2);
    }

    @Test
    void reindexRunsWithTheServerStoppedAndReportsProgress() throws Exception {
        Path conf = Files.writeString(dir.resolve("r.yaml"), "data:\n  dir: " + dir.resolve("data") + "\nplugins:\n  dir: "
                + dir.resolve("none") + "\nsecurity:\n  masterKeyFile: " + dir.resolve("k") + "\n");
        Process p = launch("reindex", "--config", conf.toString());
        String out = output(p);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("reindex done: 0 candidate(s)").contains("sync.enabled is false");
    }

    @Test
    void profilesImportRunsWithTheServerStoppedAndSummarisesWithTheBadLines() throws Exception {
        Path conf = Files.writeString(dir.resolve("r.yaml"), "data:\n  dir: " + dir.resolve("data") + "\nplugins:\n  dir: "
                + dir.resolve("none") + "\nsecurity:\n  masterKeyFile: " + dir.resolve("k") + "\n");
        Path file = Files.writeString(dir.resolve("corpus.jsonl"), "{\"id\":\"c1\",\"first_name\":\"Ana\",\"last_name\":\"Torres\"}\n"
                + "{\"id\":\"c2\",\"skills\":\"java\"}\n{\"id\":\"c3\"}\n");
        Process p = launch("profiles", "import", file.toString(), "--config", conf.toString());
        String out = output(p);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("profiles import DONE: 3 line(s) read, 2 profile(s) imported (2 added, 0 replaced, 0 unchanged),"
                + " 1 bad line(s)").contains("  line 2: skills: expected an array of strings, got a string");

        Process again = launch("profiles", "import", file.toString(), "--config", conf.toString());
        assertThat(output(again)).contains("2 profile(s) imported (0 added, 0 replaced, 2 unchanged)");

        Process missing = launch("profiles", "import", dir.resolve("nope.jsonl").toString(), "--config", conf.toString());
        assertThat(output(missing)).contains("Cannot read");
        assertThat(missing.exitValue()).isEqualTo(2);
    }

    @Test
    void profilesGenerateWritesTheSameCorpusForTheSameSeed() throws Exception {
        Process one = launch("profiles", "generate", "--count", "25", "--seed", "3", "--out", "one.jsonl.gz");
        assertThat(output(one)).contains("wrote 25 profile(s) (seed 3)");
        assertThat(one.exitValue()).isZero();
        Process two = launch("profiles", "generate", "--count", "25", "--seed", "3", "--out", "two.jsonl.gz");
        assertThat(two.waitFor(180, TimeUnit.SECONDS)).isTrue(); // generous: a loaded machine is slow, a hang is still caught
        assertThat(Files.readAllBytes(dir.resolve("one.jsonl.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("two.jsonl.gz")))
                .startsWith(0x1f, 0x8b);
    }

    @Test
    void resetPasswordPrintsAOneTimePasswordThatSignsIn() throws Exception {
        Path conf = Files.writeString(dir.resolve("r.yaml"), "data:\n  dir: " + dir.resolve("data") + "\nplugins:\n  dir: "
                + dir.resolve("none") + "\nsecurity:\n  masterKeyFile: " + dir.resolve("k") + "\nadmin:\n  email: root@example.test\n"
                + "  password: first-password-1\n");
        String token;
        try (io.rediscover.Host host = io.rediscover.Host.start(new io.rediscover.config.ConfigLoader(dir).load(
                java.util.Optional.of(conf), java.util.Map.of(), java.util.Map.of("server.port", "0", "server.host", "127.0.0.1")))) {
            token = new Http(host.port()).signIn("root@example.test", "first-password-1").post("/api/tokens", "{\"name\":\"cron\"}")
                    .json().get("token").asText();
        }
        Process unknown = launch("reset-password", "--config", conf.toString(), "nobody@example.test");
        assertThat(output(unknown)).contains("No user signs in as nobody@example.test");
        assertThat(unknown.exitValue()).isEqualTo(Launch.START_ERROR);

        Process reset = launch("reset-password", "--config", conf.toString(), "ROOT@example.test");
        String out = output(reset);
        assertThat(reset.exitValue()).as(out).isZero();
        Matcher m = Pattern.compile("One-time password for root@example.test: (\\S+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        try (io.rediscover.Host host = io.rediscover.Host.start(new io.rediscover.config.ConfigLoader(dir).load(
                java.util.Optional.of(conf), java.util.Map.of(), java.util.Map.of("server.port", "0", "server.host", "127.0.0.1")))) {
            Http http = new Http(host.port());
            assertThat(http.post("/api/session", "{\"email\":\"root@example.test\",\"password\":\"first-password-1\"}").status())
                    .isEqualTo(401);
            Http root = http.signIn("root@example.test", m.group(1));
            assertThat(root.get("/api/session").json().at("/user/mustChangePassword").asBoolean()).isTrue();
            assertThat(root.get("/api/admin/orgs").status()).isEqualTo(403);
            assertThat(http.withToken(token).get("/api/session").status()).as("API tokens end with a reset").isEqualTo(401);
        }
    }

    @Test
    void aBadConfigurationStopsStartUpNamingTheKey() throws Exception {
        Path conf = Files.writeString(dir.resolve("bad.yaml"), "server:\n  port: lots\n");
        Process p = launch("serve", "--config", conf.toString());
        String out = output(p);
        assertThat(p.exitValue()).isEqualTo(Launch.CONFIG_ERROR);
        assertThat(out).contains("Configuration error: server.port").contains("lots").doesNotContain("Exception");
    }

    @Test
    void aBusyPortIsOneLineWithTheRemedyAndExitCode2() throws Exception {
        Path conf = Files.writeString(dir.resolve("r.yaml"), "server:\n  host: 127.0.0.1\ndata:\n  dir: " + dir.resolve("data")
                + "\nplugins:\n  dir: " + dir.resolve("none") + "\n");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Process p = launch("serve", "--config", conf.toString(), "--port", Integer.toString(taken.getLocalPort()));
            String out = output(p);
            assertThat(p.exitValue()).as(out).isEqualTo(Launch.CONFIG_ERROR);
            assertThat(out).contains("Rediscover could not start: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .contains("--port 0").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aDataDirectoryInUseNamesItsLockAndTheHoldersPid() throws Exception {
        Path data = dir.resolve("data");
        Path conf = Files.writeString(dir.resolve("r.yaml"), "server:\n  host: 127.0.0.1\n  port: 0\ndata:\n  dir: " + data
                + "\nplugins:\n  dir: " + dir.resolve("none") + "\nsecurity:\n  masterKeyFile: " + dir.resolve("k") + "\n");
        Running holder = serve(conf);
        try {
            assertThat(Files.readString(data.resolve(".lock")).strip()).isEqualTo(Long.toString(holder.pid()));
            for (String command : List.of("serve", "reindex")) {
                Process p = launch(command, "--config", conf.toString());
                String out = output(p);
                assertThat(p.exitValue()).as(out).isEqualTo(Launch.CONFIG_ERROR);
                assertThat(out).contains("is in use by another Rediscover process (PID " + holder.pid()
                        + ", lock file " + data.resolve(".lock") + ")").contains("stop that process first")
                        .doesNotContain("Exception").doesNotContain("\tat ");
            }
        } finally {
            holder.stop();
        }
    }

    /** A child whose output is drained on a thread as it comes (destroy() closes the parent's end of the pipe) and kept. */
    private static final class Running {
        private final Process process;
        private final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread drain;

        Running(Process process) {
            this.process = process;
            this.drain = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    r.lines().forEach(seen::add);
                } catch (IOException | java.io.UncheckedIOException closed) {
                    // the pipe closes when the process ends
                }
            });
            drain.start();
        }

        /** @return the first line that matches, waited for up to {@code seconds} while the child lives */
        Matcher await(Pattern line, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                synchronized (seen) {
                    for (String l : seen) {
                        Matcher m = line.matcher(l);
                        if (m.find()) {
                            return m;
                        }
                    }
                }
                assertThat(process.isAlive() && System.nanoTime() < deadline).as("waiting for '%s'; output: %s", line, seen)
                        .isTrue();
                Thread.sleep(50);
            }
        }

        long pid() {
            return process.pid();
        }

        /** SIGTERM, without closing our end of the pipe; @return everything it printed */
        String stop() throws InterruptedException {
            ProcessHandle.of(process.pid()).orElseThrow().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            drain.join(10_000);
            return String.join("\n", seen);
        }
    }

    private static final Pattern SERVING = Pattern.compile("Rediscover is running at http://127.0.0.1:(\\d+)/");

    private Running serve(Path conf) throws Exception {
        Running server = new Running(launch("serve", "--config", conf.toString()));
        server.await(SERVING, 60);
        return server;
    }

    @Test
    void sigtermStopsServicesInReverseOrder() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims-stream.zip"));
        Path conf = Files.writeString(dir.resolve("rediscover.yaml"), """
                server:
                  host: 127.0.0.1
                  port: 0
                data:
                  dir: %s
                plugins:
                  dir: %s
                """.formatted(dir.resolve("data"), plugins));
        Running server = serve(conf);
        int port = Integer.parseInt(server.await(SERVING, 1).group(1));
        assertThat(new Http(port).get("/api/health").status()).isEqualTo(200);

        String all = server.stop();
        assertThat(all.indexOf("stopped web server")).isPositive().isLessThan(all.indexOf("stopped plugins"));
        assertThat(all.indexOf("started plugins")).isLessThan(all.indexOf("started web server"));
    }

    @Test
    void theDemoHonoursTheLogLevelAndWarnsAboutAMisspeltVariable() throws Exception {
        Running demo = new Running(launch(java.util.Map.of("REDISCOVER_LOG_LEVEL", "warn", "REDISCOVER_SERVER_PROT", "9000"),
                "demo", "--port", "0", "--ats-people", "5"));
        demo.await(Pattern.compile("Stop with Ctrl-C"), 60);
        assertThat(demo.stop()).contains("Rediscover demo is running at")
                .contains("[WARN] Host - environment variable REDISCOVER_SERVER_PROT names no configuration key and is "
                        + "ignored; the closest is REDISCOVER_SERVER_PORT (server.port)")
                .doesNotContain("[INFO]");
    }

    @Test
    void theDemoStartsASimulatedIcimsConnectsToItAndSyncs() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims-stream.zip"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drediscover.home=" + dir, "-cp", System.getProperty("java.class.path"), "io.rediscover.Main",
                "demo", "--port", "0", "--ats-people", "60", "--profiles", "300"));
        Running demo = new Running(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start());
        demo.await(Pattern.compile("SUCCEEDED"), 90);
        // The printed org admin login works, and shows the demo connection connected.
        int port = Integer.parseInt(demo.await(Pattern.compile("Rediscover demo is running at .*:(\\d+)/"), 1).group(1));
        Http admin = new Http(port).signIn(DemoSetup.ADMIN_EMAIL, DemoSetup.ADMIN_PASSWORD);
        var connections = admin.get("/api/connections").json().get("connections");
        assertThat(connections).hasSize(1);
        assertThat(connections.get(0).get("status").asText()).isEqualTo("CONNECTED");
        assertThat(connections.get(0).at("/credentials/clientSecret/value").isNull()).isTrue();
        Http recruiter = new Http(port).signIn(DemoSetup.RECRUITER_EMAIL, DemoSetup.RECRUITER_PASSWORD);
        new Http(port).signIn(DemoCommand.DEMO_PLATFORM_ADMIN, DemoCommand.DEMO_PLATFORM_PASSWORD);
        // The demo's corpus was generated into its data directory and imported at the first start.
        assertThat(recruiter.get("/api/profiles/p_000300").status()).isEqualTo(200);
        assertThat(recruiter.get("/api/profiles/p_000301").status()).isEqualTo(404);

        String out = demo.stop();
        assertThat(out).contains("Rediscover demo is running at http://127.0.0.1:").contains("Demo iCIMS (simulated, 60 people)")
                .contains("Org admin: " + DemoSetup.ADMIN_EMAIL + " / " + DemoSetup.ADMIN_PASSWORD)
                .contains("Recruiter: " + DemoSetup.RECRUITER_EMAIL)
                .contains("Platform admin: " + DemoCommand.DEMO_PLATFORM_ADMIN)
                .contains("is being verified").contains("SUCCEEDED")
                .contains("profiles import DONE: 300 line(s) read, 300 profile(s) imported (300 added")
                .contains("Your ATS holds 60 candidates, synced and searchable.");
        assertThat(dir.resolve("rediscover-demo-data/store/rediscover.mv.db")).exists();
        assertThat(dir.resolve("rediscover-demo-data/" + DemoCommand.DEMO_CORPUS)).exists();
        assertThat(dir.resolve("rediscover-demo-data/master.key")).exists();
    }
}
