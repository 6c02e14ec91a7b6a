package io.rediscover.sync;

import io.rediscover.Host;
import io.rediscover.budget.BudgetLedger;
import io.rediscover.budget.DailyBudget;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.Person;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.Quota;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.integrations.Connection;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.testing.MovableClock;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import io.rediscover.testing.TestTenants;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;

/**
 * Benchmark, not a test: the first download of a large iCIMS tenant within the daily budget, on a simulated clock that
 * drives both the host and the simulated iCIMS (in this JVM). The customer's quota is 10,000 requests a day, shared with
 * their other integrations; the connection's budget is the default 5,000 unless told otherwise. Every simulated day one
 * run goes as far as the budget allows; then both clocks move to the next reset. Prints the days to a full mirror,
 * requests per record, the share of the customer's quota used per day, and how many of the people updated in the 90
 * days before the download were searchable (mirrored with all their workflows) after day 1.
 *
 * <p>Run: {@code ./mvnw -q -pl host -am -Pbudget-benchmark verify -DskipTests [-Dbenchmark.people=150000
 * -Dbenchmark.budget=5000 -Dbenchmark.others=5000 -Dbenchmark.xmx=4g]}.
 */
public final class BudgetBenchmark {

    private static final Instant START = Instant.parse("2026-03-02T00:05:00Z");
    private static final int QUOTA = 10_000;

    private BudgetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(System.getProperty("benchmark.people", "150000"));
        long budget = Long.parseLong(System.getProperty("benchmark.budget", "5000"));
        int others = Integer.parseInt(System.getProperty("benchmark.others", Long.toString(QUOTA - budget)));
        Path dir = Files.createTempDirectory("budget-benchmark");
        long t0 = System.nanoTime();
        try (IcimsSimulator sim = IcimsSimulator.start(SimulatorConfig.builder().people(people).seed(1).noise(false)
                .clockStart(START).tickingClock(false).dailyQuota(QUOTA).otherIntegrationsPerDay(others).build())) {
            System.out.printf("tenant: %,d people, %,d workflows, %,d jobs (generated in %.0f s); quota %,d a day, other "
                            + "integrations %,d a day, Rediscover's budget %,d a day%n", sim.tenant().size(ProfileType.PERSON),
                    sim.tenant().size(ProfileType.APPLICANT_WORKFLOW), sim.tenant().size(ProfileType.JOB),
                    (System.nanoTime() - t0) / 1e9, QUOTA, others, budget);
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
            MovableClock clock = new MovableClock(START);
            try (Host host = Host.start(TestHosts.config(dir.resolve("data"), plugins, Map.of("sync.enabled", "false",
                    "log.level", "warn", "connectors.icims-stream.apiBaseUrl", sim.baseUrl(),
                    "connectors.icims-stream.tokenUrl", sim.tokenUrl(), "connectors.icims-stream.streamBaseUrl", sim.baseUrl())),
                    clock)) {
                DailyBudget daily = new DailyBudget(budget, 0, "UTC");
                Connection c = TestTenants.connected(host, "bench", Map.of("clientId", sim.clientId(), "clientSecret",
                        sim.clientSecret(), "streamId", sim.streamId()), daily);
                ConnectionRef ref = new ConnectionRef(c.org(), c.id());
                SyncConnection connection = host.injector().getInstance(SyncConnections.class).load(ref).orElseThrow();
                SyncRunner runner = host.injector().getInstance(SyncRunner.class);
                MirrorStore mirror = host.injector().getInstance(MirrorStore.class);
                BudgetLedger ledger = host.injector().getInstance(BudgetLedger.class);

                List<Long> usedPerDay = new ArrayList<>();
                int day = 0;
                SyncRun run;
                do {
                    day++;
                    long dayStart = System.nanoTime();
                    run = runner.run(connection, Cancellation.never());
                    long used = ledger.today(ref, daily).used();
                    usedPerDay.add(used);
                    if (day == 1) {
                        dayOne(sim, mirror, ref, used);
                    }
                    if (day == 1 || day % 10 == 0 || run.result() == SyncRun.Result.SUCCEEDED) {
                        System.out.printf("day %3d: %s, %,d requests, %,d people mirrored, phase '%s', %,d requests left "
                                        + "(%.0f s)%n", day, run.result(), used, mirror.counts(ref).live().get(RecordKind.CANDIDATE),
                                run.progress().phase(), run.progress().requestsLeft() == null ? -1 : run.progress().requestsLeft(),
                                (System.nanoTime() - dayStart) / 1e9);
                    }
                    if (run.result() != SyncRun.Result.SUCCEEDED && run.result() != SyncRun.Result.BUDGET_SPENT) {
                        System.out.printf("run ended %s: %s%n", run.result(), run.error());
                        return;
                    }
                    clock.advance(Duration.between(clock.instant(), daily.nextReset(clock.instant())).plusMinutes(5));
                    sim.clock().set(clock.instant());
                } while (run.result() != SyncRun.Result.SUCCEEDED);

                summary(sim, mirror, ref, day, usedPerDay);
                System.out.printf("wall time %.0f s%n", (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /**
     * How many of the people updated in the 90 days before the download are searchable after day 1, and whether day 1
     * spent itself on them: every person it mirrored should be one of them while they last (newest first), and all of
     * them should be searchable when they fit in the day's budget.
     */
    private static void dayOne(IcimsSimulator sim, MirrorStore mirror, ConnectionRef ref, long used) {
        Instant recent = START.minus(Duration.ofDays(90));
        long updated = 0;
        long searchable = 0;
        long mirroredRecent = 0;
        for (long id : sim.tenant().ids(ProfileType.PERSON)) {
            Person p = sim.tenant().person(id).orElseThrow();
            boolean mirrored = mirror.record(ref, RecordKind.CANDIDATE, Long.toString(id)).filter(r -> r.live()).isPresent();
            if (p.updateddate().isBefore(recent)) {
                continue;
            }
            updated++;
            mirroredRecent += mirrored ? 1 : 0;
            if (mirrored && mirror.applicationsOf(ref, Long.toString(id)).size() == sim.tenant().workflowsOf(id).size()) {
                searchable++;
            }
        }
        long mirroredPeople = mirror.counts(ref).live().get(RecordKind.CANDIDATE);
        double perPerson = used / (double) Math.max(1, mirroredPeople);
        System.out.printf("after day 1: %,d of the %,d people updated in the 90 days before the download are searchable "
                        + "(mirrored with all their workflows)%n", searchable, updated);
        System.out.printf("             day 1 mirrored %,d people, %,d of them from those 90 days (newest first); at %.2f "
                        + "requests a person all %,d need about %,.0f requests: %s%n", mirroredPeople, mirroredRecent, perPerson,
                updated, updated * perPerson, updated * perPerson <= used ? "they fit in a day, and all are searchable: "
                        + (searchable == updated ? "yes" : "NO") : "more than a day's budget, so day 1 spends all of it on them");
    }

    private static void summary(IcimsSimulator sim, MirrorStore mirror, ConnectionRef ref, int days, List<Long> usedPerDay) {
        long records = mirror.counts(ref).live().values().stream().mapToLong(Long::longValue).sum();
        long total = usedPerDay.stream().mapToLong(Long::longValue).sum();
        long people = mirror.counts(ref).live().get(RecordKind.CANDIDATE);
        System.out.printf("full mirror after %d days: %,d records (%,d people, %,d workflows, %,d jobs), %,d requests: "
                        + "%.2f a record, %.2f a person%n", days, records, people,
                mirror.counts(ref).live().get(RecordKind.APPLICATION), mirror.counts(ref).live().get(RecordKind.JOB), total,
                total / (double) records, total / (double) people);
        List<Quota.DayUsage> quotaDays = sim.quota().history();
        LongSummaryStatistics ours = quotaDays.stream().limit(days).mapToLong(Quota.DayUsage::ours).summaryStatistics();
        long othersRefused = quotaDays.stream().mapToLong(Quota.DayUsage::othersRefused).sum();
        long oursRefused = quotaDays.stream().mapToLong(Quota.DayUsage::oursRefused).sum();
        System.out.printf("share of the customer's %,d a day used by Rediscover: %.1f %% on average (%.1f %% to %.1f %%); "
                        + "the whole quota used %.1f %% on average; other integrations refused: %,d; Rediscover refused: %,d%n",
                QUOTA, ours.getAverage() * 100 / QUOTA, ours.getMin() * 100.0 / QUOTA, ours.getMax() * 100.0 / QUOTA,
                quotaDays.stream().limit(days).mapToLong(Quota.DayUsage::used).average().orElse(0) * 100 / QUOTA,
                othersRefused, oursRefused);
    }
}
