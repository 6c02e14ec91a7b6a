package io.rediscover.matching;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stored matches: per candidate (key {@code org/connection/candidate}) the outcome of its last matching — the match
 * or none, the mirror version it was derived from and the blocking keys that were looked up — and two reverse indexes
 * the {@link Rematcher} reads to find whom a changed profile concerns: profile id → the candidates matched to it, and
 * blocking key → the candidates that looked it up. Reverse entries are keys {@code <profile id or key> NUL <candidate
 * key>}, written and removed in the commit of the record they mirror; the record keeps what it added, so the entries
 * can be taken back.
 */
@Singleton
public final class Matches {

    private static final String SEP = "\u0000";
    private static final byte[] PRESENT = new byte[0];

    private final Store store;
    private final StoreMap<Record> records;
    private final StoreMap<byte[]> byProfile;
    private final StoreMap<byte[]> byKey;

    /** @param store the system of record */
    @Inject
    public Matches(Store store) {
        this.store = store;
        this.records = store.map("matching.matches", Record.class);
        this.byProfile = store.bytes("matching.by-profile");
        this.byKey = store.bytes("matching.by-key");
    }

    /**
     * A candidate's last matching, as stored (read leniently: a field an older release did not write is its default).
     *
     * @param version the mirror version it was derived from
     * @param match   the match, or null when none was found
     * @param keys    the blocking keys looked up
     */
    public record Record(long version, Match match, List<String> keys) {
        /** Canonical constructor: copies the list; missing is empty. */
        public Record {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    /**
     * A candidate found in a reverse index.
     *
     * @param ref         its connection
     * @param candidateId its id in the ATS
     */
    public record CandidateRef(ConnectionRef ref, String candidateId) {
    }

    /**
     * @param ref         the connection
     * @param candidateId the candidate
     * @return its match, if it has one
     */
    public Optional<Match> match(ConnectionRef ref, String candidateId) {
        return record(ref, candidateId).map(Record::match);
    }

    /**
     * @param ref         the connection
     * @param candidateId the candidate
     * @return its last matching, if it was matched since this release
     */
    public Optional<Record> record(ConnectionRef ref, String candidateId) {
        return records.get(ref.key(candidateId));
    }

    /**
     * Adds, to a batch, a candidate's new matching in place of the one before: the record, and the reverse entries moved.
     *
     * @param b           the batch
     * @param ref         the connection
     * @param candidateId the candidate
     * @param before      what was stored, or null
     * @param after       the new record
     */
    void put(Store.Batch b, ConnectionRef ref, String candidateId, Record before, Record after) {
        String candidate = ref.key(candidateId);
        takeBack(b, candidate, before, after);
        if (after.match() != null && (before == null || before.match() == null
                || !before.match().profileId().equals(after.match().profileId()))) {
            b.put(byProfile, after.match().profileId() + SEP + candidate, PRESENT);
        }
        Set<String> had = before == null ? Set.of() : new HashSet<>(before.keys());
        after.keys().stream().filter(k -> !had.contains(k)).forEach(k -> b.put(byKey, k + SEP + candidate, PRESENT));
        b.put(records, candidate, after);
    }

    /**
     * Adds, to a batch, the removal of a candidate's matching (it was deleted).
     *
     * @param b           the batch
     * @param ref         the connection
     * @param candidateId the candidate
     * @param before      what is stored
     */
    void remove(Store.Batch b, ConnectionRef ref, String candidateId, Record before) {
        String candidate = ref.key(candidateId);
        takeBack(b, candidate, before, null);
        b.remove(records, candidate);
    }

    /** Removes the reverse entries of {@code before} that {@code after} (null: nothing) no longer has. */
    private void takeBack(Store.Batch b, String candidate, Record before, Record after) {
        if (before == null) {
            return;
        }
        if (before.match() != null && (after == null || after.match() == null
                || !after.match().profileId().equals(before.match().profileId()))) {
            b.remove(byProfile, before.match().profileId() + SEP + candidate);
        }
        Set<String> keeps = after == null ? Set.of() : new HashSet<>(after.keys());
        before.keys().stream().filter(k -> !keeps.contains(k)).forEach(k -> b.remove(byKey, k + SEP + candidate));
    }

    /** @param profileId a profile @return the candidates matched to it, over every org */
    public List<CandidateRef> matchedTo(String profileId) {
        return candidates(byProfile, profileId);
    }

    /** @param key a blocking key @return the candidates that looked it up, over every org */
    public List<CandidateRef> lookedUp(String key) {
        return candidates(byKey, key);
    }

    private static List<CandidateRef> candidates(StoreMap<byte[]> index, String head) {
        String prefix = head + SEP;
        try (Stream<String> keys = index.keys(prefix)) {
            return keys.map(k -> candidate(k.substring(prefix.length()))).toList();
        }
    }

    private static CandidateRef candidate(String key) {
        String[] parts = key.split("/", 3);
        return new CandidateRef(new ConnectionRef(parts[0], parts[1]), ConnectionRef.unescape(parts[2]));
    }

    /** @param ref a connection @return how many of its candidates have a match */
    public long matchedCount(ConnectionRef ref) {
        try (Stream<Map.Entry<String, Record>> s = records.scan(ref.prefix())) {
            return s.filter(e -> e.getValue().match() != null).count();
        }
    }

    /**
     * Removes every matching of a connection and its reverse entries, in bounded commits.
     *
     * @param ref       the connection
     * @param batchSize records per commit
     */
    void drop(ConnectionRef ref, int batchSize) {
        while (true) {
            List<Map.Entry<String, Record>> page;
            try (Stream<Map.Entry<String, Record>> s = records.scan(ref.prefix())) {
                page = s.limit(batchSize).toList();
            }
            if (page.isEmpty()) {
                return;
            }
            store.write(b -> page.forEach(e -> {
                takeBack(b, e.getKey(), e.getValue(), null);
                b.remove(records, e.getKey());
            }));
        }
    }
}
