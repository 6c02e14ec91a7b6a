package io.rediscover.icims.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulated clock every time-dependent behaviour reads: token expiry, staleness, quota days, and the
 * {@code updateddate} stamps of mutations. It starts at a configured instant and either ticks with real
 * time (so a client using its own wall clock for watermarks still sees sensible stamps) or stands still;
 * tests move it with {@link #advance}.
 */
public final class SimClock {
    private final Instant start;
    private final boolean ticking;
    private final long startNanos = System.nanoTime();
    private volatile Duration offset = Duration.ZERO;

    public SimClock(Instant start, boolean ticking) {
        this.start = start;
        this.ticking = ticking;
    }

    /** The simulated current instant. */
    public Instant now() {
        Instant t = start.plus(offset);
        return ticking ? t.plusNanos(System.nanoTime() - startNanos) : t;
    }

    /** The current instant at minute resolution: what {@code updateddate} stamps carry [DOC S1]. */
    public Instant nowMinute() {
        return now().truncatedTo(ChronoUnit.MINUTES);
    }

    /** Moves simulated time forward (or back, with a negative duration). */
    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Jumps simulated time to {@code instant}. */
    public synchronized void set(Instant instant) {
        offset = offset.plus(Duration.between(now(), instant));
    }

    /** Whether real time passes on this clock. */
    public boolean ticking() {
        return ticking;
    }
}
