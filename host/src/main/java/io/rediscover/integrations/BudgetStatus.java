package io.rediscover.integrations;

import io.rediscover.budget.BudgetDay;
import io.rediscover.sync.SyncRun;

import java.time.Instant;

/**
 * A connection's daily request budget as its sync status shows it: today's use, when the day resets, and while the
 * first download runs, how many days it will still take at this budget.
 *
 * @param requestsPerDay the budget
 * @param usedToday      requests counted since the budget day began
 * @param remainingToday requests left today
 * @param spent          whether nothing is left today (syncs go on after the reset)
 * @param resetHour      the hour a budget day begins
 * @param timeZone       its time zone
 * @param dayStartedAt   when the current budget day began
 * @param resetsAt       when the next one begins
 * @param counts         which requests count, as the connector says
 * @param firstDownload  while the first download runs and its connector says what it still needs: how long it takes;
 *                       else null
 */
public record BudgetStatus(long requestsPerDay, long usedToday, long remainingToday, boolean spent, int resetHour,
                           String timeZone, Instant dayStartedAt, Instant resetsAt, String counts,
                           FirstDownload firstDownload) {

    /**
     * @param requestsLeft requests the download still needs, as the connector estimates them
     * @param days         budget days that takes, today included when it has budget left
     * @param finishesBy   the end of the last of those days
     */
    public record FirstDownload(long requestsLeft, long days, Instant finishesBy) {
    }

    /**
     * @param day      today's use of the budget
     * @param counts   which requests count
     * @param download the first download's newest run, or null when it is done
     * @return the status
     */
    static BudgetStatus of(BudgetDay day, String counts, SyncRun download) {
        Long left = download == null || download.progress() == null ? null : download.progress().requestsLeft();
        FirstDownload forecast = null;
        if (left != null) {
            BudgetDay.Forecast f = day.forecast(left);
            forecast = new FirstDownload(left, f.days(), f.finishesBy());
        }
        return new BudgetStatus(day.budget().requestsPerDay(), day.used(), day.remaining(), day.spent(),
                day.budget().resetHour(), day.budget().timeZone(), day.dayStart(), day.resetsAt(), counts, forecast);
    }
}
