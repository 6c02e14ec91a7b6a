package io.rediscover.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a number of failed sign-ins for one key ({@value #FREE_FAILURES} for an
 * e-mail address; more for a client address, which many people may share behind one proxy) within {@link #WINDOW}, further attempts for that key are refused for a delay that doubles with each
 * failure, capped at {@link #MAX_DELAY}. A success clears the key. State lives in memory: a restart forgives, which is
 * acceptable because the delays are short and the hashing cost bounds the attempt rate anyway.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int freeFailures;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant last) {
    }

    /** @param clock the clock (tests move it) */
    public LoginThrottle(Clock clock) {
        this(clock, FREE_FAILURES);
    }

    /** @param clock the clock @param freeFailures failures allowed before attempts are delayed */
    public LoginThrottle(Clock clock, int freeFailures) {
        this.clock = clock;
        this.freeFailures = freeFailures;
    }

    /**
     * @param key e-mail address or client address
     * @return how long the caller must wait before trying again; zero when an attempt is allowed now
     */
    public Duration retryAfter(String key) {
        Failures f = failures.get(key);
        if (f == null || f.count < freeFailures) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (Duration.between(f.last, now).compareTo(WINDOW) > 0) {
            failures.remove(key, f);
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(f.count - freeFailures, 20));
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        Duration left = Duration.between(now, f.last.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** @param key e-mail address or client address */
    public void failed(String key) {
        if (failures.size() > MAX_TRACKED) {
            expire();
        }
        Instant now = clock.instant();
        failures.merge(key, new Failures(1, now), (old, one) ->
                Duration.between(old.last, now).compareTo(WINDOW) > 0 ? one : new Failures(old.count + 1, now));
    }

    /** @param key e-mail address or client address */
    public void succeeded(String key) {
        failures.remove(key);
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(WINDOW);
        failures.values().removeIf(f -> f.last.isBefore(cutoff));
    }
}
