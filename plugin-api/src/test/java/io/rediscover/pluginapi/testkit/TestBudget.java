package io.rediscover.pluginapi.testkit;

import io.rediscover.pluginapi.BudgetExhaustedException;
import io.rediscover.pluginapi.MeteredHttpClient;
import io.rediscover.pluginapi.RequestBudget;
import io.rediscover.pluginapi.RequestQuota;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A daily request budget for plugin tests, metered as the host meters it: requests that count under the connector's
 * {@link RequestQuota} are counted, and refused with {@link BudgetExhaustedException} once {@code perDay} are spent. The
 * day turns when the test says so ({@link #newDay()}); it "resets" at the next midnight UTC of the context's clock.
 */
public final class TestBudget implements MeteredHttpClient.Meter, RequestBudget {

    private final RequestQuota quota;
    private final Supplier<Clock> clock;
    private long perDay;
    private long used;
    private long total;
    private long refused;

    TestBudget(RequestQuota quota, long perDay, Supplier<Clock> clock) {
        this.quota = quota;
        this.perDay = perDay;
        this.clock = clock;
    }

    @Override
    public synchronized void admit(HttpRequest request) throws BudgetExhaustedException {
        if (!quota.counts(request)) {
            return;
        }
        if (used >= perDay) {
            refused++;
            Instant reset = resetsAt().orElseThrow();
            throw new BudgetExhaustedException("the test budget of " + perDay + " requests a day is spent", reset,
                    Duration.between(clock.get().instant(), reset));
        }
        used++;
        total++;
    }

    @Override
    public synchronized long limit() {
        return perDay;
    }

    @Override
    public synchronized long used() {
        return used;
    }

    @Override
    public Optional<Instant> resetsAt() {
        return Optional.of(clock.get().instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC));
    }

    /** Starts a new budget day: nothing used yet. */
    public synchronized void newDay() {
        used = 0;
    }

    /** @param requests the new daily budget */
    public synchronized void setPerDay(long requests) {
        perDay = requests;
    }

    /** @return counted requests over every day */
    public synchronized long total() {
        return total;
    }

    /** @return requests refused because the budget was spent */
    public synchronized long refused() {
        return refused;
    }
}
