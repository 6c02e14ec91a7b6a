package io.rediscover.sync;

import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import io.rediscover.lifecycle.ServiceUnavailableException;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.ErrorKind;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides when each connection syncs: a full download as soon as a connection is active and has no state, then an
 * incremental run every {@code sync.intervalHours}, or now on request. One run per connection at a time, at most
 * {@code sync.maxConcurrentRuns} at once. A run interrupted by a crash or restart is marked so and resumed at once from
 * its last checkpoint. A run that spent the day's request budget goes on after the reset. Passing failures (timeouts,
 * 5xx, rate limits) retry with a doubling delay; configuration failures stop the schedule and mark the connection
 * "needs attention".
 */
@Singleton
public final class SyncScheduler implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
    static final Duration TICK = Duration.ofSeconds(1);

    private final SyncConnections connections;
    private final SyncRunner runner;
    private final RunHistory history;
    private final MirrorStore mirror;
    private final BacklogGate gate;
    private final HostConfig.Sync config;
    private final Clock clock;
    private final Map<ConnectionRef, Slot> slots = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private ExecutorService workers;
    private final AtomicInteger busy = new AtomicInteger();

    /** Scheduling state of one connection. */
    private static final class Slot {
        volatile Instant due;
        volatile int failuresInARow;
        /** "Sync now": survives the end of a run that is just finishing, which sets {@link #due} afterwards. */
        final AtomicBoolean requested = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean();
        /** The run has ended and is being wrapped up (next due time, tombstones): a "sync now" then queues the next. */
        volatile boolean finishing;
        final AtomicBoolean cancel = new AtomicBoolean();

        Slot(Instant due) {
            this.due = due;
        }
    }

    /**
     * @param connections the connections to sync
     * @param runner      runs one sync
     * @param history     the run history
     * @param mirror      the mirror, whose old tombstones are purged after each successful run
     * @param gate        no run starts while the disk is nearly full or the store is down
     * @param config      host configuration: {@code sync.*}
     * @param clock       the host's clock
     */
    @Inject
    SyncScheduler(SyncConnections connections, SyncRunner runner, RunHistory history, MirrorStore mirror,
                  BacklogGate gate, HostConfig config, Clock clock) {
        this.clock = clock;
        this.connections = connections;
        this.runner = runner;
        this.history = history;
        this.mirror = mirror;
        this.gate = gate;
        this.config = config.sync();
    }

    @Override
    public void start() {
        workers = Executors.newFixedThreadPool(config.maxConcurrentRuns(), DaemonThreads.named("sync"));
        ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sync-scheduler"));
        for (ConnectionRef ref : connections.active()) {
            for (SyncRun interrupted : history.running(ref)) {
                history.save(ref, interrupted.ended(SyncRun.Result.INTERRUPTED, clock.instant(),
                        new SyncRun.RunError(ErrorKind.TRANSIENT, "the server stopped during this run; resumed from its last checkpoint")));
                LOG.info("{}: run {} was interrupted; resuming from its last checkpoint", ref, interrupted.runId());
            }
        }
        if (config.enabled()) {
            ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            LOG.warn("sync.enabled is false: no sync runs on this server");
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        slots.values().forEach(s -> s.cancel.set(true));
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    @Override
    public String name() {
        return "sync scheduler";
    }

    /**
     * Starts a run as soon as a worker is free.
     *
     * @param ref a connection
     * @return false when a run of it is going, starting, or already asked for and waiting for a worker; a run that has
     *         ended and is being wrapped up does not count: the new one starts right after it
     */
    public boolean syncNow(ConnectionRef ref) {
        Slot slot = slots.computeIfAbsent(ref, r -> new Slot(clock.instant()));
        boolean starting = slot.running.get() && !slot.finishing;
        if (runner.current(ref).isPresent() || starting || !slot.requested.compareAndSet(false, true)) {
            return false;
        }
        slot.failuresInARow = 0;
        return true;
    }

    /** @return why no run starts now (disk nearly full, store down), if that is so */
    public Optional<String> pausedBecause() {
        return gate.reason().filter(r -> r.startsWith("paused"));
    }

    /**
     * Asks a running sync to stop at its next request.
     *
     * @param ref a connection
     */
    public void cancel(ConnectionRef ref) {
        Optional.ofNullable(slots.get(ref)).ifPresent(s -> s.cancel.set(true));
    }

    /**
     * @param ref a connection
     * @return when its next run is due, if scheduled
     */
    public Optional<Instant> nextRun(ConnectionRef ref) {
        return Optional.ofNullable(slots.get(ref)).map(s -> s.due);
    }

    private void tick() {
        try {
            if (pausedBecause().isPresent()) {
                return; // StoreWatch logged why, once; runs start again when it clears
            }
            Instant now = clock.instant();
            for (ConnectionRef ref : connections.active()) {
                Slot slot = slots.computeIfAbsent(ref, r -> new Slot(firstDue(r, now)));
                boolean due = slot.requested.get() || !now.isBefore(slot.due);
                if (!slot.running.get() && due && busy.get() < config.maxConcurrentRuns()
                        && slot.running.compareAndSet(false, true)) {
                    slot.requested.set(false);
                    busy.incrementAndGet();
                    slot.cancel.set(false);
                    workers.execute(() -> runOnce(ref, slot));
                }
            }
        } catch (ServiceUnavailableException e) {
            // the store is down: logged once by its owner; scheduling resumes when it is back
        } catch (RuntimeException e) {
            LOG.error("sync scheduling failed; retrying at the next tick", e);
        }
    }

    /**
     * A connection never synced, or whose last run failed, is due now; one whose last run spent the day's budget, once it
     * resets; else one interval after its last run.
     */
    private Instant firstDue(ConnectionRef ref, Instant now) {
        return history.latest(ref, 1).stream().filter(r -> r.endedAt() != null).findFirst().map(r -> {
            if (r.result() == SyncRun.Result.SUCCEEDED) {
                return r.endedAt().plus(config.interval());
            }
            boolean waits = r.result() == SyncRun.Result.BUDGET_SPENT && r.error() != null && r.error().retryAfterSeconds() != null;
            return waits ? r.endedAt().plusSeconds(r.error().retryAfterSeconds()) : now;
        }).orElse(now);
    }

    private void runOnce(ConnectionRef ref, Slot slot) {
        try {
            Optional<SyncConnection> connection = connections.load(ref);
            if (connection.isEmpty() || !connection.get().active()) {
                slots.remove(ref);
                return;
            }
            Cancellation cancellation = slot.cancel::get;
            SyncRun run = runner.run(connection.get(), cancellation);
            slot.finishing = true;
            slot.due = nextDue(ref, slot, run, connection.get().interval());
        } catch (ServiceUnavailableException e) {
            LOG.warn("{}: sync run stopped: {}", ref, e.getMessage());
            slot.failuresInARow++;
            slot.due = clock.instant().plus(backoff(slot.failuresInARow));
        } catch (RuntimeException e) {
            LOG.error("{}: sync run crashed", ref, e);
            slot.failuresInARow++;
            slot.due = clock.instant().plus(backoff(slot.failuresInARow));
        } finally {
            slot.finishing = false;
            slot.running.set(false);
            busy.decrementAndGet();
        }
    }

    /**
     * Counted from the run's recorded end, as {@link #firstDue} does after a restart, so the schedule does not depend on
     * how long wrapping up took (a budget's reset, in particular, is one fixed instant).
     */
    private Instant nextDue(ConnectionRef ref, Slot slot, SyncRun run, Duration interval) {
        Instant ended = run.endedAt() != null ? run.endedAt() : clock.instant();
        if (run.result() == SyncRun.Result.SUCCEEDED) {
            slot.failuresInARow = 0;
            long purged = mirror.purgeTombstones(ref, clock.instant().minus(config.tombstoneRetention()));
            if (purged > 0) {
                LOG.info("{}: forgot {} tombstone(s) older than {} days", ref, purged, config.tombstoneRetention().toDays());
            }
            return ended.plus(interval);
        }
        if (run.result() == SyncRun.Result.CANCELLED) {
            return ended.plus(interval);
        }
        if (run.result() == SyncRun.Result.BUDGET_SPENT) {
            // Not a failure: the day's budget is spent; the run goes on from its checkpoint once it resets.
            slot.failuresInARow = 0;
            LOG.info("{}: the day's request budget is spent; the sync goes on in {} min", ref,
                    run.error().retryAfterSeconds() / 60);
            return ended.plusSeconds(run.error().retryAfterSeconds());
        }
        SyncRun.RunError error = run.error();
        if (error != null && error.kind() == ErrorKind.CONFIG) {
            connections.needsAttention(ref, error);
            slots.remove(ref);
            return Instant.MAX;
        }
        slot.failuresInARow++;
        Duration wait = backoff(slot.failuresInARow);
        if (error != null && error.retryAfterSeconds() != null && error.retryAfterSeconds() > wait.toSeconds()) {
            wait = Duration.ofSeconds(error.retryAfterSeconds());
        }
        LOG.info("{}: retrying in {} s after {} failure(s) in a row", ref, wait.toSeconds(), slot.failuresInARow);
        return ended.plus(wait);
    }

    Duration backoff(int failures) {
        long seconds = config.retryMin().toSeconds() << Math.min(failures - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, config.retryMax().toSeconds()));
    }
}
