package io.rediscover.icims.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The armed faults. Every counted request asks {@link #next} once; rules are checked in arming order and
 * the first that fires wins. Probabilistic rules draw from one seeded random, so a single-threaded client
 * sees the same faults on every run.
 */
public final class FaultPlan {
    /** An armed rule and its progress. */
    public static final class Armed {
        private final long id;
        private final FaultRule rule;
        private long matchingCalls;
        private long fired;

        private Armed(long id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
        }

        public long id() {
            return id;
        }

        public FaultRule rule() {
            return rule;
        }

        /** How often it has injected its fault so far. */
        public synchronized long fired() {
            return fired;
        }
    }

    private final List<Armed> rules = new ArrayList<>();
    private final Random random;
    private long nextId = 1;

    FaultPlan(long seed) {
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    /** Arms a rule; returns its handle (for {@link #disarm} and {@link Armed#fired}). */
    public synchronized Armed arm(FaultRule rule) {
        Armed armed = new Armed(nextId++, rule);
        rules.add(armed);
        return armed;
    }

    public synchronized void disarm(long id) {
        rules.removeIf(a -> a.id == id);
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized List<Armed> armed() {
        return List.copyOf(rules);
    }

    /** The fault for this call of {@code endpoint}, if any rule fires. */
    synchronized Optional<Fault> next(Endpoint endpoint) {
        Fault chosen = null;
        for (Armed a : rules) {
            if (a.rule.endpoint() != null && a.rule.endpoint() != endpoint) {
                continue;
            }
            synchronized (a) {
                a.matchingCalls++;
                if (chosen == null && fires(a)) {
                    a.fired++;
                    chosen = a.rule.fault();
                }
            }
        }
        return Optional.ofNullable(chosen);
    }

    private boolean fires(Armed a) {
        long n = a.matchingCalls;
        FaultRule.Trigger trigger = a.rule.trigger();
        if (trigger instanceof FaultRule.Trigger.OnCall on) {
            return n == on.n();
        } else if (trigger instanceof FaultRule.Trigger.NextCalls next) {
            return n <= next.count();
        } else if (trigger instanceof FaultRule.Trigger.CallRange range) {
            return n >= range.from() && n <= range.to();
        } else if (trigger instanceof FaultRule.Trigger.Probability p) {
            return (p.maxTimes() == 0 || a.fired < p.maxTimes()) && random.nextDouble() < p.p();
        }
        return true; // Always
    }
}
