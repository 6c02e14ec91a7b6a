package io.rediscover.icims;

import io.rediscover.icims.simulator.Endpoint;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.testkit.RecordingSink;
import io.rediscover.pluginapi.testkit.TestConnectorContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: a full sync of N people from the local simulator, then an incremental run after 1 % of them
 * changed. Prints records/s and requests against the minimum (1 search per 1,000 ids + 1 GET per record + 1 per
 * resume). Run: {@code ./mvnw -q -pl plugins/icims-stream/connector -am -Picims-benchmark verify} (-Dbenchmark.people=N).
 */
public final class IcimsBenchmark {

    private IcimsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(System.getProperty("benchmark.people", "20000"));
        Instant start = Instant.parse("2026-06-01T09:00:00Z");
        try (IcimsSimulator sim = IcimsSimulator.start(SimulatorConfig.builder().people(people).seed(1).clockStart(start)
                .tickingClock(false).noise(false).dailyQuota(0).build());
             TestConnectorContext context = new TestConnectorContext(Map.of("apiBaseUrl", sim.baseUrl(),
                     "tokenUrl", sim.tokenUrl(), "streamBaseUrl", sim.baseUrl(), "audience", sim.audience()))) {
            context.clock(Clock.fixed(start, ZoneOffset.UTC));
            IcimsStreamConnector connector = new IcimsStreamConnector();
            Credentials credentials = Credentials.of(connector.descriptor(), Map.of("clientId", sim.clientId(),
                    "clientSecret", sim.clientSecret(), "streamId", sim.streamId()));
            RecordingSink sink = new RecordingSink();

            long t0 = System.nanoTime();
            try (SyncSource source = connector.openSync(credentials, context)) {
                source.read(sink.lastState(), sink);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long persons = sim.tenant().size(ProfileType.PERSON);
            long jobs = sim.tenant().size(ProfileType.JOB);
            long workflows = sim.tenant().size(ProfileType.APPLICANT_WORKFLOW);
            long records = persons + jobs + workflows;
            long resumes = sink.live(RecordKind.CANDIDATE).values().stream()
                    .filter(c -> ((io.rediscover.pluginapi.record.AtsCandidate) c).resume() != null).count();
            long minimum = ceil(persons) + ceil(jobs) + ceil(workflows) + records + persons;
            long made = sim.counters().count(Endpoint.SEARCH) + sim.counters().count(Endpoint.GET)
                    + sim.counters().count(Endpoint.RESUME);
            System.out.printf("FULL  %,d people, %,d jobs, %,d workflows (%,d resumes) in %.1f s: %,.0f records/s%n",
                    persons, jobs, workflows, resumes, seconds, records / seconds);
            System.out.printf("      requests: %s (token %d)%n", sim.counters().snapshot(), sim.counters().count(Endpoint.TOKEN));
            System.out.printf("      %,d search+GET+resume requests vs minimum %,d: %.3f per mirrored record (minimum %.3f)%n",
                    made, minimum, made / (double) records, minimum / (double) records);

            sim.clock().advance(Duration.ofHours(1));
            List<Long> ids = sim.tenant().ids(ProfileType.PERSON);
            int changes = Math.max(1, ids.size() / 100);
            for (int i = 0; i < changes; i++) {
                sim.tenant().updatePerson(ids.get(i * 97 % ids.size()), Map.of("lastname", "Changed" + i));
            }
            sim.clock().advance(Duration.ofMinutes(1));
            context.clock(Clock.fixed(sim.clock().now(), ZoneOffset.UTC));
            sim.counters().reset();
            t0 = System.nanoTime();
            try (SyncSource source = connector.openSync(credentials, context)) {
                source.read(sink.lastState(), sink);
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("INCR  %,d people changed: %.2f s, requests %s%n", changes, seconds, sim.counters().snapshot());
        }
    }

    private static long ceil(long n) {
        return n / 1000 + 1;
    }
}
