package io.rediscover.profiles;

import io.rediscover.Host;
import io.rediscover.icims.simulator.SampleProfileWriter;
import io.rediscover.testing.TestHosts;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: imports a generated corpus of {@code -Dbenchmark.profiles} (default 1,000,000) profiles into a fresh host
 * in this JVM (run it with a bounded heap) and prints the time, the rate, the heap's peak and the store's size:
 * <pre>./mvnw -q -pl host -am -Pprofiles-benchmark verify -DskipTests [-Dbenchmark.profiles=N -Dbenchmark.xmx=512m]</pre>
 */
public final class ProfileImportBenchmark {

    private ProfileImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("benchmark.profiles", 1_000_000);
        Path dir = Files.createTempDirectory("profile-benchmark");
        Path corpus = dir.resolve("corpus.jsonl.gz");
        long t0 = System.nanoTime();
        new SampleProfileWriter().write(corpus, count, 42);
        System.out.printf("generated %,d profiles in %.1f s: %s, %,d bytes (gzip)%n", count, (System.nanoTime() - t0) / 1e9,
                corpus, Files.size(corpus));
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Host host = Host.start(TestHosts.config(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")),
                Map.of("log.level", "warn")))) {
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            long[] lastReport = {0};
            long[] liveAfterGc = {0};
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(m -> m.getType() == MemoryType.HEAP && m.getCollectionUsage() != null).toList();
            ProfileImport end = host.injector().getInstance(ProfileImports.class).importFile(corpus, "benchmark", p -> {
                liveAfterGc[0] = Math.max(liveAfterGc[0], heapPools.stream().mapToLong(m -> m.getCollectionUsage().getUsed()).sum());
                if (p.progress().linesDone() - lastReport[0] >= 100_000) {
                    lastReport[0] = p.progress().linesDone();
                    System.out.printf("  %,d lines, %.0f lines/s, ETA %s%n", p.progress().linesDone(), p.progress().ratePerSecond(),
                            p.progress().eta());
                }
            });
            double seconds = (System.nanoTime() - t1) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu1) / 1e9;
            ProfileStore store = host.injector().getInstance(ProfileStore.class);
            System.out.printf("imported %,d profiles (%s, %,d bad) in %.1f s (%.1f s of CPU, all threads; load average %.1f on"
                            + " %d cores): %,.0f profiles/s; heap max %,d MB, largest heap after a"
                            + " collection %,d MB; store file %,d MB while open; journal %,d entries%n",
                    end.counts().imported(), end.state(), end.counts().bad(), seconds, cpuSeconds, os.getSystemLoadAverage(),
                    os.getAvailableProcessors(), end.counts().imported() / seconds,
                    Runtime.getRuntime().maxMemory() >> 20, liveAfterGc[0] >> 20,
                    Files.size(dir.resolve("data/store/rediscover.mv.db")) >> 20,
                    host.injector().getInstance(ProfileChanges.class).size());
            long t2 = System.nanoTime();
            ProfileStore.Hits hits = store.idsByNameKey("n:smith|william", 1_000);
            System.out.printf("lookup n:smith|william: %d profile(s) in %.2f ms%n", hits.total(), (System.nanoTime() - t2) / 1e6);
        }
        System.out.printf("store file %,d MB once closed%n", Files.size(dir.resolve("data/store/rediscover.mv.db")) >> 20);
    }
}
