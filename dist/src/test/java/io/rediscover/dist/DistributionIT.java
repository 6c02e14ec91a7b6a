package io.rediscover.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assembled installation, run as an operator would run it: the server's {@code lib/} holds no simulator class,
 * {@code serve} starts with {@code lib/demo/} deleted, and {@code demo} and {@code icims-sim} work from {@code lib/demo/}
 * (and say what is missing without it).
 */
class DistributionIT {

    static final Path INSTALLATION = Path.of(System.getProperty("rediscover.installation", "target/rediscover"));

    @TempDir
    Path dir;

    @Test
    void theServersLibrariesHoldNoSimulatorClass() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> jars = Files.list(INSTALLATION.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    j.stream().filter(e -> e.getName().startsWith("io/rediscover/icims/")).forEach(e -> found.add(jar + "!" + e));
                }
            }
        }
        assertThat(found).isEmpty();
        try (Stream<Path> demo = Files.list(INSTALLATION.resolve("lib/demo"))) {
            assertThat(demo.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("icims-simulator-"));
        }
    }

    @Test
    void serveStartsWithoutTheDemoLibrariesAndTheDemoSaysWhatIsMissing() throws Exception {
        Path home = copyInstallation();
        deleteTree(home.resolve("lib/demo"));
        Run serve = start(home, Map.of("REDISCOVER_DATA_DIR", dir.resolve("data").toString(),
                "REDISCOVER_ADMIN_PASSWORD", "operator-password-1"), "serve", "--port", "0");
        assertThat(serve.await("listening on http://", 60)).as("serve started: %s", serve.lines).isTrue();
        serve.stop();

        Run demo = start(home, Map.of(), "demo", "--port", "0", "--data-dir", dir.resolve("demo-data").toString());
        assertThat(demo.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.process.exitValue()).isEqualTo(2);
        assertThat(String.join("\n", demo.lines)).contains("simulated ATS is not installed");
    }

    @Test
    void theDemoAndTheSimulatorRunFromTheDemoLibraries() throws Exception {
        Path home = copyInstallation();
        Run demo = start(home, Map.of(), "demo", "--port", "0", "--ats-people", "30",
                "--data-dir", dir.resolve("demo-data").toString());
        assertThat(demo.await("Rediscover demo is running", 90)).as("demo started: %s", demo.lines).isTrue();
        assertThat(demo.await("SUCCEEDED", 120)).as("the demo's first sync completed: %s", demo.lines).isTrue();
        demo.stop();

        Run sim = start(home, Map.of(), "icims-sim", "--port", "0", "--people", "5");
        assertThat(sim.await("iCIMS simulator ready", 60)).as("simulator started: %s", sim.lines).isTrue();
        sim.stop();
    }

    private Path copyInstallation() throws IOException {
        Path home = dir.resolve("rediscover");
        try (Stream<Path> all = Files.walk(INSTALLATION)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = home.resolve(INSTALLATION.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return home;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** A launched {@code bin/rediscover} and what it printed. */
    private record Run(Process process, List<String> lines) {
        boolean await(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                synchronized (lines) {
                    if (lines.stream().anyMatch(l -> l.contains(text))) {
                        return true;
                    }
                }
                if (!process.isAlive()) {
                    Thread.sleep(200); // let the reader catch the last lines
                    synchronized (lines) {
                        return lines.stream().anyMatch(l -> l.contains(text));
                    }
                }
                Thread.sleep(100);
            }
            return false;
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: the shutdown hook stops everything
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Run start(Path home, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/rediscover").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("JAVA_OPTS", "-Xmx512m");
        Process p = pb.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Run(p, lines);
    }
}
