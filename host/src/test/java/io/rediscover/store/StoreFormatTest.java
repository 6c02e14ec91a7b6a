package io.rediscover.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored data outlives the code: lenient reading, versioned formats, and resumable, idempotent migrations. */
class StoreFormatTest {

    @TempDir
    Path dir;

    enum Kind { A, B }

    /** What a newer release stores: one field fewer than before, one field more, an enum that lost a constant. */
    record Thing(String name, long count, boolean flag, Instant at, Kind kind, List<String> tags) {
    }

    private Store open() {
        Store s = new Store(dir.resolve("store/rediscover.mv.db"), false);
        s.start();
        return s;
    }

    @Test
    void recordsWrittenByAnotherReleaseStillRead() {
        Store older = open();
        StoreMap<byte[]> raw = older.bytes("things");
        // Written by another release: no 'flag', no 'tags'; a field this release dropped; an enum constant it dropped.
        older.write(b -> b.put(raw, "t1", """
                {"name":"old","count":3,"at":"2026-01-01T00:00:00Z","kind":"C","dropped":{"x":1}}"""
                .getBytes(StandardCharsets.UTF_8)));
        older.stop();
        Store store = open();
        try {
            Thing t = store.map("things", Thing.class).get("t1").orElseThrow();
            assertThat(t.name()).isEqualTo("old");
            assertThat(t.count()).isEqualTo(3);
            assertThat(t.flag()).isFalse();
            assertThat(t.at()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(t.kind()).as("an enum constant that no longer exists").isNull();
            assertThat(t.tags()).isNull();
        } finally {
            store.stop();
        }
    }

    /** Doubles every value of map "numbers", 2 per batch; can be told to fail after some batches (a crash). */
    static final class Doubling implements Migration {
        final Store store;
        final StoreMap<Long> numbers;
        int failAfterBatches = -1;
        final List<String> seen = new ArrayList<>();

        Doubling(Store store) {
            this.store = store;
            this.numbers = store.map("numbers", Long.class);
        }

        @Override
        public String map() {
            return "numbers";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public String description() {
            return "double every number";
        }

        @Override
        public void migrate(Run run) {
            String from = run.checkpoint().map(k -> k + "\0").orElse("");
            List<Map.Entry<String, Long>> all;
            try (Stream<Map.Entry<String, Long>> s = numbers.scanFrom("", from)) {
                all = s.toList();
            }
            int batches = 0;
            for (int i = 0; i < all.size(); i += 2) {
                if (batches++ == failAfterBatches) {
                    throw new IllegalStateException("crash");
                }
                List<Map.Entry<String, Long>> batch = all.subList(i, Math.min(all.size(), i + 2));
                batch.forEach(e -> seen.add(e.getKey()));
                run.commit(b -> batch.forEach(e -> b.put(numbers, e.getKey(), e.getValue() * 2)),
                        batch.get(batch.size() - 1).getKey(), seen.size());
            }
        }
    }

    @Test
    void aMigrationCutShortResumesAfterItsLastCommitAndRunsOnce() throws Exception {
        Store store = open();
        StoreMap<Long> numbers = store.map("numbers", Long.class);
        store.write(b -> {
            for (int i = 0; i < 7; i++) {
                b.put(numbers, "n" + i, (long) i + 1);
            }
        });
        Doubling step = new Doubling(store);
        step.failAfterBatches = 2;
        Migrations migrations = new Migrations(store, Set.of(step));
        assertThatThrownBy(migrations::start).hasMessage("crash");
        assertThat(migrations.format("numbers")).isZero();
        assertThat(numbers.get("n0")).contains(2L);
        assertThat(numbers.get("n4")).as("not reached before the crash").contains(5L);

        step.failAfterBatches = -1;
        step.seen.clear();
        migrations.start();
        assertThat(step.seen).as("resumed after the last commit").containsExactly("n4", "n5", "n6");
        for (int i = 0; i < 7; i++) {
            assertThat(numbers.get("n" + i)).as("n%d doubled exactly once", i).contains((i + 1) * 2L);
        }
        assertThat(migrations.format("numbers")).isEqualTo(1);

        step.seen.clear();
        new Migrations(store, Set.of(step)).start();
        assertThat(step.seen).as("a migrated map is not migrated again").isEmpty();
        store.stop();
    }

    @Test
    void aNewStoreStartsAtTheNewestFormatsAndAStoreFromANewerReleaseIsRefused() {
        Store store = open();
        Doubling step = new Doubling(store);
        Migrations migrations = new Migrations(store, Set.of(step));
        migrations.start();
        assertThat(step.seen).isEmpty();
        assertThat(migrations.format("numbers")).isEqualTo(1);

        StoreMap<Integer> formats = store.map("store.formats", Integer.class);
        store.write(b -> b.put(formats, "numbers", 2).put(store.map("numbers", Long.class), "n", 1L));
        assertThatThrownBy(new Migrations(store, Set.of(step))::start)
                .hasMessageContaining("numbers has format 2, newer than this release reads (1)");
        store.stop();
    }

    @Test
    void sequencesNeverRepeatAcrossRestartsAndCrashes() {
        Store store = open();
        long first = new Sequences(store).next("s");
        long second = new Sequences(store).next("s"); // a new process: continues above the reserved block
        assertThat(second).isGreaterThan(first);
        Sequences one = new Sequences(store);
        long a = one.next("s");
        long b = one.next("s");
        assertThat(b).isEqualTo(a + 1);
        assertThat(Optional.of(store.map("store.sequences", Long.class).get("s").orElseThrow())).get()
                .satisfies(reserved -> assertThat(reserved).isGreaterThan(b));
        store.stop();
    }
}
