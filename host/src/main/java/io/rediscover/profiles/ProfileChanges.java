package io.rediscover.profiles;

import io.rediscover.store.Sequences;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The journal of profile changes: every import commit that adds or changes a profile also writes, in the same commit, an
 * entry here, so that whatever is derived from the corpus hears of it. Its {@link Reader readers} — the matcher, which
 * matches again every candidate that matched the profile or could match it now (those found under its blocking keys,
 * before and after the change), and the public-profile index — each drain it oldest first and acknowledge what they
 * handled, each at its own pace: every reader has its own durable position, and an entry leaves the journal only once
 * every reader passed it (it is removed by a later acknowledgement). Nothing can be lost between an import and a reader: a reader passes an entry only by
 * {@link #ack}, ideally in its own commit of what it made of it.
 *
 * <p>An entry stores the profile id and the keys the change removed; the keys the profile has now are the ones it is
 * indexed under in the same commit, and are added when the entry is read. That keeps the journal of a first import of a
 * million profiles to a few dozen bytes per profile.
 *
 * <p>A reader's position is the sequence up to which it passed every entry, plus the entries after it that it
 * acknowledged out of order (a reader that acknowledges what it read, in order, keeps that list empty). Positions move
 * under the store's write lock, so two readers acknowledging at once never lose an entry's removal. Entries are numbered
 * in commit order because profiles are written by one import at a time. Entries written before readers had positions
 * (an older release) are pending for every reader: a reader without a position is at the start.
 */
@Singleton
public final class ProfileChanges {

    static final String SEQUENCE = "profiles.change";
    /** Most entries that every reader passed removed by one acknowledgement (the rest by the next ones). */
    static final int SWEEP = 10_000;

    /** Who reads the journal. */
    public enum Reader {
        /** The matcher: re-matches candidates under a changed profile's blocking keys. */
        MATCHER,
        /** The public-profile index: replaces the changed profile's document. */
        INDEX
    }

    private final Store store;
    private final Sequences sequences;
    private final Clock clock;
    private final Provider<ProfileStore> profiles;
    private final StoreMap<Entry> entries;
    private final StoreMap<Position> positions;

    /**
     * @param store     the system of record
     * @param sequences where the entries' numbers come from
     * @param clock     the host's clock
     * @param profiles  the corpus, for the keys profiles have now
     */
    @Inject
    public ProfileChanges(Store store, Sequences sequences, Clock clock, Provider<ProfileStore> profiles) {
        this.store = store;
        this.sequences = sequences;
        this.clock = clock;
        this.profiles = profiles;
        this.entries = store.map("profiles.changes", Entry.class);
        this.positions = store.map("profiles.changes.readers", Position.class);
    }

    /**
     * As stored.
     *
     * @param profileId   the profile that was added or changed
     * @param removedKeys blocking keys it had before the change and lost by it
     * @param at          when
     */
    public record Entry(String profileId, List<String> removedKeys, Instant at) {
        /** Canonical constructor: copies the list; missing is empty. */
        public Entry {
            removedKeys = removedKeys == null ? List.of() : List.copyOf(removedKeys);
        }
    }

    /**
     * A reader's position, as stored.
     *
     * @param passed the sequence up to which the reader passed every entry (0: none)
     * @param ahead  sequences after {@code passed} it acknowledged out of order, ascending
     */
    public record Position(long passed, List<Long> ahead) {
        static final Position START = new Position(0, List.of());

        /** Canonical constructor: copies the list; missing is empty. */
        public Position {
            ahead = ahead == null ? List.of() : List.copyOf(ahead);
        }
    }

    /**
     * A change to act on.
     *
     * @param sequence  its number, for {@link #ack}
     * @param profileId the profile
     * @param keys      the blocking keys to re-match the candidates of: those it lost and those it has now
     * @param at        when it changed
     */
    public record Change(long sequence, String profileId, Set<String> keys, Instant at) {
        /** Canonical constructor: copies the set. */
        public Change {
            keys = Set.copyOf(keys);
        }
    }

    /** Adds the entry of a change to an import's batch (called by {@link ProfileStore#write}). */
    void record(Store.Batch b, String profileId, List<String> removedKeys) {
        b.put(entries, key(sequences.next(SEQUENCE)), new Entry(profileId, removedKeys, clock.instant()));
    }

    private static String key(long sequence) {
        return String.format(Locale.ROOT, "%019d", sequence);
    }

    private Position position(Reader reader) {
        return positions.get(reader.name()).orElse(Position.START);
    }

    /**
     * @param reader who reads
     * @param limit  the most entries wanted
     * @return the oldest changes the reader has not acknowledged yet, oldest first
     */
    public List<Change> pending(Reader reader, int limit) {
        Position at = position(reader);
        Set<Long> ahead = Set.copyOf(at.ahead());
        try (Stream<java.util.Map.Entry<String, Entry>> s = entries.scanFrom("", key(at.passed() + 1))) {
            return s.filter(e -> !ahead.contains(Long.parseLong(e.getKey()))).limit(limit).map(e -> {
                Set<String> keys = new LinkedHashSet<>(e.getValue().removedKeys());
                profiles.get().get(e.getValue().profileId()).ifPresent(p -> keys.addAll(ProfileStore.keysOf(p)));
                return new Change(Long.parseLong(e.getKey()), e.getValue().profileId(), keys, e.getValue().at());
            }).toList();
        }
    }

    /**
     * @param reader who reads
     * @return how many changes wait for it
     */
    public long size(Reader reader) {
        Position at = position(reader);
        return Math.max(0, entries.countFrom(key(at.passed() + 1)) - at.ahead().size());
    }

    /**
     * @return the newest change's number, or 0 when the journal is empty: a reader that rebuilds from the whole corpus
     *         reads this before it starts and then {@link #pass passes} everything up to it
     */
    public long last() {
        return entries.lastKey().map(Long::parseLong).orElse(0L);
    }

    /**
     * Acknowledges handled changes in the caller's commit (a reader's, with what it made of them).
     *
     * @param b         the caller's batch
     * @param reader    who handled them
     * @param sequences the changes' numbers
     */
    public void ack(Store.Batch b, Reader reader, Collection<Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        sweep(b);
        b.compute(positions, reader.name(), before -> advance(before == null ? Position.START : before, sequences));
    }

    /**
     * Moves a reader past every change up to a number, in the caller's commit: after a rebuild from the whole corpus,
     * which read every profile as it was at least as late as those changes.
     *
     * @param b       the caller's batch
     * @param reader  who rebuilt
     * @param through the number {@link #last()} gave before the rebuild started
     */
    public void pass(Store.Batch b, Reader reader, long through) {
        sweep(b);
        b.compute(positions, reader.name(), before -> {
            Position at = before == null ? Position.START : before;
            if (through <= at.passed()) {
                return before;
            }
            return new Position(through, at.ahead().stream().filter(s -> s > through).toList());
        });
    }

    /** Runs under the store's write lock: the position after {@code acked}, over the entries as they are now. */
    private Position advance(Position at, Collection<Long> acked) {
        TreeSet<Long> ahead = new TreeSet<>(at.ahead());
        acked.stream().filter(s -> s > at.passed()).forEach(ahead::add);
        long passed = at.passed();
        try (Stream<String> keys = entries.keysFrom("", key(passed + 1))) {
            Iterator<String> it = keys.iterator();
            while (!ahead.isEmpty() && it.hasNext()) {
                long next = Long.parseLong(it.next());
                ahead.headSet(next).clear(); // acknowledged numbers that are no entry
                if (!ahead.remove(next)) {
                    break;
                }
                passed = next;
            }
            if (!it.hasNext()) {
                ahead.clear();
            }
        }
        return new Position(passed, List.copyOf(ahead));
    }

    /** Removes (in the caller's batch) the oldest entries that every reader passed, as their positions are committed. */
    private void sweep(Store.Batch b) {
        long passedByAll = Arrays.stream(Reader.values()).mapToLong(r -> position(r).passed()).min().orElse(0);
        if (passedByAll == 0) {
            return;
        }
        String upTo = key(passedByAll);
        try (Stream<String> keys = entries.keys("")) {
            keys.takeWhile(k -> k.compareTo(upTo) <= 0).limit(SWEEP).forEach(k -> b.remove(entries, k));
        }
    }

    /** @param sequences handled changes' numbers, acknowledged for a reader in a commit of their own */
    public void ack(Reader reader, Collection<Long> sequences) {
        store.write(b -> ack(b, reader, sequences));
    }
}
