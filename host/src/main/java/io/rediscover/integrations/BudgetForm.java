package io.rediscover.integrations;

import io.rediscover.budget.DailyBudget;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.RequestQuota;
import io.rediscover.web.InvalidField;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The daily request budget part of the connection form, for every connector alike: what the form says about it (from
 * the connector's declared quota), and the checks of what an org admin submits. Errors name the field
 * ({@code budget.requestsPerDay}, {@code budget.resetHour}, {@code budget.timeZone}).
 */
final class BudgetForm {

    private BudgetForm() {
    }

    /**
     * What the connection form shows for the budget.
     *
     * @param label                 the field's label
     * @param help                  what it means, with the ATS's default quota and that it is shared
     * @param counts                which requests count, as the connector says
     * @param defaultRequestsPerDay what a new connection gets, or null for no budget
     * @param maxRequestsPerDay     the most the form accepts
     * @param atsDailyLimit         the ATS's default daily quota, or null when it declares none
     * @param defaultResetHour      the hour a budget day begins unless set
     * @param defaultTimeZone       the time zone of that hour unless set
     * @param timeZoneHelp          what to enter as time zone
     */
    public record View(String label, String help, String counts, Long defaultRequestsPerDay, long maxRequestsPerDay,
                       Long atsDailyLimit, int defaultResetHour, String defaultTimeZone, String timeZoneHelp) {
    }

    /**
     * What an org admin submits; every part may be left out.
     *
     * @param requestsPerDay requests a day Rediscover may use
     * @param resetHour      the hour (0–23) the ATS's day begins
     * @param timeZone       the IANA time zone of that hour; empty: UTC
     */
    public record Request(Long requestsPerDay, Integer resetHour, String timeZone) {
        /** Checks the shape; {@link #budget} the rest. */
        public Request {
            InvalidField.printable("timeZone", InvalidField.maxLength("timeZone", timeZone, 64));
        }
    }

    static View view(ConnectorDescriptor d) {
        Optional<RequestQuota> quota = d.requestQuota();
        String help = quota.map(q -> "Your " + d.displayName() + " licence allows " + String.format("%,d", q.dailyLimit())
                + " requests a day by default, shared with every other integration you run (payroll, background checks, "
                + "job boards). Leave them enough: Rediscover stops for the day at this number and goes on after the "
                + "reset, so a large first download takes several days, newest candidates first.")
                .orElse(d.displayName() + " declares no daily request limit. Set a budget to cap what Rediscover asks of it "
                        + "a day; leave it empty for no limit.");
        return new View("Requests per day Rediscover may use", help, quota.map(RequestQuota::description).orElse(""),
                DailyBudget.defaultFor(quota).map(DailyBudget::requestsPerDay).orElse(null), DailyBudget.MAX_REQUESTS_PER_DAY,
                quota.map(RequestQuota::dailyLimit).orElse(null), 0, DailyBudget.DEFAULT_TIME_ZONE,
                "The time zone of the reset hour, as " + d.displayName() + " counts its days (an IANA name such as "
                        + "America/New_York). Left empty: UTC.");
    }

    /**
     * @param d       the connector's descriptor
     * @param in      what was submitted, or null
     * @param current the connection's budget until now (empty on create: the connector's default applies)
     * @return the budget to store; empty for none
     * @throws InvalidField naming the first bad part
     */
    static Optional<DailyBudget> budget(ConnectorDescriptor d, Request in, Optional<DailyBudget> current) {
        Optional<DailyBudget> base = current.isPresent() ? current : DailyBudget.defaultFor(d.requestQuota());
        if (in == null) {
            return base;
        }
        Long requests = in.requestsPerDay() != null ? in.requestsPerDay() : base.map(DailyBudget::requestsPerDay).orElse(null);
        if (requests == null) {
            return Optional.empty(); // a connector without a quota, and no budget asked for
        }
        if (requests < 1 || requests > DailyBudget.MAX_REQUESTS_PER_DAY) {
            throw new InvalidField("budget.requestsPerDay", "the daily request budget must be between 1 and "
                    + String.format("%,d", DailyBudget.MAX_REQUESTS_PER_DAY) + ", got " + requests);
        }
        int hour = in.resetHour() != null ? in.resetHour() : base.map(DailyBudget::resetHour).orElse(0);
        if (hour < 0 || hour > 23) {
            throw new InvalidField("budget.resetHour", "the reset hour must be between 0 and 23, got " + hour);
        }
        String zone = in.timeZone() == null || in.timeZone().isBlank() ? DailyBudget.DEFAULT_TIME_ZONE : in.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidField("budget.timeZone", "'" + zone + "' is not a time zone; use an IANA name such as "
                    + "Europe/Berlin, or leave it empty for UTC");
        }
        return Optional.of(new DailyBudget(requests, hour, zone));
    }
}
