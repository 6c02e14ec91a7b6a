package io.rediscover.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One named daemon thread that does a service's background work in rounds: the next round at once while there is
 * work, else when woken or after an idle wait; no round while the host says why it cannot work (store down, disk
 * nearly full); a pause after a failed round, whose reason is shown until a round starts again. Stopping interrupts
 * the thread and waits for it (30 s at most), so no round outlives the store it writes to.
 */
public final class BackgroundWorker {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorker.class);
    /** The pause after a failed round. */
    public static final Duration BACKOFF = Duration.ofSeconds(5);

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        /** @return whether there was work (then the next round follows at once) @throws InterruptedException when stopping */
        boolean run() throws InterruptedException;
    }

    private final String name;
    private final String failure;
    private final Supplier<Optional<String>> pauseReason;
    private final Duration idle;
    private final Round round;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile String waitingFor;
    private Thread thread;

    /**
     * @param name        the thread's name
     * @param failure     what a failed round is called in the log and the status, e.g. "indexing public profiles failed"
     * @param pauseReason why no round may start now, if so (checked before each round)
     * @param idle        how long to wait for a wake-up when a round found no work
     * @param round       one round
     */
    public BackgroundWorker(String name, String failure, Supplier<Optional<String>> pauseReason, Duration idle, Round round) {
        this.name = name;
        this.failure = failure;
        this.pauseReason = pauseReason;
        this.idle = idle;
        this.round = round;
    }

    public void start() {
        running = true;
        thread = DaemonThreads.named(name).newThread(this::runForever);
        thread.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(30_000);
        }
    }

    /** @return false once stopping: a long round should end early, leaving what is left for the next start */
    public boolean running() {
        return running;
    }

    /** Starts a round soon (new work arrived). */
    public void wake() {
        wake.release();
    }

    /** @return why rounds wait (a pause reason, a failure, or what the round said), or null when they do not */
    public String waitingFor() {
        return waitingFor;
    }

    /** @param reason what the running round waits for (a stage unavailable, say), shown until the next round starts */
    public void waitingFor(String reason) {
        waitingFor = reason;
    }

    private void runForever() {
        while (running) {
            try {
                Optional<String> pause = pauseReason.get();
                waitingFor = pause.orElse(null);
                if (pause.isPresent()) {
                    Thread.sleep(1_000);
                } else if (!round.run()) {
                    wake.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ServiceUnavailableException e) {
                waitingFor = e.getMessage(); // logged by its owner
                sleepQuietly();
            } catch (RuntimeException e) {
                waitingFor = failure + ": " + e.getMessage();
                LOG.error("{}; tried again in {} s", failure, BACKOFF.toSeconds(), e);
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
