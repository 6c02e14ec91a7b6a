package io.rediscover.mirror;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import io.rediscover.store.TempIdSet;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The mirror: the latest version of every ATS record of every connection, the connection's sync state, and exact
 * counts, in the {@link Store}. It is the source of truth the search index is derived from.
 *
 * <p>Changes arrive in batches ({@link #apply}) that are committed together with the plugin's new state, so the state
 * never runs ahead of the records it covers, and with an {@link Outbox} entry for every candidate whose searchable view
 * changed, so what is derived from the mirror never misses a change. Every key starts with the org
 * ({@link ConnectionRef#prefix()}).
 */
@Singleton
public final class MirrorStore {

    private final Store store;
    private final StoreMap<MirrorRecord> records;
    private final StoreMap<String> applicationsByCandidate;
    private final StoreMap<String> states;
    private final StoreMap<MirrorCounts> counts;
    private final StoreMap<byte[]> blobs;
    private final Outbox outbox;

    /** @param store the system of record @param outbox where changed candidates are announced, in the same commit */
    @Inject
    public MirrorStore(Store store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
        this.records = store.map("mirror.records", MirrorRecord.class);
        this.applicationsByCandidate = store.map("mirror.applications-by-candidate", String.class);
        this.states = store.map("mirror.states", String.class);
        this.counts = store.map("mirror.counts", MirrorCounts.class);
        this.blobs = store.bytes("mirror.blobs");
    }

    /**
     * What one {@link #apply} did.
     *
     * @param added             new records
     * @param updated           changed records
     * @param unchanged         stale or repeated versions ignored
     * @param deleted           records turned into tombstones
     * @param changedCandidates candidates whose searchable view changed (they or one of their applications)
     */
    public record Applied(long added, long updated, long unchanged, long deleted, Set<String> changedCandidates) {
    }

    private static String escape(String id) {
        return ConnectionRef.escape(id);
    }

    private static String unescape(String key) {
        return ConnectionRef.unescape(key);
    }

    private static String kindPrefix(ConnectionRef ref, RecordKind kind) {
        return ref.prefix() + kind.name().toLowerCase(Locale.ROOT) + "/";
    }

    private static String key(ConnectionRef ref, RecordKind kind, String externalId) {
        return kindPrefix(ref, kind) + escape(externalId);
    }

    /**
     * @param ref        the connection
     * @param kind       the kind
     * @param externalId the id in the ATS
     * @return the stored record (live or tombstone)
     */
    public Optional<MirrorRecord> record(ConnectionRef ref, RecordKind kind, String externalId) {
        return records.get(key(ref, kind, externalId));
    }

    /**
     * @param ref  the connection
     * @param kind the kind
     * @return every stored record of the kind (live and tombstones), in key order, lazily
     */
    public Stream<MirrorRecord> records(ConnectionRef ref, RecordKind kind) {
        return records.scan(kindPrefix(ref, kind)).map(Map.Entry::getValue);
    }

    /**
     * @param ref  the connection
     * @param kind the kind
     * @return the ids of the live records of the kind, lazily
     */
    public Stream<String> liveIds(ConnectionRef ref, RecordKind kind) {
        return records(ref, kind).filter(MirrorRecord::live).map(MirrorRecord::externalId);
    }

    /**
     * @param ref         the connection
     * @param candidateId a candidate's external id
     * @return its live applications
     */
    public List<MirrorRecord> applicationsOf(ConnectionRef ref, String candidateId) {
        String prefix = ref.prefix() + escape(candidateId) + "/";
        try (Stream<String> keys = applicationsByCandidate.keys(prefix)) {
            return keys.map(k -> unescape(k.substring(prefix.length())))
                    .map(id -> record(ref, RecordKind.APPLICATION, id)).flatMap(Optional::stream)
                    .filter(MirrorRecord::live).toList();
        }
    }

    /** @param ref the connection @return what the mirror holds for it */
    public MirrorCounts counts(ConnectionRef ref) {
        return counts.get(ref.org() + "/" + ref.connectionId()).orElse(MirrorCounts.empty());
    }

    /** @param org an org @return its connections the mirror holds anything of (counts kept), in id order */
    public List<ConnectionRef> connections(String org) {
        try (Stream<String> keys = counts.keys(org + "/")) {
            return keys.map(k -> new ConnectionRef(org, k.substring(org.length() + 1))).toList();
        }
    }

    /** @param org an org @return its live candidates, over all its connections */
    public long liveCandidates(String org) {
        try (Stream<Map.Entry<String, MirrorCounts>> all = counts.scan(org + "/")) {
            return all.mapToLong(e -> e.getValue().live().get(RecordKind.CANDIDATE)).sum();
        }
    }

    /** @param ref the connection @return the plugin's last committed state, if any */
    public Optional<String> state(ConnectionRef ref) {
        return states.get(ref.org() + "/" + ref.connectionId());
    }

    /** @param org the org @param sha256 a content hash @return the org's file, if stored */
    public Optional<byte[]> blob(String org, String sha256) {
        return blobs.get(org + "/" + sha256);
    }

    /** @param org the org @param sha256 a content hash @return whether the org's file is stored */
    public boolean hasBlob(String org, String sha256) {
        return blobs.containsKey(org + "/" + sha256);
    }

    /**
     * Stores a file once per org by its content hash (per org, so that no org's file is ever reachable from another,
     * and removing an org's data removes its files). Committed on its own: an unreferenced file after a crash costs
     * only disk until the next removal sweeps it.
     *
     * @param org    the org
     * @param sha256 content hash
     * @param bytes  the file
     */
    public void putBlob(String org, String sha256, byte[] bytes) {
        String key = org + "/" + sha256;
        if (!blobs.containsKey(key)) {
            store.write(b -> b.put(blobs, key, bytes));
        }
    }

    /**
     * Removes everything the mirror holds for a connection: records, links, state and counts, in commits of
     * {@code batchSize} keys so that memory and commit size stay bounded, however large the mirror.
     *
     * @param ref       the connection
     * @param batchSize keys per commit
     * @return how many records were removed
     */
    public long removeConnection(ConnectionRef ref, int batchSize) {
        long removed = store.removeAll(records, ref.prefix(), batchSize);
        store.removeAll(applicationsByCandidate, ref.prefix(), batchSize);
        outbox.forgetVersions(store, ref, batchSize);
        String key = ref.org() + "/" + ref.connectionId();
        store.write(b -> b.remove(states, key).remove(counts, key));
        return removed;
    }

    /**
     * Removes the org's files that no record of the org refers to any more (after a connection was removed).
     *
     * @param org        the org
     * @param referenced a set to fill with the referenced hashes (a temp-file set: millions of records stay off heap)
     * @param batchSize  keys per commit
     * @return how many files were removed
     */
    public long sweepBlobs(String org, TempIdSet referenced, int batchSize) {
        try (Stream<MirrorRecord> all = records.scan(org + "/").map(Map.Entry::getValue)) {
            all.filter(r -> r.resume() != null).forEach(r -> referenced.add(r.resume().sha256()));
        }
        return store.removeWhere(blobs, org + "/", sha256 -> !referenced.contains(sha256), batchSize);
    }

    /**
     * Applies changes in order and, in the same commit, the outbox entries of the candidates that changed, the new
     * state (if any) and whatever {@code alsoWrite} adds (the sync run's history). Stale versions are ignored; absent
     * fields keep stored values.
     *
     * @param ref       the connection
     * @param changes   changes in emission order
     * @param newState  the plugin's new state, or empty to keep the stored one
     * @param now       the mirror's clock
     * @param alsoWrite more writes for the same commit, given what the changes did (so a run's counts commit with them)
     * @return what changed
     */
    public Applied apply(ConnectionRef ref, List<MirrorChange> changes, Optional<String> newState, Instant now,
                         BiConsumer<Store.Batch, Applied> alsoWrite) {
        Map<String, Optional<MirrorRecord>> overlay = new HashMap<>();
        MirrorCounts c = counts(ref);
        List<Consumer<Store.Batch>> writes = new ArrayList<>();
        Set<String> changedCandidates = new LinkedHashSet<>();
        long added = 0;
        long updated = 0;
        long unchanged = 0;
        long deleted = 0;
        for (MirrorChange change : changes) {
            String key = key(ref, change.kind(), change.externalId());
            MirrorRecord before = overlay.computeIfAbsent(key, records::get).orElse(null);
            MirrorRecord after = next(before, change, now);
            if (after == null) {
                unchanged++;
                continue;
            }
            if (before == null || (!before.live() && after.live())) {
                added++;
            } else if (!after.live() && before.live()) {
                deleted++;
            } else {
                updated++;
            }
            overlay.put(key, Optional.of(after));
            c = c.apply(before, after);
            writes.add(b -> b.put(records, key, after));
            linkApplication(ref, before, after, writes);
            if (after.kind() == RecordKind.CANDIDATE) {
                changedCandidates.add(after.externalId());
            } else if (after.kind() == RecordKind.APPLICATION) {
                changedCandidates.add(after.parentId());
            }
            if (after.kind() == RecordKind.APPLICATION && before != null && before.parentId() != null
                    && !before.parentId().equals(after.parentId())) {
                changedCandidates.add(before.parentId());
            }
        }
        changedCandidates.remove(null);
        MirrorCounts finalCounts = c;
        Applied applied = new Applied(added, updated, unchanged, deleted, changedCandidates);
        store.write(b -> {
            writes.forEach(w -> w.accept(b));
            b.put(counts, ref.org() + "/" + ref.connectionId(), finalCounts);
            newState.ifPresent(s -> b.put(states, ref.org() + "/" + ref.connectionId(), s));
            outbox.enqueue(b, ref, changedCandidates);
            alsoWrite.accept(b, applied);
        });
        if (!changedCandidates.isEmpty()) {
            outbox.signal();
        }
        return applied;
    }

    /**
     * Forgets tombstones older than the retention: long enough that no replay or overlapping window can still bring
     * the old version back, short enough that deleted people's ids do not stay for ever.
     *
     * @param ref    the connection
     * @param cutoff tombstones deleted before this go
     * @return how many were removed
     */
    public long purgeTombstones(ConnectionRef ref, Instant cutoff) {
        List<String> keys = new ArrayList<>();
        MirrorCounts c = counts(ref);
        for (RecordKind kind : RecordKind.values()) {
            try (Stream<Map.Entry<String, MirrorRecord>> all = records.scan(kindPrefix(ref, kind))) {
                for (Map.Entry<String, MirrorRecord> e : (Iterable<Map.Entry<String, MirrorRecord>>) all::iterator) {
                    MirrorRecord r = e.getValue();
                    if (!r.live() && r.deletedAt().isBefore(cutoff)) {
                        keys.add(e.getKey());
                        c = c.apply(r, null);
                    }
                }
            }
        }
        if (!keys.isEmpty()) {
            MirrorCounts finalCounts = c;
            store.write(b -> {
                keys.forEach(k -> b.remove(records, k));
                b.put(counts, ref.org() + "/" + ref.connectionId(), finalCounts);
            });
        }
        return keys.size();
    }

    private void linkApplication(ConnectionRef ref, MirrorRecord before, MirrorRecord after, List<Consumer<Store.Batch>> writes) {
        if (after.kind() != RecordKind.APPLICATION) {
            return;
        }
        String id = escape(after.externalId());
        if (before != null && before.parentId() != null && (!before.parentId().equals(after.parentId()) || !after.live())) {
            String old = ref.prefix() + escape(before.parentId()) + "/" + id;
            writes.add(b -> b.remove(applicationsByCandidate, old));
        }
        if (after.live() && after.parentId() != null) {
            String link = ref.prefix() + escape(after.parentId()) + "/" + id;
            writes.add(b -> b.put(applicationsByCandidate, link, ""));
        }
    }

    /** The record to store after a change, or null when the change changes nothing. */
    private static MirrorRecord next(MirrorRecord before, MirrorChange change, Instant now) {
        if (change instanceof MirrorChange.Upsert u) {
            if (before != null && !RecordMerge.isNewer(before.updatedAt(), before.deletedAt(), u.updatedAt())) {
                return null;
            }
            boolean revived = before == null || !before.live();
            String parent = u.parentId() != null ? u.parentId() : before == null ? null : before.parentId();
            return new MirrorRecord(u.kind(), u.externalId(), parent, u.updatedAt(), now, null, null,
                    RecordMerge.merge(revived ? null : before.data(), u.data()),
                    u.resume() != null ? u.resume() : revived ? null : before.resume());
        }
        if (before == null || !before.live()) {
            return null; // deleting or flagging what is not there changes nothing
        }
        if (change instanceof MirrorChange.Delete d) {
            return new MirrorRecord(d.kind(), d.externalId(), before.parentId(), before.updatedAt(), now, d.at(), null,
                    JsonNodeFactory.instance.objectNode(), null);
        }
        MirrorChange.AccessLost a = (MirrorChange.AccessLost) change;
        return before.accessLostAt() != null ? null : new MirrorRecord(a.kind(), a.externalId(), before.parentId(),
                before.updatedAt(), now, null, a.at(), before.data(), before.resume());
    }
}
