package io.rediscover.budget;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.BudgetExhaustedException;
import io.rediscover.pluginapi.RequestBudget;
import io.rediscover.pluginapi.RequestQuota;
import io.rediscover.plugins.Metering;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import io.rediscover.store.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each connection's requests per budget day, in the store, so a restart forgets nothing. Every call of a
 * connection (a sync run, a check) spends from one account. Writing each request would be a commit per request, so the
 * account reserves a block ahead instead: the stored count runs up to a block ahead of the requests made (a crash then
 * counts a few requests too many, never too few), and is set to the exact count when a call ends.
 */
@Singleton
public final class BudgetLedger {

    /**
     * The stored count of one connection: its budget day, the requests counted in it (or reserved ahead), and whether
     * the day was ended before the budget was spent (a quota the ATS said is spent, or a run that could not fit more).
     */
    record Day(Instant start, long used, boolean ended) {
    }

    /** One connection's count in memory: {@code used} requests made, {@code stored} the count in the store. */
    private static final class Account {
        Instant start;
        long used;
        long stored;
        boolean ended;

        Account(Day day) {
            this.start = day.start();
            this.used = day.used();
            this.stored = day.used();
            this.ended = day.ended();
        }
    }

    private final Store store;
    private final StoreMap<Day> days;
    private final Clock clock;
    private final Map<ConnectionRef, Account> accounts = new ConcurrentHashMap<>();

    /**
     * @param store the system of record
     * @param clock the host's clock: budget days follow it
     */
    @Inject
    public BudgetLedger(Store store, Clock clock) {
        this.store = store;
        this.days = store.map("budget.days", Day.class);
        this.clock = clock;
    }

    private static String key(ConnectionRef ref) {
        return ref.org() + "/" + ref.connectionId();
    }

    /**
     * @param ref    the connection
     * @param budget its budget, or empty for none
     * @param quota  what counts against the ATS's quota (all requests when the connector declares none)
     * @param refuse whether a spent budget refuses requests (sync runs) or only counts them (a check, which answers an
     *               admin at a form and costs a handful of requests)
     * @return the metering of one call; close it when the call ends
     */
    public CallMeter meter(ConnectionRef ref, Optional<DailyBudget> budget, Optional<RequestQuota> quota, boolean refuse) {
        return new CallMeter(ref, budget.orElse(null), quota.orElse(null), refuse);
    }

    /**
     * @param ref    the connection
     * @param budget its budget
     * @return today's use of it
     */
    public BudgetDay today(ConnectionRef ref, DailyBudget budget) {
        Account a = account(ref);
        synchronized (a) {
            roll(a, budget);
            return new BudgetDay(budget, a.used, a.ended, a.start, budget.nextReset(clock.instant()));
        }
    }

    /**
     * Ends the connection's budget day now: its sync stopped for the day (the ATS said its quota is spent, or what is left
     * of the budget is too little to go on), so nothing more is asked of the ATS until the reset.
     *
     * @param ref    the connection
     * @param budget its budget
     */
    public void endDay(ConnectionRef ref, DailyBudget budget) {
        Account a = account(ref);
        synchronized (a) {
            roll(a, budget);
            a.ended = true;
            save(ref, a, Math.max(a.used, a.stored));
        }
    }

    /** @param ref a connection being removed: forget its count */
    public void forget(ConnectionRef ref) {
        accounts.remove(ref);
        store.write(b -> b.remove(days, key(ref)));
    }

    private Account account(ConnectionRef ref) {
        return accounts.computeIfAbsent(ref, r -> new Account(days.get(key(r)).orElse(new Day(Instant.EPOCH, 0, false))));
    }

    /** Begins a new budget day when the one counted has ended (a changed reset hour never restarts the current one). */
    private void roll(Account a, DailyBudget budget) {
        Instant start = budget.dayStart(clock.instant());
        if (start.isAfter(a.start)) {
            a.start = start;
            a.used = 0;
            a.ended = false;
            a.stored = -1; // the store still holds the day before
        }
    }

    private void save(ConnectionRef ref, Account a, long count) {
        Day day = new Day(a.start, count, a.ended);
        store.write(b -> b.put(days, key(ref), day));
        a.stored = count;
    }

    /**
     * The metering of one call: counts what counts, refuses it (when asked to) once the day's budget is spent, and sets
     * the stored count to the exact one when the call ends.
     */
    public final class CallMeter implements Metering, RequestBudget, AutoCloseable {

        private final ConnectionRef ref;
        private final DailyBudget budget;
        private final RequestQuota quota;
        private final boolean refuse;

        private CallMeter(ConnectionRef ref, DailyBudget budget, RequestQuota quota, boolean refuse) {
            this.ref = ref;
            this.budget = budget;
            this.quota = quota;
            this.refuse = refuse;
        }

        @Override
        public void admit(HttpRequest request) throws BudgetExhaustedException {
            if (budget == null || (quota != null && !quota.counts(request))) {
                return;
            }
            Account a = account(ref);
            synchronized (a) {
                roll(a, budget);
                if (refuse && (a.ended || a.used >= budget.requestsPerDay())) {
                    Instant now = clock.instant();
                    Instant reset = budget.nextReset(now);
                    throw new BudgetExhaustedException("the daily request budget of " + budget.requestsPerDay()
                            + " is spent (" + a.used + " used) until " + reset, reset, Duration.between(now, reset));
                }
                a.used++;
                if (a.used > a.stored) {
                    long block = Math.max(1, Math.min(50, budget.requestsPerDay() / 100));
                    save(ref, a, Math.min(Math.max(budget.requestsPerDay(), a.used), a.used + block - 1));
                }
            }
        }

        @Override
        public RequestBudget budget() {
            return this;
        }

        @Override
        public long limit() {
            return budget == null ? Long.MAX_VALUE : budget.requestsPerDay();
        }

        @Override
        public long used() {
            return budget == null ? 0 : today(ref, budget).used();
        }

        @Override
        public Optional<Instant> resetsAt() {
            return budget == null ? Optional.empty() : Optional.of(budget.nextReset(clock.instant()));
        }

        /** Stores the exact count of the day, for the status and the next restart. */
        @Override
        public void close() {
            if (budget == null) {
                return;
            }
            Account a = account(ref);
            synchronized (a) {
                if (a.stored != a.used) {
                    try {
                        save(ref, a, a.used);
                    } catch (StoreUnavailableException e) {
                        // The store failed under the run (a full disk) and said so once; the run ends with that fault.
                        // The reserved block is what a restart counts, so nothing is under-counted.
                    }
                }
            }
        }
    }
}
