package io.rediscover.icims.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer's daily web-service quota (B8/D10): {@code dailyLimit} calls over A2–A6 per quota day, 10,000 by
 * default [DOC S7], shared by every integration the customer runs [DOC S7]. Days begin at {@code resetAt} UTC on the
 * simulated clock (iCIMS does not say when; midnight UTC is an unverified claim). A limit of 0 switches the quota off.
 *
 * <p>The customer's <em>other</em> integrations (payroll, background checks, job boards) spend
 * {@code otherIntegrationsPerDay} calls a day, evenly over the day: whenever the quota is consulted, the calls they
 * have made since the day began are counted first, and those that find the quota spent are refused. So a test can
 * tell whether a client left the others their share: {@link DayUsage#othersRefused()} stays 0 when it did.
 */
public final class Quota {

    /**
     * One quota day.
     *
     * @param start         when the day began
     * @param ours          calls of the client under test that were served
     * @param oursRefused   calls of the client under test refused with 429
     * @param others        calls of the other integrations that were served
     * @param othersRefused calls of the other integrations refused because the quota was spent
     * @param limit         the day's limit (0 = unlimited)
     */
    public record DayUsage(Instant start, long ours, long oursRefused, long others, long othersRefused, int limit) {
        /** @return every call served that day */
        public long used() {
            return ours + others;
        }
    }

    private final SimClock clock;
    private int dailyLimit;
    private LocalTime resetAt;
    private int otherIntegrationsPerDay;
    private long currentDay = Long.MIN_VALUE;
    private long ours;
    private long oursRefused;
    private long others;
    private long othersRefused;
    private final List<DayUsage> history = new ArrayList<>();

    Quota(SimClock clock, int dailyLimit, LocalTime resetAt, int otherIntegrationsPerDay) {
        this.clock = clock;
        this.dailyLimit = dailyLimit;
        this.resetAt = resetAt;
        this.otherIntegrationsPerDay = otherIntegrationsPerDay;
    }

    /** Counts one call of the client under test; false (and not counted) when today's quota is spent. */
    synchronized boolean tryConsume() {
        catchUp();
        if (spent()) {
            oursRefused++;
            return false;
        }
        ours++;
        return true;
    }

    /** Seconds until the next quota day starts. */
    public synchronized long secondsUntilReset() {
        Instant now = clock.now();
        return Math.max(1, Duration.between(now, dayStart(dayOf(now) + 1)).toSeconds());
    }

    public synchronized void setDailyLimit(int dailyLimit) {
        catchUp();
        this.dailyLimit = dailyLimit;
    }

    public synchronized void setResetAt(LocalTime resetAt) {
        this.resetAt = resetAt;
        this.currentDay = Long.MIN_VALUE;
    }

    /** @param callsPerDay what the customer's other integrations spend a day, evenly over the day (0 = none) */
    public synchronized void setOtherIntegrationsPerDay(int callsPerDay) {
        catchUp();
        this.otherIntegrationsPerDay = callsPerDay;
    }

    public synchronized int dailyLimit() {
        return dailyLimit;
    }

    public synchronized LocalTime resetAt() {
        return resetAt;
    }

    public synchronized int otherIntegrationsPerDay() {
        return otherIntegrationsPerDay;
    }

    /** Calls served in the current quota day, by every integration. */
    public synchronized long used() {
        catchUp();
        return ours + others;
    }

    /** @return the current quota day so far */
    public synchronized DayUsage today() {
        catchUp();
        return new DayUsage(dayStart(currentDay), ours, oursRefused, others, othersRefused, dailyLimit);
    }

    /** @return the finished quota days, oldest first, then the current one so far */
    public synchronized List<DayUsage> history() {
        DayUsage today = today(); // closes the days that ended first
        List<DayUsage> out = new ArrayList<>(history);
        out.add(today);
        return out;
    }

    private boolean spent() {
        return dailyLimit > 0 && ours + others >= dailyLimit;
    }

    /** Moves to the current day (closing the days before it) and counts the other integrations' calls until now. */
    private void catchUp() {
        Instant now = clock.now();
        long day = dayOf(now);
        if (currentDay == Long.MIN_VALUE) {
            currentDay = day;
        }
        while (currentDay < day) {
            othersUntil(dayStart(currentDay + 1));
            history.add(new DayUsage(dayStart(currentDay), ours, oursRefused, others, othersRefused, dailyLimit));
            currentDay = day - currentDay > 366 ? day : currentDay + 1;
            ours = 0;
            oursRefused = 0;
            others = 0;
            othersRefused = 0;
        }
        othersUntil(now);
    }

    /** The other integrations' calls of the current day made before {@code t}: served while the quota lasts. */
    private void othersUntil(Instant t) {
        double elapsed = Duration.between(dayStart(currentDay), t).toMillis() / (double) Duration.ofDays(1).toMillis();
        long due = (long) Math.floor(otherIntegrationsPerDay * Math.min(1, Math.max(0, elapsed)));
        while (others + othersRefused < due) {
            if (spent()) {
                othersRefused++;
            } else {
                others++;
            }
        }
    }

    private Instant dayStart(long day) {
        return Instant.ofEpochSecond(day * 86_400 + resetAt.toSecondOfDay());
    }

    private long dayOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond() - resetAt.toSecondOfDay(), 86_400);
    }

    /** Reset time as shown in diagnostics. */
    @Override
    public synchronized String toString() {
        return "Quota[" + (ours + others) + "/" + dailyLimit + ", others " + otherIntegrationsPerDay + "/day, resets "
                + resetAt + " " + ZoneOffset.UTC + "]";
    }
}
