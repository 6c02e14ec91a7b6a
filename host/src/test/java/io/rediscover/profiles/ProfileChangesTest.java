package io.rediscover.profiles;

import io.rediscover.profiles.ProfileChanges.Reader;
import io.rediscover.store.Sequences;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal's readers: each at its own durable position; an entry leaves once every reader passed it. */
class ProfileChangesTest {

    @TempDir
    Path dir;
    private Store store;
    private ProfileStore profiles;
    private ProfileChanges changes;
    private StoreMap<ProfileChanges.Entry> entries;

    @BeforeEach
    void open() {
        store = new Store(dir.resolve("journal.mv.db"), false);
        store.start();
        ProfileStore[] holder = new ProfileStore[1];
        changes = new ProfileChanges(store, new Sequences(store), Clock.systemUTC(), () -> holder[0]);
        profiles = new ProfileStore(store, changes);
        holder[0] = profiles;
        entries = store.map("profiles.changes", ProfileChanges.Entry.class);
    }

    @AfterEach
    void close() {
        store.stop();
    }

    private void write(String... ids) throws BadLine {
        for (String id : ids) {
            profiles.write(List.of(ProfileJson.parse(ProfileImportTest.profile(id, "Ana", "Torres " + id, null))), (b, w) -> { });
        }
    }

    private List<String> pending(Reader reader) {
        return changes.pending(reader, 100).stream().map(ProfileChanges.Change::profileId).toList();
    }

    private List<Long> sequences(Reader reader, int limit) {
        return changes.pending(reader, limit).stream().map(ProfileChanges.Change::sequence).toList();
    }

    @Test
    void eachReaderSeesEveryChangeAndAnEntryLeavesOnlyWhenBothPassedIt() throws BadLine {
        write("a", "b", "c");
        assertThat(pending(Reader.MATCHER)).containsExactly("a", "b", "c");
        assertThat(pending(Reader.INDEX)).containsExactly("a", "b", "c");

        changes.ack(Reader.MATCHER, sequences(Reader.MATCHER, 2));
        assertThat(pending(Reader.MATCHER)).containsExactly("c");
        assertThat(changes.size(Reader.MATCHER)).isEqualTo(1);
        assertThat(pending(Reader.INDEX)).as("the index has not passed them").containsExactly("a", "b", "c");
        assertThat(changes.size(Reader.INDEX)).isEqualTo(3);

        changes.ack(Reader.INDEX, sequences(Reader.INDEX, 3));
        assertThat(pending(Reader.INDEX)).isEmpty();
        changes.ack(Reader.MATCHER, sequences(Reader.MATCHER, 1));
        assertThat(pending(Reader.MATCHER)).isEmpty();
        assertThat(entries.count("")).as("a later acknowledgement sweeps them").isEqualTo(1);

        write("d");
        changes.ack(Reader.INDEX, sequences(Reader.INDEX, 1));
        assertThat(entries.count("")).as("every entry both passed is gone; d waits for the matcher").isEqualTo(1);
        assertThat(pending(Reader.MATCHER)).containsExactly("d");
    }

    @Test
    void anEntryTheMatcherHasNotPassedStaysHoweverFarTheIndexIs() throws BadLine {
        write("a", "b");
        changes.ack(Reader.INDEX, sequences(Reader.INDEX, 2));
        write("c");
        changes.ack(Reader.INDEX, sequences(Reader.INDEX, 1));
        assertThat(entries.count("")).isEqualTo(3);
        assertThat(pending(Reader.MATCHER)).containsExactly("a", "b", "c");
    }

    @Test
    void outOfOrderAcknowledgementsBehaveAsTheMatcherAlwaysSaw() throws BadLine {
        write("a", "b", "c");
        List<Long> seq = sequences(Reader.MATCHER, 3);
        changes.ack(Reader.MATCHER, List.of(seq.get(1))); // in a commit of its own
        assertThat(changes.pending(Reader.MATCHER, 10)).extracting(ProfileChanges.Change::profileId).containsExactly("a", "c");
        assertThat(changes.size(Reader.MATCHER)).isEqualTo(2);
        store.write(b -> changes.ack(b, Reader.MATCHER, List.of(seq.get(0))));
        assertThat(pending(Reader.MATCHER)).containsExactly("c");
        assertThat(pending(Reader.INDEX)).containsExactly("a", "b", "c");
    }

    @Test
    void aRebuildPassesEverythingUpToWhereItStarted() throws BadLine {
        write("a", "b");
        long last = changes.last();
        write("c");
        store.write(b -> changes.pass(b, Reader.INDEX, last));
        assertThat(pending(Reader.INDEX)).containsExactly("c");
        assertThat(pending(Reader.MATCHER)).containsExactly("a", "b", "c");
    }

    @Test
    void positionsSurviveARestart() throws BadLine {
        write("a", "b");
        changes.ack(Reader.INDEX, sequences(Reader.INDEX, 1));
        store.stop();
        open();
        assertThat(pending(Reader.INDEX)).containsExactly("b");
        assertThat(pending(Reader.MATCHER)).containsExactly("a", "b");
    }
}
