package io.rediscover.icims;

import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.testkit.RecordingSink;
import io.rediscover.pluginapi.testkit.TestConnectorContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The connector against a running iCIMS simulator over real HTTP, for tests: a seeded tenant whose clock only moves
 * when told, a connector context pointed at it (fast retries, short timeouts), and runs from a state into a sink.
 */
final class Rig implements AutoCloseable {

    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    final IcimsSimulator sim;
    final TestConnectorContext context;
    final IcimsStreamConnector connector = new IcimsStreamConnector();

    private Rig(IcimsSimulator sim) {
        this.sim = sim;
        this.context = new TestConnectorContext(Map.of("apiBaseUrl", sim.baseUrl(), "tokenUrl", sim.tokenUrl(),
                "streamBaseUrl", sim.baseUrl(), "audience", sim.audience(), "linkedinFieldIds", "field4711",
                "retryBaseMillis", "5", "requestTimeoutSeconds", "30"));
        context.clock(Clock.fixed(START, ZoneOffset.UTC));
    }

    /** @param config a simulator configuration; people, clock and quota are set here unless the test set them */
    static Rig start(SimulatorConfig.Builder config) {
        return new Rig(IcimsSimulator.start(config.clockStart(START).tickingClock(false).noise(false).dailyQuota(0).build()));
    }

    static Rig start(int people) {
        return start(SimulatorConfig.builder().people(people).seed(11));
    }

    Credentials credentials(String clientId, String secret, String streamId) {
        return Credentials.of(connector.descriptor(), Map.of("clientId", clientId, "clientSecret", secret, "streamId", streamId));
    }

    Credentials good() {
        return credentials(sim.clientId(), sim.clientSecret(), sim.streamId());
    }

    /** A run from the sink's last checkpoint. */
    RecordingSink sync(RecordingSink sink) throws ConnectorException {
        return sync(good(), sink.lastState(), sink);
    }

    RecordingSink sync(Credentials credentials, SyncState from, RecordingSink sink) throws ConnectorException {
        try (SyncSource source = connector.openSync(credentials, context)) {
            source.read(from, sink);
        }
        return sink;
    }

    /**
     * @return the requests the connector sent again in the sink's last run, by its own count (a request timed out on a
     *         loaded machine, say)
     */
    static long retried(RecordingSink sink) {
        return sent(sink, "retries");
    }

    /**
     * @param endpoint as the connector counts it, e.g. {@code GET applicantworkflows}
     * @return the requests the connector sent there in the sink's last run, retries included, by its own count. What
     *         the connector asked for is what a test of its logic asserts: under load the simulator has counted one GET
     *         more than the connector sent in a full download, with no retry of ours (likely the JDK's HTTP client, which
     *         sends an idempotent request once more when the pooled connection it used turns out closed)
     */
    static long sent(RecordingSink sink, String endpoint) {
        List<SyncProgress> reports = sink.progress();
        return reports.isEmpty() ? 0 : reports.get(reports.size() - 1).requestsByEndpoint().getOrDefault(endpoint, 0L);
    }

    /** Moves both clocks, the simulator's and the one the connector sees, to {@code START + offset}. */
    void at(Duration offset) {
        sim.clock().set(START.plus(offset));
        context.clock(Clock.fixed(START.plus(offset), ZoneOffset.UTC));
    }

    @Override
    public void close() throws InterruptedException {
        context.close();
        sim.close();
    }
}
