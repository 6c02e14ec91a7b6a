package io.rediscover.store;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named, strictly increasing numbers that survive restarts and crashes (the pipeline's change versions). Numbers are
 * reserved in blocks: the upper end of the current block is committed before any number of it is handed out, so after
 * a crash counting resumes above everything ever handed out. Gaps are normal; a number is never handed out twice.
 */
@Singleton
public final class Sequences {

    static final long BLOCK = 10_000;

    private final Store store;
    private final StoreMap<Long> reserved;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    /** @param store the system of record */
    @Inject
    public Sequences(Store store) {
        this.store = store;
        this.reserved = store.map("store.sequences", Long.class);
    }

    private static final class Block {
        long next;
        long limit;
    }

    /**
     * @param name the sequence, e.g. {@code pipeline.version}
     * @return a number greater than every number this sequence handed out before
     */
    public long next(String name) {
        Block b = blocks.computeIfAbsent(name, n -> new Block());
        synchronized (b) {
            if (b.next >= b.limit) {
                long from = Math.max(b.limit, reserved.get(name).orElse(0L));
                long limit = from + BLOCK;
                store.write(w -> w.put(reserved, name, limit));
                b.next = from + 1;
                b.limit = limit;
            }
            return b.next++;
        }
    }
}
