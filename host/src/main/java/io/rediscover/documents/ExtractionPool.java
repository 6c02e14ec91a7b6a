package io.rediscover.documents;

import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs extractions on {@code documents.extractThreads} threads, each within {@code documents.extractSeconds} of its
 * start. One that runs over is abandoned: its thread is interrupted (the PDF reader stops at that), its result no longer
 * awaited, and it counts as <em>overdue</em> until its thread is actually free again. Libraries cannot always be
 * stopped, so an abandoned extraction may hold its thread a while; when every thread is held by one, the jobs still
 * waiting are not queued behind them but answered {@link Busy} at once, so the pipeline is never blocked by them.
 */
@Singleton
public final class ExtractionPool implements Managed {

    private final int threads;
    private final Duration limit;
    private final AtomicInteger overdue = new AtomicInteger();
    private ThreadPoolExecutor executor;

    /** How one job ended. @param <T> its result type */
    public sealed interface Outcome<T> permits Done, TimedOut, Busy, Failed {
    }

    /** It ended with a result. @param value the result @param <T> its type */
    public record Done<T>(T value) implements Outcome<T> {
    }

    /** It ran past the limit and was abandoned. @param limit the limit @param <T> the result type */
    public record TimedOut<T>(Duration limit) implements Outcome<T> {
    }

    /** It was not run: every thread is held by an abandoned job. @param stuck how many @param <T> the result type */
    public record Busy<T>(int stuck) implements Outcome<T> {
    }

    /** It threw. @param error what @param <T> the result type */
    public record Failed<T>(Throwable error) implements Outcome<T> {
    }

    /** @param config {@code documents.extractThreads}, {@code documents.extractSeconds} */
    @Inject
    public ExtractionPool(HostConfig config) {
        this(config.documents().extractThreads(), config.documents().extractTimeout());
    }

    ExtractionPool(int threads, Duration limit) {
        this.threads = threads;
        this.limit = limit;
    }

    @Override
    public void start() {
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("resume-text"));
    }

    @Override
    public void stop() throws InterruptedException {
        DaemonThreads.stopNow(executor, 10);
    }

    @Override
    public String name() {
        return "resume text extraction";
    }

    /** @return jobs abandoned over the limit whose threads have not come back yet */
    public int overdue() {
        return overdue.get();
    }

    /**
     * Runs every job, at most {@code threads} at once, and waits for each within its limit.
     *
     * @param jobs the jobs
     * @param <T>  their result type
     * @return how each ended, in the order of {@code jobs}
     * @throws InterruptedException when the caller is interrupted (the host stops); the jobs are abandoned
     */
    public <T> List<Outcome<T>> runAll(List<Callable<T>> jobs) throws InterruptedException {
        List<Job<T>> submitted = new ArrayList<>();
        for (Callable<T> c : jobs) {
            Job<T> j = new Job<>(c);
            j.future = executor.submit(j);
            submitted.add(j);
        }
        List<Outcome<T>> outcomes = new ArrayList<>();
        try {
            for (Job<T> j : submitted) {
                outcomes.add(await(j));
            }
        } finally {
            submitted.forEach(j -> j.future.cancel(true));
        }
        return outcomes;
    }

    private <T> Outcome<T> await(Job<T> job) throws InterruptedException {
        long limitNanos = limit.toNanos();
        while (true) {
            long wait;
            if (!job.started) {
                if (overdue.get() >= threads && job.future.cancel(false)) {
                    return new Busy<>(overdue.get());
                }
                wait = TimeUnit.MILLISECONDS.toNanos(50);
            } else {
                wait = job.startedAt + limitNanos - System.nanoTime();
                if (wait <= 0 && job.state.compareAndSet(Job.RUNNING, Job.OVERDUE)) {
                    overdue.incrementAndGet();
                    job.future.cancel(true);
                    return new TimedOut<>(limit);
                }
                wait = Math.max(wait, 1);
            }
            try {
                return new Done<>(job.future.get(wait, TimeUnit.NANOSECONDS));
            } catch (TimeoutException notYet) {
                // look again: started meanwhile, over the limit, or every thread stuck
            } catch (ExecutionException e) {
                return new Failed<>(e.getCause());
            }
        }
    }

    /** A job that knows when it started, and whether it was abandoned when it ends. */
    private final class Job<T> implements Callable<T> {
        static final int RUNNING = 0;
        static final int ENDED = 1;
        static final int OVERDUE = 2;

        private final Callable<T> work;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile boolean started;
        private volatile long startedAt;
        private Future<T> future;

        Job(Callable<T> work) {
            this.work = work;
        }

        @Override
        public T call() throws Exception {
            startedAt = System.nanoTime();
            started = true;
            try {
                return work.call();
            } finally {
                if (!state.compareAndSet(RUNNING, ENDED)) {
                    overdue.decrementAndGet(); // abandoned earlier: its thread is free again now
                }
            }
        }
    }
}
