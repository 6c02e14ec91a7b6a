package io.rediscover.budget;

import com.google.inject.AbstractModule;

/** Request budgets: the ledger that counts each connection's requests per budget day. */
public final class BudgetModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(BudgetLedger.class);
    }
}
