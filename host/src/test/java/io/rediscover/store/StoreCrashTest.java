package io.rediscover.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store survives kill -9: a child JVM commits batches in a loop and is killed with SIGKILL at random moments;
 * after every kill the store reopens and holds every batch the child reported committed, completely, and no part of
 * any batch it did not.
 */
class StoreCrashTest {

    private static final int KILLS = 32;

    @TempDir
    Path dir;

    @Test
    void everyCommittedBatchSurvivesSigkillAndNoBatchIsHalfThere() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path file = dir.resolve("store/rediscover.mv.db");
        long verifiedBatches = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            boolean sync = kill % 2 == 0; // both durability modes must survive a process crash
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), StoreCrashWriter.class.getName(),
                    file.toString(), Boolean.toString(sync)).redirectErrorStream(true).start();
            AtomicLong reported = new AtomicLong(-1);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("COMMITTED ")) {
                            reported.set(Long.parseLong(line.substring(10)));
                        } else if (line.startsWith("READY ")) {
                            reported.compareAndSet(-1, Long.parseLong(line.substring(6)));
                        }
                    }
                } catch (IOException closed) {
                    // the child died
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reported.get() < 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(reported.get()).as("child started (seed %d)", seed).isGreaterThanOrEqualTo(0);
            Thread.sleep(50 + random.nextInt(700));
            ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            long committed = reported.get();

            Store store = new Store(file, false);
            store.start();
            try {
                StoreMap<String> data = store.map("data", String.class);
                long batches = store.map("meta", Long.class).get("batches").orElse(0L);
                assertThat(batches).as("batches after kill %d (seed %d)", kill, seed).isGreaterThanOrEqualTo(committed);
                assertThat(data.count("")).as("no half batch after kill %d (seed %d)", kill, seed)
                        .isEqualTo(batches * StoreCrashWriter.KEYS);
                for (long b : List.of(0L, batches / 2, Math.max(0, batches - 1))) {
                    if (b < batches) {
                        for (int i = 0; i < StoreCrashWriter.KEYS; i++) {
                            assertThat(data.get(StoreCrashWriter.key(b, i))).as("batch %d key %d (seed %d)", b, i, seed)
                                    .isPresent();
                        }
                    }
                }
                assertThat(data.count(String.format("b%09d/", batches))).isZero();
                verifiedBatches = batches;
            } finally {
                store.stop();
            }
        }
        assertThat(verifiedBatches).as("the writer made progress across %d kills", KILLS).isGreaterThan(KILLS);
    }
}
