package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** B8: the daily quota is shared with the customer's other integrations, and refusals of theirs are counted. */
class SharedQuotaTest {

    private static final Instant MIDNIGHT = Instant.parse("2025-06-02T00:00:00Z");
    private IcimsSimulator sim;
    private SimHttp http;
    private String customer;

    @BeforeEach
    void start() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(5).seed(1).noise(false).tickingClock(false)
                .clockStart(MIDNIGHT).dailyQuota(100).otherIntegrationsPerDay(48).build());
        http = new SimHttp(sim);
        customer = "/customers/" + sim.customerId();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int calls(int n) {
        int ok = 0;
        for (int i = 0; i < n; i++) {
            ok += http.get(customer).statusCode() == 200 ? 1 : 0;
        }
        return ok;
    }

    @Test
    void theOtherIntegrationsSpendEvenlyOverTheDayAndAClientThatLeavesThemTheirShareRefusesNoneOfThem() {
        sim.clock().advance(Duration.ofHours(6));
        assertThat(sim.quota().today().others()).as("a quarter of 48 by 06:00").isEqualTo(12);
        assertThat(calls(52)).isEqualTo(52);
        sim.clock().advance(Duration.ofHours(18));
        Quota.DayUsage day = sim.quota().history().get(0);
        assertThat(sim.quota().history()).hasSize(2);
        assertThat(day.ours()).isEqualTo(52);
        assertThat(day.others()).isEqualTo(48);
        assertThat(day.othersRefused()).as("52 + 48 fit in 100").isZero();
        assertThat(day.used()).isEqualTo(100);
        assertThat(sim.quota().today().used()).as("a new day").isZero();
    }

    @Test
    void aClientThatTakesMoreThanItsShareStarvesTheOthersLaterThatDayAndTheSimulatorSaysSo() {
        sim.clock().advance(Duration.ofHours(12));
        assertThat(calls(80)).as("24 of the others' 48 so far, then the quota ends").isEqualTo(76);
        sim.clock().advance(Duration.ofHours(12));
        Quota.DayUsage day = sim.quota().history().get(0);
        assertThat(day.ours()).isEqualTo(76);
        assertThat(day.oursRefused()).isEqualTo(4);
        assertThat(day.others()).isEqualTo(24);
        assertThat(day.othersRefused()).as("the afternoon's calls of the other integrations").isEqualTo(24);
    }

    @Test
    void theControlApiSetsTheLoadAndListsTheDays() {
        http.control("PUT", "/quota", "{\"otherIntegrationsPerDay\":24}");
        sim.clock().advance(Duration.ofHours(1));
        JsonNode quota = SimHttp.json(http.control("GET", "/quota", null));
        assertThat(quota.get("otherIntegrationsPerDay").asInt()).isEqualTo(24);
        assertThat(quota.get("used").asLong()).isEqualTo(1);
        assertThat(quota.get("days").get(0).get("others").asLong()).isEqualTo(1);
        assertThat(quota.get("days").get(0).get("othersRefused").asLong()).isZero();
    }
}
