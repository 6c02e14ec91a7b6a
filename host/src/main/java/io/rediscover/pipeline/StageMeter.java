package io.rediscover.pipeline;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** Throughput of one stage since start: totals, and items per second over the last minute (60 one-second buckets). */
final class StageMeter {

    private static final int WINDOW = 60;

    private final Clock clock;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final long[] buckets = new long[WINDOW];
    private final long[] bucketSecond = new long[WINDOW];

    StageMeter(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(int items, int failures) {
        processed.addAndGet(items);
        failed.addAndGet(failures);
        long second = clock.millis() / 1000;
        int i = (int) (second % WINDOW);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            buckets[i] = 0;
        }
        buckets[i] += items;
    }

    long processed() {
        return processed.get();
    }

    long failed() {
        return failed.get();
    }

    synchronized double perSecond() {
        long now = clock.millis() / 1000;
        long sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            if (now - bucketSecond[i] < WINDOW) {
                sum += buckets[i];
            }
        }
        return Math.round(sum * 10.0 / WINDOW) / 10.0;
    }
}
