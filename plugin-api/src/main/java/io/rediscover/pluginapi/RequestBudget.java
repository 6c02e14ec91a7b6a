package io.rediscover.pluginapi;

import java.time.Instant;
import java.util.Optional;

/**
 * What a call may spend today of its connection's daily request budget ({@link ConnectorContext#budget()}). The host
 * counts the requests that count ({@link RequestQuota}) as they leave through {@link ConnectorContext#http()} and
 * refuses them with {@link BudgetExhaustedException} once the budget is spent. Read it to plan: size the next batch of
 * reads so it fits, spend the budget on what matters most first, and stop cleanly (checkpoint, then
 * {@link ConnectorException#quotaExhausted}) rather than run into the refusal part-way through a batch.
 *
 * <p>The numbers move while a call runs, and other calls of the same connection (a check) spend from the same budget.
 */
public interface RequestBudget {

    /** @return the requests a day this connection may use; {@link Long#MAX_VALUE} when unlimited */
    long limit();

    /** @return the counted requests used since the current budget day began */
    long used();

    /** @return the requests left today; never negative */
    default long remaining() {
        return Math.max(0, limit() - used());
    }

    /** @return whether the connection has a budget at all */
    default boolean limited() {
        return limit() != Long.MAX_VALUE;
    }

    /** @return when the next budget day begins; empty when unlimited */
    Optional<Instant> resetsAt();

    /** @return a budget without limit, for contexts that do not meter requests */
    static RequestBudget unlimited() {
        return new RequestBudget() {
            @Override
            public long limit() {
                return Long.MAX_VALUE;
            }

            @Override
            public long used() {
                return 0;
            }

            @Override
            public Optional<Instant> resetsAt() {
                return Optional.empty();
            }
        };
    }
}
