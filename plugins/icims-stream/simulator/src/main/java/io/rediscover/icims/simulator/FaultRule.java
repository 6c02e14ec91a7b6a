package io.rediscover.icims.simulator;

/**
 * When to inject a fault: on which endpoint ({@code null} = every endpoint) and on which calls.
 * Call numbers count matching calls from the moment the rule is armed, starting at 1.
 */
public record FaultRule(Endpoint endpoint, Trigger trigger, Fault fault) {
    /** Which of the matching calls get the fault. */
    public sealed interface Trigger {
        /** Only the {@code n}-th matching call (1 = the next one). */
        record OnCall(long n) implements Trigger {
        }

        /** The next {@code count} matching calls. */
        record NextCalls(long count) implements Trigger {
        }

        /** Calls {@code from}..{@code to} (inclusive) among the matching calls. */
        record CallRange(long from, long to) implements Trigger {
        }

        /** Each matching call with probability {@code p} (from the plan's seeded random), at most {@code maxTimes} (0 = unlimited). */
        record Probability(double p, long maxTimes) implements Trigger {
        }

        /** Every matching call until the rule is cleared. */
        record Always() implements Trigger {
        }
    }

    public static FaultRule onCall(Endpoint endpoint, long n, Fault fault) {
        return new FaultRule(endpoint, new Trigger.OnCall(n), fault);
    }

    public static FaultRule nextCalls(Endpoint endpoint, long count, Fault fault) {
        return new FaultRule(endpoint, new Trigger.NextCalls(count), fault);
    }

    public static FaultRule withProbability(Endpoint endpoint, double p, Fault fault) {
        return new FaultRule(endpoint, new Trigger.Probability(p, 0), fault);
    }

    public static FaultRule always(Endpoint endpoint, Fault fault) {
        return new FaultRule(endpoint, new Trigger.Always(), fault);
    }
}
