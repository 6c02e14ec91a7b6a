package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.RequestBudget;

import java.time.Duration;
import java.time.Instant;

/**
 * How a run spends the connection's daily request budget ({@link ConnectorContext#budget()}). Reads go in batches, each
 * committed with a checkpoint; a batch is sized to what the budget still covers, so the day ends between batches, with
 * nothing read in vain, rather than in the middle of one (the host would refuse the rest of it, and the batch would be
 * read again). While the budget covers a full batch at its worst (every record costing the most any has cost so far),
 * batches are full; below that they shrink to what is sure to fit. When not even one record is sure to fit, the run
 * stops with {@link ConnectorException#quotaExhausted} after its last checkpoint: the host resumes it after the reset,
 * and what is left of the day (less than one record's worst) is not spent.
 */
final class BudgetPlan {

    /** Records per batch at most: a checkpoint every so often, whatever the budget. */
    static final int BATCH = 100;

    private final RequestBudget budget;
    private final ConnectorContext context;

    BudgetPlan(ConnectorContext context) {
        this.context = context;
        this.budget = context.budget();
    }

    /**
     * @param max   records waiting
     * @param worst the most requests one of them may cost (with everything it brings along)
     * @return how many of them to read in the next batch; 0 when not one is sure to fit in what is left today
     */
    int batch(int max, double worst) {
        int most = Math.min(max, BATCH);
        if (!budget.limited()) {
            return most;
        }
        return (int) Math.min(most, (long) Math.floor(budget.remaining() / worst));
    }

    /** @return whether what is still to do ({@code requestsNeeded}) cannot be done with what is left today */
    boolean tight(double requestsNeeded) {
        return budget.limited() && budget.remaining() < requestsNeeded;
    }

    /** @return whether today's budget leaves at least {@code requests} */
    boolean affords(long requests) {
        return !budget.limited() || budget.remaining() >= requests;
    }

    /** @return the requests left today ({@link Long#MAX_VALUE} without a budget) */
    long remaining() {
        return budget.remaining();
    }

    /** @return the requests a day, or {@link Long#MAX_VALUE} without a budget */
    long limit() {
        return budget.limit();
    }

    /**
     * @param what what stops, for the message
     * @return the signal that ends today's run: the budget is spent (as far as this run can use it) until the reset
     */
    ConnectorException spent(String what) {
        Instant now = context.clock().instant();
        Instant reset = budget.resetsAt().orElse(now);
        return ConnectorException.quotaExhausted("today's request budget is spent (" + budget.used() + " of "
                + budget.limit() + "); " + what + " goes on after the reset", reset, Duration.between(now, reset));
    }
}
