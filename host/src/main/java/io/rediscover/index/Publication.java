package io.rediscover.index;

import io.indextables.tantivy4java.core.Schema;
import io.indextables.tantivy4java.core.Searcher;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What readers see of a shard at one commit, counted by the readers using it: the splits to aggregate on, each with the
 * keys of its documents that newer layers replaced or deleted, and readers of the whole index for ranked hits — more
 * than one, because tantivy4java holds a reader's lock for a whole search: with one, a narrow search waits for a broad
 * one to end.
 */
final class Publication {

    /**
     * One split of a publication.
     *
     * @param split  the split, acquired for this publication
     * @param hidden the keys of its documents that newer layers hold or deleted
     */
    record Layer(SplitFile split, Set<String> hidden) {
    }

    private final List<Searcher> ranked;
    private final Queue<Searcher> free;
    final Schema schema;
    final long docs;
    private final List<Layer> layers;
    private final List<SplitPart> parts;
    private final AtomicInteger users = new AtomicInteger(1); // the shard's own reference
    private volatile boolean retired;

    /**
     * @param layers the splits, oldest first
     * @param ranked readers of the whole index at the same commit, at least one (closed with the publication)
     * @param schema the index's schema
     */
    Publication(List<Layer> layers, List<Searcher> ranked, Schema schema) {
        this.layers = List.copyOf(layers);
        this.ranked = List.copyOf(ranked);
        this.free = new ConcurrentLinkedQueue<>(ranked);
        this.schema = schema;
        this.docs = ranked.get(0).getNumDocs();
        this.parts = this.layers.stream().map(l -> new SplitPart(l.split().searcher(), l.hidden(), l.split().segments())).toList();
    }

    List<SplitPart> parts() {
        return parts;
    }

    /** @return a reader of the whole index no other request holds (give it back), or null when none is free */
    Searcher borrowRanked() {
        return free.poll();
    }

    /** @param searcher a reader {@link #borrowRanked} gave */
    void giveBack(Searcher searcher) {
        free.offer(searcher);
    }

    /** @return a reader of the whole index to share when none is free (its searches wait for each other's) */
    Searcher sharedRanked() {
        return ranked.get(0);
    }

    boolean acquire() {
        while (true) {
            int n = users.get();
            if (n <= 0) {
                return false;
            }
            if (users.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (users.decrementAndGet() == 0) {
            layers.forEach(l -> l.split().release());
            ranked.forEach(Searcher::close);
        }
    }

    /** The shard published a newer one: this one goes once its last reader lets go. */
    void retire() {
        if (!retired) {
            retired = true;
            release();
        }
    }
}
