package io.rediscover.budget;

import io.rediscover.pluginapi.RequestQuota;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A connection's daily request budget: how many requests that count against the ATS's quota Rediscover may make per
 * budget day, and when a budget day begins (an hour in a time zone, the customer's, as their ATS counts its days).
 *
 * @param requestsPerDay the budget, 1 to {@value #MAX_REQUESTS_PER_DAY}
 * @param resetHour      the hour a budget day begins, 0 to 23
 * @param timeZone       the IANA time zone of that hour; UTC when not given
 */
public record DailyBudget(long requestsPerDay, int resetHour, String timeZone) {

    /** A sane bound: ten times the largest call expansion anyone is likely to buy. */
    public static final long MAX_REQUESTS_PER_DAY = 1_000_000;
    /** The time zone of the reset hour when none is given. */
    public static final String DEFAULT_TIME_ZONE = "UTC";
    /** The share of the ATS's quota a new connection gets unless the org admin says otherwise: the rest is the others'. */
    public static final double DEFAULT_SHARE = 0.5;

    /** Canonical constructor: a missing time zone is UTC. */
    public DailyBudget {
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
    }

    /**
     * @param quota the connector's declared quota, if any
     * @return the budget a new connection gets: half the ATS's default quota, days from midnight UTC; none (unlimited)
     *         for a connector whose ATS declares no quota
     */
    public static Optional<DailyBudget> defaultFor(Optional<RequestQuota> quota) {
        return quota.map(q -> new DailyBudget(Math.max(1, (long) (q.dailyLimit() * DEFAULT_SHARE)), 0, DEFAULT_TIME_ZONE));
    }

    /** @return the time zone; UTC when the stored name no longer resolves */
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** @return when the budget day that contains {@code now} began */
    public Instant dayStart(Instant now) {
        ZonedDateTime at = now.atZone(zone());
        ZonedDateTime start = at.toLocalDate().atTime(resetHour, 0).atZone(zone());
        return (start.isAfter(at) ? at.toLocalDate().minusDays(1).atTime(resetHour, 0).atZone(zone()) : start).toInstant();
    }

    /** @return when the budget day after the one that contains {@code now} begins */
    public Instant nextReset(Instant now) {
        return daysAfter(dayStart(now), 1);
    }

    /** @return the start of the budget day {@code days} after the one that began at {@code dayStart} */
    Instant daysAfter(Instant dayStart, long days) {
        return dayStart.atZone(zone()).toLocalDate().plusDays(days).atTime(resetHour, 0).atZone(zone()).toInstant();
    }
}
