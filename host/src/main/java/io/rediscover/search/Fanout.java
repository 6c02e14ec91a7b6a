package io.rediscover.search;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Asks the shards (or split parts) of a collection at once, on a pool of its own with a thread per core. A parallel
 * stream would use the common pool, which has one thread fewer than there are cores and counts on the caller to help:
 * on two cores, two searches at once queued their second halves behind a single worker and took three times as long
 * as one alone.
 */
public final class Fanout {

    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("search-fanout-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }, null, false);

    private Fanout() {
    }

    /**
     * @param count how many pieces
     * @param piece the work of piece {@code i}
     * @return their answers, in order
     */
    public static <R> List<R> each(int count, IntFunction<R> piece) {
        if (count == 0) {
            return List.of();
        }
        if (count == 1) {
            return Collections.singletonList(piece.apply(0)); // no hand-over for a single shard
        }
        try {
            return POOL.submit(() -> IntStream.range(0, count).parallel().mapToObj(piece).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the shards answered", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
