package io.rediscover.lifecycle;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the host's background work: named after their job (so thread dumps and log lines say who is doing
 * what) and daemon (so a forgotten pool never keeps the JVM alive; services still stop their pools in order).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** @param name the job, e.g. {@code verify}; threads are {@code name-1}, {@code name-2}, … @return the factory */
    public static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Stops a service's pool: interrupts its work and waits for it to end, at most {@code seconds}.
     *
     * @param pool    the pool, or null when the service never started it
     * @param seconds how long to wait
     * @throws InterruptedException when interrupted while waiting
     */
    public static void stopNow(ExecutorService pool, long seconds) throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(seconds, TimeUnit.SECONDS);
        }
    }
}
