package io.rediscover.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, for expiry and throttling rules. */
public final class MovableClock extends Clock {

    private volatile Instant now;

    /** @param start the first instant */
    public MovableClock(Instant start) {
        this.now = start;
    }

    /** @param by how far to move on */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
