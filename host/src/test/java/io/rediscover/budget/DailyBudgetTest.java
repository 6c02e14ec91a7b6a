package io.rediscover.budget;

import io.rediscover.pluginapi.RequestQuota;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Budget days in the customer's time zone, the default share of the ATS's quota, and how long work takes. */
class DailyBudgetTest {

    @Test
    void aBudgetDayBeginsAtItsHourInItsTimeZoneAcrossDaylightSavingChanges() {
        DailyBudget berlin = new DailyBudget(5_000, 6, "Europe/Berlin");
        // 04:30 UTC on 2 March is 05:30 in Berlin (UTC+1): the day began at 06:00 Berlin the day before.
        assertThat(berlin.dayStart(Instant.parse("2026-03-02T04:30:00Z"))).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(berlin.nextReset(Instant.parse("2026-03-02T04:30:00Z"))).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
        // Summer time began on 29 March: 06:00 Berlin is 04:00 UTC from then on, and that day was 23 hours long.
        assertThat(berlin.nextReset(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
        assertThat(new DailyBudget(10, 0, null).timeZone()).as("missing: UTC").isEqualTo("UTC");
        assertThat(new DailyBudget(10, 0, "UTC").dayStart(Instant.parse("2026-03-02T00:00:00Z")))
                .as("the reset instant begins the new day").isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void aConnectionGetsHalfTheAtsQuotaByDefaultAndNoneWhenTheAtsDeclaresNone() {
        assertThat(DailyBudget.defaultFor(Optional.of(RequestQuota.daily(10_000))))
                .contains(new DailyBudget(5_000, 0, "UTC"));
        assertThat(DailyBudget.defaultFor(Optional.empty())).isEmpty();
    }

    @Test
    void aForecastCountsTodaysRemainderThenWholeDays() {
        DailyBudget budget = new DailyBudget(1_000, 0, "UTC");
        Instant reset = Instant.parse("2026-03-03T00:00:00Z");
        BudgetDay today = new BudgetDay(budget, 400, false, Instant.parse("2026-03-02T00:00:00Z"), reset);
        assertThat(today.forecast(600)).isEqualTo(new BudgetDay.Forecast(1, reset));
        assertThat(today.forecast(601)).isEqualTo(new BudgetDay.Forecast(2, Instant.parse("2026-03-04T00:00:00Z")));
        assertThat(today.forecast(2_600)).isEqualTo(new BudgetDay.Forecast(3, Instant.parse("2026-03-05T00:00:00Z")));
        BudgetDay ended = new BudgetDay(budget, 400, true, Instant.parse("2026-03-02T00:00:00Z"), reset);
        assertThat(ended.spent()).isTrue();
        assertThat(ended.forecast(1_000)).as("nothing more today: one whole day")
                .isEqualTo(new BudgetDay.Forecast(1, Instant.parse("2026-03-04T00:00:00Z")));
    }
}
