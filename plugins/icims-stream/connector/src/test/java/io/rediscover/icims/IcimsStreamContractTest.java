package io.rediscover.icims;

import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.testkit.ConnectorContractTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The plugin contract test kit, run against the iCIMS simulator. */
class IcimsStreamContractTest extends ConnectorContractTest {

    private IcimsSimulator sim;

    @Override
    protected AtsConnector connector() {
        return new IcimsStreamConnector();
    }

    @Override
    protected Map<String, String> startAts() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(1_200).seed(5).tickingClock(false).dailyQuota(0).build());
        return Map.of("apiBaseUrl", sim.baseUrl(), "tokenUrl", sim.tokenUrl(), "streamBaseUrl", sim.baseUrl(),
                "audience", sim.audience(), "retryBaseMillis", "5");
    }

    @Override
    protected boolean isFakeAtsThread(String threadName) {
        // The simulator is a Jetty server: its pool threads and its scheduler.
        return threadName.startsWith("icims-sim") || threadName.startsWith("Scheduler-");
    }

    @Override
    protected void stopAts() {
        sim.close();
    }

    @Override
    protected Map<String, String> goodCredentials() {
        return Map.of("clientId", sim.clientId(), "clientSecret", sim.clientSecret(), "streamId", sim.streamId());
    }

    @Override
    protected Map<String, Map<String, String>> badCredentialsByField() {
        return Map.of(
                "clientId", Map.of("clientId", "unknown", "clientSecret", sim.clientSecret(), "streamId", sim.streamId()),
                "clientSecret", Map.of("clientId", sim.clientId(), "clientSecret", "wrong", "streamId", sim.streamId()),
                "streamId", Map.of("clientId", sim.clientId(), "clientSecret", sim.clientSecret(), "streamId", "nope"));
    }

    @Override
    protected int candidateCount() {
        return sim.tenant().size(ProfileType.PERSON);
    }

    @Override
    protected void changeCandidates(int n) {
        sim.clock().advance(Duration.ofHours(1));
        List<Long> ids = sim.tenant().ids(ProfileType.PERSON);
        for (int i = 0; i < n; i++) {
            sim.tenant().updatePerson(ids.get(i * 7), Map.of("lastname", "Changed" + i));
        }
        sim.clock().advance(Duration.ofMinutes(1));
        context().clock(java.time.Clock.fixed(sim.clock().now(), java.time.ZoneOffset.UTC));
    }
}
