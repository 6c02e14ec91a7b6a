package io.rediscover.testing;

import io.rediscover.config.ConfigLoader;
import io.rediscover.config.HostConfig;
import io.rediscover.icims.IcimsDescriptorAccess;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.integrations.Connection;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.security.MasterKey;
import io.rediscover.security.SecretBox;
import io.rediscover.store.Store;
import io.rediscover.tenancy.OrgStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Real host processes to kill: a configuration pointing at a simulator, an org with a connected connection written
 * straight into the store, and a launcher that starts a host JVM from the test class path, collects its output, and kills
 * it with SIGKILL. The crash tests of sync and of the pipeline share it.
 */
public final class CrashHarness {

    private final Path dir;
    private final Path conf;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param dir   a temporary directory
     * @param sim   the simulator the host syncs from
     * @param extra more YAML for the configuration (top-level sections)
     * @throws IOException when files cannot be written
     */
    public CrashHarness(Path dir, IcimsSimulator sim, String extra) throws IOException {
        this(dir, sim, extra, "");
    }

    /**
     * @param dir      a temporary directory
     * @param sim      the simulator the host syncs from
     * @param extra    more YAML for the configuration (top-level sections)
     * @param icimsYaml more iCIMS connector settings, as YAML flow-map entries
     * @throws IOException when files cannot be written
     */
    public CrashHarness(Path dir, IcimsSimulator sim, String extra, String icimsYaml) throws IOException {
        this.dir = dir;
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        conf = Files.writeString(dir.resolve("rediscover.yaml"), """
                server: {host: 127.0.0.1, port: 0}
                data: {dir: %s}
                plugins: {dir: %s}
                security: {masterKeyFile: %s}
                connectors:
                  icims-stream: {apiBaseUrl: "%s", tokenUrl: "%s", streamBaseUrl: "%s", retryBaseMillis: 5%s}
                %s
                """.formatted(dir.resolve("data"), plugins, dir.resolve("master.key"), sim.baseUrl(), sim.tokenUrl(),
                sim.baseUrl(), icimsYaml.isEmpty() ? "" : ", " + icimsYaml, extra));
    }

    /** @return the configuration file */
    public Path conf() {
        return conf;
    }

    /** @return the host's configuration */
    public HostConfig config() {
        return new ConfigLoader(conf.getParent()).load(Optional.of(conf), Map.of(), Map.of());
    }

    /** @return how many lines the launched hosts printed so far */
    public int lines() {
        return log.size();
    }

    /** @param from a line number @return the lines printed since */
    public List<String> linesAfter(int from) {
        synchronized (log) {
            return List.copyOf(log.subList(from, log.size()));
        }
    }

    /**
     * Opens the store of the (stopped) host for a look.
     *
     * @param look what to do with it
     */
    public void withStore(Consumer<Store> look) {
        Store store = new Store(config().data().dir().resolve("store/rediscover.mv.db"), false);
        store.start();
        try {
            look.accept(store);
        } finally {
            store.stop();
        }
    }

    /**
     * Writes an Enterprise org "acme" and a connected iCIMS connection to the simulator into the store.
     *
     * @param sim the simulator
     * @return the connection
     */
    public ConnectionRef connect(IcimsSimulator sim) {
        ConnectionRef[] ref = new ConnectionRef[1];
        withStore(store -> {
            ConnectionStore connections = new ConnectionStore(store,
                    new SecretBox(MasterKey.loadOrCreate(config().security().masterKeyFile()), List.of()), Clock.systemUTC());
            Connection c = TestTenants.connected(new OrgStore(store, Clock.systemUTC()), connections,
                    new IcimsDescriptorAccess().descriptor(), "acme", Map.of("clientId", sim.clientId(),
                            "clientSecret", sim.clientSecret(), "streamId", sim.streamId()), TestTenants.AMPLE);
            ref[0] = new ConnectionRef(c.org(), c.id());
        });
        return ref[0];
    }

    /**
     * Starts a host JVM.
     *
     * @param mainClass its main class (given the configuration file as its argument after {@code args})
     * @param args      arguments before the configuration file
     * @return the process
     * @throws IOException when it cannot start
     */
    public Process launch(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        command.add(conf.toString());
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(log::add);
            } catch (IOException | UncheckedIOException closed) {
                // the process died
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    /**
     * Kills with SIGKILL: no shutdown hook, no last commit.
     *
     * @param p the process
     * @throws InterruptedException when interrupted
     */
    public static void kill(Process p) throws InterruptedException {
        ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a killed host did not die");
        }
    }

    /**
     * Stops gracefully (SIGTERM: the shutdown hook stops every service).
     *
     * @param p the process
     * @throws InterruptedException when interrupted
     */
    public static void stop(Process p) throws InterruptedException {
        ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroy);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a stopped host did not stop");
        }
    }

    /**
     * Waits for a line in the log.
     *
     * @param p       the process (stop waiting when it died)
     * @param text    what the line contains
     * @param seconds how long at most
     * @return whether it appeared
     * @throws InterruptedException when interrupted
     */
    public boolean awaitLine(Process p, String text, int seconds) throws InterruptedException {
        return awaitLine(p, text, seconds, 0);
    }

    /**
     * Waits for a line printed after a given line.
     *
     * @param p       the process (stop waiting when it died)
     * @param text    what the line contains
     * @param seconds how long at most
     * @param from    the first line to look at (see {@link #lines()})
     * @return whether it appeared
     * @throws InterruptedException when interrupted
     */
    public boolean awaitLine(Process p, String text, int seconds, int from) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (linesAfter(from).stream().anyMatch(l -> l.contains(text))) {
                return true;
            }
            Thread.sleep(100);
        }
        return linesAfter(from).stream().anyMatch(l -> l.contains(text));
    }
}
