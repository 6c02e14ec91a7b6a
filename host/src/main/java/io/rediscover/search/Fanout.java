package io.rediscover.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Asks the shards (or split parts) of a collection at once: the caller answers the first lane of pieces itself and each
 * other lane gets a thread of its own at once, so the operating system shares the cores among every search in flight.
 * A queue in front of a fixed pool (the common pool of parallel streams: one thread on two cores) made a narrow search
 * wait behind the pieces of a broad one that started first. There are at most as many lanes as cores: a narrow query
 * can need dozens of small searches (facet-count refinements), and a thread each would only crowd the cores.
 */
public final class Fanout {

    private static final int LANES = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService PIECES = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "search-fanout-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Fanout() {
    }

    /** Two answers of different kinds. @param first the caller's @param second the other thread's */
    public record Both<A, B>(A first, B second) {
    }

    /**
     * @param first  work for the caller's thread
     * @param second work for another thread, at the same time
     * @return both answers, once both ended (a failure of either is thrown then)
     */
    @SuppressWarnings("unchecked")
    public static <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
        List<Object> answers = each(2, i -> i == 0 ? first.get() : second.get());
        return new Both<>((A) answers.get(0), (B) answers.get(1));
    }

    /**
     * @param count how many pieces
     * @param piece the work of piece {@code i}
     * @return their answers, in order
     */
    @SuppressWarnings("unchecked")
    public static <R> List<R> each(int count, IntFunction<R> piece) {
        int lanes = Math.min(count, LANES);
        Object[] answers = new Object[count];
        IntFunction<Void> lane = first -> {
            for (int i = first; i < count; i += lanes) {
                answers[i] = piece.apply(i);
            }
            return null;
        };
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int l = 1; l < lanes; l++) {
            int first = l;
            others.add(CompletableFuture.supplyAsync(() -> lane.apply(first), PIECES));
        }
        // every lane ends before this returns or throws: they read what the caller holds (a reading of the splits)
        Throwable failed = null;
        if (lanes > 0) {
            try {
                lane.apply(0);
            } catch (RuntimeException | Error e) {
                failed = e;
            }
        }
        for (CompletableFuture<Void> other : others) {
            try {
                other.join(); // also makes the other lanes' answers visible here
            } catch (CompletionException e) {
                failed = failed == null ? e.getCause() : failed;
            }
        }
        if (failed instanceof RuntimeException r) {
            throw r;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        List<R> out = new ArrayList<>(count);
        for (Object a : answers) {
            out.add((R) a);
        }
        return out;
    }
}
