package io.rediscover.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.Host;
import io.rediscover.budget.BudgetLedger;
import io.rediscover.budget.DailyBudget;
import io.rediscover.icims.simulator.Endpoint;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.Quota;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.integrations.Connection;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.tenancy.Role;
import io.rediscover.tenancy.UserStore;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.MovableClock;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import io.rediscover.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily request budget in a running host, on a simulated clock that drives both the host and the simulated
 * iCIMS: a first download that takes several days stops cleanly at the budget every day, is resumed by the scheduler
 * after each reset, shows its use and how many days are left, keeps its count over a restart, and never pushes the
 * customer's shared quota over, so their other integrations are never refused.
 */
class BudgetSyncTest {

    private static final Instant START = Instant.parse("2026-03-02T00:05:00Z");
    private static final String PASSWORD = "budget-admin-password";

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(START);
    private IcimsSimulator sim;
    private Host host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        sim.close();
    }

    private Host startHost() throws Exception {
        Path plugins = dir.resolve("plugins");
        if (!Files.exists(plugins)) {
            Files.createDirectories(plugins);
            Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        }
        return Host.start(TestHosts.config(dir.resolve("data"), plugins, Map.of(
                "connectors.icims-stream.apiBaseUrl", sim.baseUrl(), "connectors.icims-stream.tokenUrl", sim.tokenUrl(),
                "connectors.icims-stream.streamBaseUrl", sim.baseUrl(), "connectors.icims-stream.retryBaseMillis", "5")),
                clock);
    }

    /** Moves both clocks, the host's and the simulated iCIMS's. */
    private void advance(Duration by) {
        clock.advance(by);
        sim.clock().set(clock.instant());
    }

    private List<SyncRun> runs(ConnectionRef ref) {
        return host.injector().getInstance(RunHistory.class).latest(ref, 100);
    }

    /** Waits for the scheduler to finish one more run than {@code before}, and returns it. */
    private SyncRun nextRunEnds(ConnectionRef ref, int before) throws InterruptedException {
        ApiFixture.await("run " + (before + 1), () -> runs(ref).size() > before
                && runs(ref).get(0).result() != SyncRun.Result.RUNNING);
        return runs(ref).get(0);
    }

    private Http orgAdmin(String org) {
        host.injector().getInstance(UserStore.class).create("admin@" + org + ".test", "Admin", Role.ORG_ADMIN, org,
                PASSWORD, false);
        return new Http(host.port()).signIn("admin@" + org + ".test", PASSWORD);
    }

    @Test
    void aFirstDownloadOfSeveralDaysKeepsToTheBudgetAndLeavesTheOtherIntegrationsTheirShare() throws Exception {
        // The customer's quota is 1,000 a day; their other integrations use 500 of it; Rediscover's budget is 500.
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(300).seed(17).clockStart(START).tickingClock(false)
                .noise(false).dailyQuota(1_000).otherIntegrationsPerDay(500).build());
        host = startHost();
        Connection c = TestTenants.connected(host, "acme", Map.of("clientId", sim.clientId(), "clientSecret",
                sim.clientSecret(), "streamId", sim.streamId()), new DailyBudget(500, 0, "UTC"));
        ConnectionRef ref = new ConnectionRef(c.org(), c.id());
        Http admin = orgAdmin("acme");

        SyncRun first = nextRunEnds(ref, 0);
        assertThat(first.result()).as("%s", first.error()).isEqualTo(SyncRun.Result.BUDGET_SPENT);
        assertThat(first.progress().lastCheckpointAt()).isNotNull();
        JsonNode status = admin.get("/api/connections/" + c.id() + "/sync").json();
        JsonNode budget = status.get("budget");
        assertThat(budget.get("requestsPerDay").asLong()).isEqualTo(500);
        assertThat(budget.get("usedToday").asLong()).isBetween(450L, 500L);
        assertThat(budget.get("spent").asBoolean()).as("the day is over: too little was left to go on").isTrue();
        assertThat(budget.get("remainingToday").asLong()).isZero();
        assertThat(budget.get("resetsAt").asText()).isEqualTo("2026-03-03T00:00:00Z");
        assertThat(budget.get("counts").asText()).contains("Token requests");
        JsonNode forecast = budget.get("firstDownload");
        assertThat(forecast.get("requestsLeft").asLong()).isPositive();
        assertThat(forecast.get("days").asLong()).as("300 people at about 3 requests each, 500 a day").isBetween(1L, 4L);
        assertThat(Instant.parse(forecast.get("finishesBy").asText())).isAfter(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(status.get("nextRunAt").asText()).as("after the reset").isEqualTo("2026-03-03T00:00:00Z");
        Http.Reply now = admin.post("/api/connections/" + c.id() + "/sync", "");
        assertThat(now.status()).isEqualTo(409);
        assertThat(now.json().at("/error/message").asText()).contains("budget").contains("2026-03-03T00:00:00Z");

        // A restart forgets nothing: the count comes back from the store, exact.
        long used = budget.get("usedToday").asLong();
        host.close();
        host = startHost();
        assertThat(host.injector().getInstance(BudgetLedger.class).today(ref, new DailyBudget(500, 0, "UTC")).used())
                .isEqualTo(used);

        // Day after day, the scheduler resumes the download after each reset, until it is done.
        int day = 1;
        while (runs(ref).get(0).result() != SyncRun.Result.SUCCEEDED) {
            assertThat(day).as("the download ends").isLessThan(8);
            advance(Duration.ofDays(1));
            SyncRun run = nextRunEnds(ref, runs(ref).size());
            assertThat(run.result()).as("day %s: %s", day, run.error()).isIn(SyncRun.Result.BUDGET_SPENT, SyncRun.Result.SUCCEEDED);
            assertThat(run.mode()).isEqualTo(SyncRun.Mode.FULL);
            day++;
        }
        assertThat(day).as("several days").isGreaterThan(2);
        MirrorStore mirror = host.injector().getInstance(MirrorStore.class);
        assertThat(mirror.counts(ref).live().get(RecordKind.CANDIDATE)).isEqualTo(sim.tenant().size(ProfileType.PERSON));
        assertThat(mirror.counts(ref).live().get(RecordKind.APPLICATION)).isEqualTo(sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        assertThat(sim.counters().count(Endpoint.GET)).as("what the host holds is never read again, day after day %s", sim.counters().snapshot())
                .isEqualTo(sim.tenant().size(ProfileType.PERSON) + sim.tenant().size(ProfileType.JOB)
                        + sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));

        // Never over: each day, Rediscover kept to its 500, and the other integrations were never refused.
        advance(Duration.ofDays(1)); // closes the last day in the simulator's books
        for (Quota.DayUsage d : sim.quota().history()) {
            assertThat(d.ours()).as("%s", d).isLessThanOrEqualTo(500);
            assertThat(d.oursRefused()).as("%s", d).isZero();
            assertThat(d.othersRefused()).as("%s", d).isZero();
            assertThat(d.used()).isLessThanOrEqualTo(1_000);
        }
    }

    @Test
    void aQuotaThatIcimsSaysIsSpentEndsTheDayForTheConnection() throws Exception {
        // iCIMS's quota ends before the budget does: iCIMS answers 429 until its reset.
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(200).seed(3).clockStart(START).tickingClock(false)
                .noise(false).dailyQuota(150).build());
        host = startHost();
        Connection c = TestTenants.connected(host, "acme", Map.of("clientId", sim.clientId(), "clientSecret",
                sim.clientSecret(), "streamId", sim.streamId()), new DailyBudget(5_000, 0, "UTC"));
        ConnectionRef ref = new ConnectionRef(c.org(), c.id());
        SyncRun first = nextRunEnds(ref, 0);
        assertThat(first.result()).as("%s", first.error()).isEqualTo(SyncRun.Result.BUDGET_SPENT);
        assertThat(first.error().message()).contains("429");
        DailyBudget budget = new DailyBudget(5_000, 0, "UTC");
        assertThat(host.injector().getInstance(BudgetLedger.class).today(ref, budget).spent())
                .as("the connection's day is over too").isTrue();
        // the run is recorded as ended a moment before the scheduler sets its next one (as SyncSchedulerTest waits too)
        ApiFixture.await("the next run at the budget's reset", () -> host.injector().getInstance(SyncScheduler.class)
                .nextRun(ref).equals(Optional.of(Instant.parse("2026-03-03T00:00:00Z"))));
        assertThat(sim.quota().today().oursRefused()).as("the first refusals (of the reads in flight) ended the day")
                .isBetween(1L, 4L);

        sim.quota().setDailyLimit(0);
        advance(Duration.ofDays(1));
        assertThat(nextRunEnds(ref, 1).result()).isEqualTo(SyncRun.Result.SUCCEEDED);
        assertThat(host.injector().getInstance(MirrorStore.class).counts(ref).live().get(RecordKind.CANDIDATE))
                .isEqualTo(sim.tenant().size(ProfileType.PERSON));
    }
}
