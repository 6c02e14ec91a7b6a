package io.rediscover.sync;

import io.rediscover.Host;
import io.rediscover.integrations.Connection;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: a full sync of N candidates from the iCIMS simulator (its own process) into a host in this
 * JVM, then an incremental run after 1 % changed; prints wall time, records/s, requests and peak heap. Run:
 * {@code ./mvnw -q -pl host -am -Psync-benchmark verify -DskipTests [-Dbenchmark.people=N -Dbenchmark.xmx=512m]}.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(System.getProperty("benchmark.people", "100000"));
        Path dir = Files.createTempDirectory("sync-benchmark");
        Process sim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), "io.rediscover.icims.simulator.IcimsSimulatorMain",
                "--port", "0", "--people", Integer.toString(people), "--seed", "1", "--no-noise", "--daily-quota", "0")
                .redirectErrorStream(true).start();
        try {
            Map<String, String> ats = readSimulator(sim);
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
            try (Host host = Host.start(TestHosts.config(dir.resolve("data"), plugins, Map.of("sync.enabled", "false",
                    "log.level", "warn", "connectors.icims-stream.apiBaseUrl", ats.get("base"),
                    "connectors.icims-stream.tokenUrl", ats.get("token"), "connectors.icims-stream.streamBaseUrl", ats.get("base"))))) {
                Connection c = io.rediscover.testing.TestTenants.connected(host, "bench", Map.of("clientId", ats.get("id"),
                        "clientSecret", ats.get("secret"), "streamId", ats.get("stream")));
                ConnectionRef ref = new ConnectionRef(c.org(), c.id());
                SyncConnection connection = host.injector().getInstance(SyncConnections.class).load(ref).orElseThrow();
                SyncRunner runner = host.injector().getInstance(SyncRunner.class);
                MirrorStore mirror = host.injector().getInstance(MirrorStore.class);

                resetPeaks();
                long t0 = System.nanoTime();
                SyncRun full = runner.run(connection, Cancellation.never());
                double seconds = (System.nanoTime() - t0) / 1e9;
                long records = mirror.counts(ref).live().values().stream().mapToLong(Long::longValue).sum();
                System.out.printf("FULL  %s in %.1f s: %,d records mirrored (%,d candidates), %,.0f records/s, peak heap %d MB, max heap %d MB%n",
                        full.result(), seconds, records, mirror.counts(ref).live().get(RecordKind.CANDIDATE), records / seconds,
                        peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf("      (peak heap = the sum of each heap pool's own peak, which overstates the true peak)%n");
                System.out.printf("      requests %s%n", full.requests());

                List<String> ids;
                try (var live = mirror.liveIds(ref, RecordKind.CANDIDATE)) {
                    ids = live.toList();
                }
                int changes = Math.max(1, ids.size() / 100);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; i < changes; i++) {
                    String id = ids.get((int) ((long) i * 97 % ids.size()));
                    http.send(HttpRequest.newBuilder(URI.create(ats.get("base") + "/_sim/people/" + id))
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"lastname\":\"Changed" + i + "\"}"))
                            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding());
                }
                resetPeaks();
                t0 = System.nanoTime();
                SyncRun incremental = runner.run(connection, Cancellation.never());
                seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("INCR  %s after %,d changes in %.1f s: %s, peak heap %d MB%n", incremental.result(), changes,
                        seconds, incremental.counts(), peakHeapMb());
                System.out.printf("      requests %s%n", incremental.requests());
            }
        } finally {
            sim.destroy();
        }
    }

    private static Map<String, String> readSimulator(Process sim) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> found = new java.util.HashMap<>();
        Pattern stream = Pattern.compile("stream id (\\S+)");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            String l = line.strip();
            if (l.startsWith("base URL:")) {
                found.put("base", l.substring(9).strip());
            } else if (l.startsWith("token URL:")) {
                found.put("token", l.substring(10).strip());
            } else if (l.startsWith("client id:")) {
                found.put("id", l.substring(10).strip());
            } else if (l.startsWith("client secret:")) {
                found.put("secret", l.substring(14).strip());
            } else if (l.startsWith("data stream:")) {
                Matcher m = stream.matcher(l);
                if (m.find()) {
                    found.put("stream", m.group(1));
                }
            } else if (l.startsWith("control API:")) {
                Thread drain = new Thread(() -> out.lines().forEach(x -> { }));
                drain.setDaemon(true);
                drain.start();
                return found;
            }
        }
        throw new IllegalStateException("the simulator did not start: " + found);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
