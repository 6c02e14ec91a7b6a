package io.rediscover.icims.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The daily web-service budget (B8/D10): {@code dailyLimit} calls over A2–A6 per quota day, 10,000 by
 * default [DOC S7]. Days begin at {@code resetAt} UTC on the simulated clock (iCIMS does not say when;
 * midnight UTC is an unverified claim). A limit of 0 switches the quota off.
 */
public final class Quota {
    private final SimClock clock;
    private int dailyLimit;
    private LocalTime resetAt;
    private long currentDay = Long.MIN_VALUE;
    private long used;

    Quota(SimClock clock, int dailyLimit, LocalTime resetAt) {
        this.clock = clock;
        this.dailyLimit = dailyLimit;
        this.resetAt = resetAt;
    }

    /** Counts one call; false (and not counted) when today's budget is spent. */
    synchronized boolean tryConsume() {
        roll();
        if (dailyLimit > 0 && used >= dailyLimit) {
            return false;
        }
        used++;
        return true;
    }

    /** Seconds until the next quota day starts. */
    public synchronized long secondsUntilReset() {
        Instant now = clock.now();
        Instant next = Instant.ofEpochSecond((dayOf(now) + 1) * 86_400 + resetAt.toSecondOfDay());
        return Math.max(1, Duration.between(now, next).toSeconds());
    }

    public synchronized void setDailyLimit(int dailyLimit) {
        this.dailyLimit = dailyLimit;
    }

    public synchronized void setResetAt(LocalTime resetAt) {
        this.resetAt = resetAt;
        this.currentDay = Long.MIN_VALUE;
    }

    public synchronized int dailyLimit() {
        return dailyLimit;
    }

    public synchronized LocalTime resetAt() {
        return resetAt;
    }

    /** Calls counted in the current quota day. */
    public synchronized long used() {
        roll();
        return used;
    }

    private void roll() {
        long day = dayOf(clock.now());
        if (day != currentDay) {
            currentDay = day;
            used = 0;
        }
    }

    private long dayOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond() - resetAt.toSecondOfDay(), 86_400);
    }

    /** Reset time as shown in diagnostics. */
    @Override
    public synchronized String toString() {
        return "Quota[" + used + "/" + dailyLimit + ", resets " + resetAt + " " + ZoneOffset.UTC + "]";
    }
}
