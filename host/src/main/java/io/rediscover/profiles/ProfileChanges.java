package io.rediscover.profiles;

import io.rediscover.store.Sequences;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The re-matching journal: every import commit that adds or changes a profile also writes, in the same commit, an entry
 * here, so that the matcher — which drains it oldest first and acknowledges what it handled — matches again every
 * candidate that matched the profile or could match it now: the candidates found under the profile's blocking keys,
 * those it had before the change and those it has after. Nothing can be lost between an import and the matcher: an
 * entry leaves only by {@link #ack}, ideally in the matcher's own commit of the new matches.
 *
 * <p>An entry stores the profile id and the keys the change removed; the keys the profile has now are the ones it is
 * indexed under in the same commit, and are added when the entry is read. That keeps the journal of a first import of a
 * million profiles to a few dozen bytes per profile.
 */
@Singleton
public final class ProfileChanges {

    static final String SEQUENCE = "profiles.change";

    private final Store store;
    private final Sequences sequences;
    private final Clock clock;
    private final Provider<ProfileStore> profiles;
    private final StoreMap<Entry> entries;

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

    /**
     * @param limit the most entries wanted
     * @return the oldest changes not yet acknowledged, oldest first
     */
    public List<Change> pending(int limit) {
        try (Stream<java.util.Map.Entry<String, Entry>> s = entries.scan("")) {
            return s.limit(limit).map(e -> {
                Set<String> keys = new LinkedHashSet<>(e.getValue().removedKeys());
                profiles.get().get(e.getValue().profileId()).ifPresent(p -> keys.addAll(ProfileStore.keysOf(p)));
                return new Change(Long.parseLong(e.getKey()), e.getValue().profileId(), keys, e.getValue().at());
            }).toList();
        }
    }

    /** @return how many changes wait for the matcher */
    public long size() {
        return entries.count("");
    }

    /**
     * Acknowledges handled changes in the caller's commit (the matcher's, with the new matches).
     *
     * @param b         the caller's batch
     * @param sequences the changes' numbers
     */
    public void ack(Store.Batch b, Collection<Long> sequences) {
        sequences.forEach(s -> b.remove(entries, key(s)));
    }

    /** @param sequences handled changes' numbers, acknowledged in a commit of their own */
    public void ack(Collection<Long> sequences) {
        store.write(b -> ack(b, sequences));
    }
}
