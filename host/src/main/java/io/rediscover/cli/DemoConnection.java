package io.rediscover.cli;

import io.rediscover.Host;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.integrations.Connection;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.plugins.ConnectorContexts;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's iCIMS connection: org {@value #ORG} connects to the demo's simulated iCIMS, verified for real by the
 * connector's check, so the scheduler starts the first full sync at once.
 */
final class DemoConnection {

    static final String ORG = io.rediscover.integrations.SingleOrg.ID;

    private DemoConnection() {
    }

    /** @return one line saying which connection the demo syncs, or why it does not */
    static String ensure(Host host, IcimsSimulator ats) {
        Optional<LoadedConnector> icims = host.injector().getInstance(ConnectorRegistry.class).find("icims-stream");
        if (icims.isEmpty()) {
            return "No iCIMS Stream plugin in the plugins directory: the demo syncs nothing.";
        }
        ConnectionStore connections = host.injector().getInstance(ConnectionStore.class);
        Optional<Connection> existing = connections.list(ORG).stream()
                .filter(c -> c.connectorId().equals("icims-stream")).findFirst();
        if (existing.isPresent()) {
            return "Demo connection: org " + ORG + ", connection " + existing.get().id() + " (" + existing.get().status()
                    + "); it resumes from its last sync.";
        }
        Map<String, String> values = Map.of("clientId", ats.clientId(), "clientSecret", ats.clientSecret(),
                "streamId", ats.streamId());
        CheckResult check;
        try {
            LoadedConnector c = icims.get();
            Credentials credentials = Credentials.of(c.descriptor(), values);
            check = c.call(() -> c.connector().check(credentials, host.injector().getInstance(ConnectorContexts.class)
                    .forCall(c, "demo setup", credentials, Cancellation.never())));
        } catch (Exception e) {
            check = CheckResult.failed(null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Connection created = connections.create(ORG, icims.get().descriptor(), Set.of(Capability.REDISCOVERY), values,
                check.passed() ? Connection.Status.CONNECTED : Connection.Status.FAILED);
        if (!check.passed()) {
            connections.setStatus(new ConnectionRef(ORG, created.id()), Connection.Status.FAILED, check.field(), check.message());
            return "Demo connection could not be verified: " + check.message();
        }
        return "Demo connection: org " + ORG + ", connection " + created.id() + " verified; its first full sync starts now.";
    }
}
