package io.rediscover.budget;

import java.time.Instant;

/**
 * Today's use of a connection's budget.
 *
 * @param budget   the budget
 * @param used     requests counted since the day began
 * @param ended    whether the day was ended before the budget was used up (the ATS's quota was spent, or what was
 *                 left was too little for the sync to go on): nothing more is asked of the ATS until the reset
 * @param dayStart when the budget day began
 * @param resetsAt when the next one begins
 */
public record BudgetDay(DailyBudget budget, long used, boolean ended, Instant dayStart, Instant resetsAt) {

    /**
     * How long work of a known cost takes at this budget.
     *
     * @param days       budget days it takes, counting today when today has budget left
     * @param finishesBy the end of the last of those days
     */
    public record Forecast(long days, Instant finishesBy) {
    }

    /** @return the requests left today; never negative, none once the day was ended */
    public long remaining() {
        return ended ? 0 : Math.max(0, budget.requestsPerDay() - used);
    }

    /** @return whether nothing is left today */
    public boolean spent() {
        return remaining() == 0;
    }

    /**
     * @param requests what the work still needs
     * @return how many budget days that is, and by when it is done: today's remainder first, then whole days
     */
    public Forecast forecast(long requests) {
        long today = remaining();
        if (requests <= today) {
            return new Forecast(1, resetsAt);
        }
        long more = Math.floorDiv(requests - today + budget.requestsPerDay() - 1, budget.requestsPerDay());
        return new Forecast((today > 0 ? 1 : 0) + more, budget.daysAfter(resetsAt, more));
    }
}
