package io.rediscover.mirror;

import io.rediscover.store.Sequences;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The durable way out of the mirror. A mirror commit that changes a candidate (or one of its applications) writes, in
 * the same commit, an entry {@code (org, connection, candidate) → version} here, so no change is ever lost between the
 * mirror and what is derived from it; the pipeline drains the entries through its stages and removes each one only
 * after every stage committed it.
 *
 * <p>One entry per candidate: a newer change overwrites an older entry not yet drained (the stages only ever need the
 * latest version), so the outbox is bounded by the number of candidates, not of changes. Versions come from one
 * store-wide {@link Sequences sequence}: strictly increasing, never reused. Entries are drained oldest first per
 * connection, through an index keyed by version; an index key left behind by an overwritten entry is skipped and
 * cleaned when met.
 */
@Singleton
public final class Outbox {

    /** The sequence the versions come from. */
    static final String VERSIONS = "mirror.version";

    private final Sequences sequences;
    private final Clock clock;
    private final StoreMap<Entry> entries;
    private final StoreMap<String> order;
    private final StoreMap<Long> candidateVersions;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** @param store the system of record @param sequences version numbers @param clock the host's clock */
    @Inject
    public Outbox(Store store, Sequences sequences, Clock clock) {
        this.sequences = sequences;
        this.clock = clock;
        this.entries = store.map("mirror.outbox", Entry.class);
        this.order = store.map("mirror.outbox-order", String.class);
        this.candidateVersions = store.map("mirror.candidate-versions", Long.class);
    }

    /**
     * One candidate waiting for the pipeline.
     *
     * @param version    the candidate's mirror version this entry asks to process
     * @param enqueuedAt when that version was committed
     * @param stagesDone how many pipeline stages (in order) committed this version already
     */
    public record Entry(long version, Instant enqueuedAt, int stagesDone) {
        /** @param done stages done @return a copy */
        public Entry withStagesDone(int done) {
            return new Entry(version, enqueuedAt, done);
        }
    }

    /**
     * An entry with its key.
     *
     * @param ref         the connection
     * @param candidateId the candidate's external id
     * @param entry       what is asked
     */
    public record Item(ConnectionRef ref, String candidateId, Entry entry) {
    }

    private static String key(ConnectionRef ref, String candidateId) {
        return ref.key(candidateId);
    }

    private static String orderKey(ConnectionRef ref, long version) {
        return ref.prefix() + String.format("%019d", version);
    }

    /**
     * Adds, to a batch of the mirror's commit, the entries for changed candidates, each with a new version.
     *
     * @param b            the mirror's batch
     * @param ref          the connection
     * @param candidateIds changed candidates (live or deleted)
     */
    public void enqueue(Store.Batch b, ConnectionRef ref, Collection<String> candidateIds) {
        Instant now = clock.instant();
        for (String id : candidateIds) {
            long version = sequences.next(VERSIONS);
            String key = key(ref, id);
            b.put(entries, key, new Entry(version, now, 0));
            b.put(order, orderKey(ref, version), id);
            b.put(candidateVersions, key, version);
        }
    }

    /** Tells the listeners (the pipeline) that entries were committed; call after the commit. */
    public void signal() {
        listeners.forEach(Runnable::run);
    }

    /** @param listener woken after entries are committed (a hint only: the outbox itself is the durable part) */
    public void onEnqueued(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * @param ref         the connection
     * @param candidateId a candidate
     * @return its mirror version: the version of its last change, if it ever changed since versions exist
     */
    public Optional<Long> version(ConnectionRef ref, String candidateId) {
        return candidateVersions.get(key(ref, candidateId));
    }

    /** @return entries waiting, over every connection */
    public long size() {
        return entries.count("");
    }

    /** @param org an org @return its entries waiting, over all its connections (O(log n): a count of a key range) */
    public long size(String org) {
        return entries.count(org + "/");
    }

    /** @param ref a connection @return its entries waiting */
    public long size(ConnectionRef ref) {
        return entries.count(ref.prefix());
    }

    /**
     * What waits for each stage: an entry that {@code d} stages committed waits for stage {@code d} and every stage after
     * it. Reads every entry, so callers compute it now and then (metrics), not per request.
     *
     * @param stages how many stages there are
     * @return per stage, in order: the entries that have not passed it, and when the oldest of them was committed
     */
    public List<StageBacklog> backlogByStage(int stages) {
        long[] waiting = new long[stages];
        Instant[] oldest = new Instant[stages];
        try (Stream<java.util.Map.Entry<String, Entry>> all = entries.scan("")) {
            all.forEach(e -> {
                Entry entry = e.getValue();
                for (int s = Math.min(entry.stagesDone(), stages); s < stages; s++) {
                    waiting[s]++;
                    if (oldest[s] == null || entry.enqueuedAt().isBefore(oldest[s])) {
                        oldest[s] = entry.enqueuedAt();
                    }
                }
            });
        }
        List<StageBacklog> out = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            out.add(new StageBacklog(waiting[s], oldest[s]));
        }
        return out;
    }

    /** @param waiting entries that have not passed a stage @param oldest when the oldest was committed, or null */
    public record StageBacklog(long waiting, Instant oldest) {
    }

    /** @return the connections with entries waiting, found by skipping from one key range to the next */
    public List<ConnectionRef> connections() {
        List<ConnectionRef> out = new ArrayList<>();
        String from = "";
        while (true) {
            Optional<String> first;
            try (Stream<String> keys = order.keysFrom("", from)) {
                first = keys.findFirst();
            }
            if (first.isEmpty()) {
                return out;
            }
            String[] parts = first.get().split("/", 3);
            ConnectionRef ref = new ConnectionRef(parts[0], parts[1]);
            out.add(ref);
            from = ref.prefix() + "\uffff";
        }
    }

    /**
     * The oldest entries of a connection. Index keys of overwritten entries are skipped (and returned for cleaning).
     *
     * @param ref   the connection
     * @param limit how many at most
     * @param stale filled with index keys that point at nothing current
     * @return entries, oldest first
     */
    public List<Item> oldest(ConnectionRef ref, int limit, List<String> stale) {
        List<Item> out = new ArrayList<>();
        try (Stream<java.util.Map.Entry<String, String>> s = order.scan(ref.prefix())) {
            var it = s.iterator();
            while (it.hasNext() && out.size() < limit) {
                var e = it.next();
                long version = Long.parseLong(e.getKey().substring(ref.prefix().length()));
                Optional<Entry> entry = entries.get(key(ref, e.getValue()));
                if (entry.isPresent() && entry.get().version() == version) {
                    out.add(new Item(ref, e.getValue(), entry.get()));
                } else {
                    stale.add(e.getKey());
                }
            }
        }
        return out;
    }

    /**
     * @param ref a connection
     * @return when its oldest waiting entry was committed
     */
    public Optional<Instant> oldestAt(ConnectionRef ref) {
        List<Item> first = oldest(ref, 1, new ArrayList<>());
        return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0).entry().enqueuedAt());
    }

    /** @param b a batch @param staleKeys index keys returned by {@link #oldest} to remove */
    public void clean(Store.Batch b, Collection<String> staleKeys) {
        staleKeys.forEach(k -> b.remove(order, k));
    }

    /**
     * Records that a stage committed an item: applied at commit time only if the entry still asks for the same version
     * (a newer change starts from the first stage again).
     *
     * @param b          the stage's batch
     * @param item       the item
     * @param stagesDone stages done now
     */
    public void advance(Store.Batch b, Item item, int stagesDone) {
        b.compute(entries, key(item.ref(), item.candidateId()),
                e -> e != null && e.version() == item.entry().version() ? e.withStagesDone(stagesDone) : e);
    }

    /**
     * Removes an item that passed every stage, unless a newer version replaced it meanwhile.
     *
     * @param b    a batch
     * @param item the item
     */
    public void complete(Store.Batch b, Item item) {
        b.compute(entries, key(item.ref(), item.candidateId()),
                e -> e != null && e.version() == item.entry().version() ? null : e);
        b.remove(order, orderKey(item.ref(), item.entry().version()));
    }

    /**
     * Drops every entry of a connection (it is being removed), in bounded commits.
     *
     * @param store     the store
     * @param ref       the connection
     * @param batchSize keys per commit
     * @return entries dropped
     */
    public long discard(Store store, ConnectionRef ref, int batchSize) {
        long dropped = store.removeAll(entries, ref.prefix(), batchSize);
        store.removeAll(order, ref.prefix(), batchSize);
        return dropped;
    }

    /** @param store the store @param ref a removed connection @param batchSize keys per commit */
    void forgetVersions(Store store, ConnectionRef ref, int batchSize) {
        store.removeAll(candidateVersions, ref.prefix(), batchSize);
    }
}
