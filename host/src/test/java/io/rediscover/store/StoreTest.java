package io.rediscover.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.web.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = JsonMapper.create();

    record Person(String name, Instant seen) {
    }

    private Store open() {
        Store s = new Store(dir.resolve("store/rediscover.mv.db"), false);
        s.start();
        return s;
    }

    /** A service stopping its worker interrupts it, maybe mid-write: that must not close the store's file for everyone. */
    @Test
    void aWriterInterruptedMidWriteLeavesTheStoreWorking() throws Exception {
        Store store = open();
        try {
            StoreMap<Person> people = store.map("people", Person.class);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            String padding = "x".repeat(4_000);
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    int n = i;
                    Thread.interrupted(); // interrupted again and again below: write on, as a worker's last round does
                    store.write(b -> b.put(people, "p" + n, new Person(padding + n, t)));
                    written.incrementAndGet();
                }
            });
            writer.start();
            while (writer.isAlive()) {
                writer.interrupt(); // lands in the middle of commits' file writes, sooner or later
                Thread.sleep(0, 200_000);
            }
            writer.join();
            assertThat(written.get()).isEqualTo(20_000);
            store.write(b -> b.put(people, "after", new Person("after", t)));
            assertThat(people.get("after")).contains(new Person("after", t));
            assertThat(people.count("p")).isEqualTo(20_000);
        } finally {
            store.stop();
        }
    }

    @Test
    void typedMapsScanAndCountByPrefixInKeyOrder() {
        Store store = open();
        try {
            StoreMap<Person> people = store.map("people", Person.class);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            store.write(b -> {
                for (String k : List.of("org/b/2", "org/a/10", "org/a/2", "org/a/1", "org/ab/1")) {
                    b.put(people, k, new Person(k, t));
                }
            });
            assertThat(people.get("org/a/2")).contains(new Person("org/a/2", t));
            assertThat(people.get("org/a/3")).isEmpty();
            try (Stream<Map.Entry<String, Person>> scan = people.scan("org/a/")) {
                assertThat(scan.map(Map.Entry::getKey)).containsExactly("org/a/1", "org/a/10", "org/a/2");
            }
            assertThat(people.count("org/a/")).isEqualTo(3);
            assertThat(people.count("org/")).isEqualTo(5);
            assertThat(people.count("org/c/")).isZero();
            assertThat(people.count("")).isEqualTo(5);
            assertThat(people.keysFrom("org/a/", "org/a/10").toList()).containsExactly("org/a/10", "org/a/2");
            store.write(b -> b.remove(people, "org/a/1"));
            assertThat(people.containsKey("org/a/1")).isFalse();
        } finally {
            store.stop();
        }
    }

    @Test
    void aBatchThatThrowsLeavesNothing() {
        Store store = open();
        try {
            StoreMap<String> map = store.map("m", String.class);
            assertThatThrownBy(() -> store.write(b -> {
                b.put(map, "a", "1");
                throw new IllegalStateException("half-way");
            })).hasMessage("half-way");
            assertThat(map.get("a")).isEmpty();
        } finally {
            store.stop();
        }
    }

    @Test
    void committedDataSurvivesReopenAndBytesMapsHoldFiles() {
        Store store = open();
        StoreMap<String> map = store.map("m", String.class);
        store.write(b -> b.put(map, "k", "v").put(store.bytes("blobs"), "sha", new byte[] {1, 2, 3}));
        store.stop();
        Store again = open();
        try {
            assertThat(again.map("m", String.class).get("k")).contains("v");
            assertThat(again.bytes("blobs").get("sha")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        } finally {
            again.stop();
        }
    }

    @Test
    void compactingKeepsEveryCommittedValueAndTheStoreWritable() {
        Store store = open();
        StoreMap<String> map = store.map("m", String.class);
        for (int round = 0; round < 20; round++) {
            int r = round;
            store.write(b -> {
                for (int i = 0; i < 500; i++) {
                    b.put(map, String.format("k%04d", (i * 7919 + r) % 2000), "v" + r + "-" + i);
                }
            });
            store.compact(90, 1 << 20);
        }
        long count = map.count("");
        String sample = map.get("k0019").orElseThrow();
        store.write(b -> b.put(map, "after", "compaction"));
        store.stop();
        Store again = open();
        try {
            StoreMap<String> reopened = again.map("m", String.class);
            assertThat(reopened.count("")).isEqualTo(count + 1);
            assertThat(reopened.get("k0019")).contains(sample);
            assertThat(reopened.get("after")).contains("compaction");
        } finally {
            again.stop();
        }
    }

    @Test
    void aSecondStoreOnTheSameFileIsRefusedClearly() {
        Store store = open();
        try {
            assertThatThrownBy(this::open).hasMessageContaining("rediscover.mv.db");
        } finally {
            store.stop();
        }
    }

    @Test
    void dataDirectoryLocksEmptiesTmpAndMovesTheJvmTempDirectory() throws Exception {
        String originalTmp = System.getProperty("java.io.tmpdir");
        Path root = dir.resolve("data");
        Files.createDirectories(root.resolve("tmp/leftover"));
        Files.writeString(root.resolve("tmp/leftover/libtantivy.so"), "51 MB of yesterday");
        DataDirectory data = new DataDirectory(root);
        try {
            data.start();
            assertThat(root.resolve("tmp")).isEmptyDirectory();
            assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(root.resolve("tmp").toString());
            assertThat(root.resolve("store")).isDirectory();
            assertThatThrownBy(() -> new DataDirectory(root).start())
                    .hasMessageContaining("in use by another Rediscover process");
        } finally {
            data.stop();
            System.setProperty("java.io.tmpdir", originalTmp);
        }
        DataDirectory again = new DataDirectory(root);
        again.start();
        again.stop();
        System.setProperty("java.io.tmpdir", originalTmp);
    }

    @Test
    void tempIdSetsHoldManyIdsOffHeapAndDeleteTheirFile() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        String originalTmp = System.getProperty("java.io.tmpdir");
        data.start();
        WorkingSets sets = new WorkingSets(data);
        sets.start();
        Path file;
        try (TempIdSet seen = sets.newIdSet("reconcile candidates")) {
            file = seen.file();
            for (int i = 0; i < 200_000; i++) {
                seen.add(Integer.toString(i * 2));
            }
            assertThat(seen.size()).isEqualTo(200_000);
            assertThat(seen.contains("400")).isTrue();
            assertThat(seen.contains("401")).isFalse();
            assertThat(seen.notIn(Stream.of("0", "1", "2", "3", "399999")).toList()).containsExactly("1", "3", "399999");
            assertThat(file).exists();
        } finally {
            sets.stop();
            data.stop();
            System.setProperty("java.io.tmpdir", originalTmp);
        }
        assertThat(file).doesNotExist();
    }
}
