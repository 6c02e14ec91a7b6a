package io.rediscover.integrations;

import io.rediscover.config.HostConfig;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.sync.SyncConnection;
import io.rediscover.sync.SyncConnections;
import io.rediscover.sync.SyncRun;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the sync engine sees of connections: connected ones with the Rediscovery capability whose org's gates are open
 * (licence, integrations switch, the connector's plugin allowed), and their credentials. A downgraded org's
 * connections stop syncing at their next run; their mirror stays until they are removed.
 */
@Singleton
final class ConnectionsForSync implements SyncConnections {

    private final ConnectionStore store;
    private final ConnectorRegistry connectors;
    private final HostConfig config;
    private final IntegrationGate gate;

    @Inject
    ConnectionsForSync(ConnectionStore store, ConnectorRegistry connectors, HostConfig config, IntegrationGate gate) {
        this.store = store;
        this.connectors = connectors;
        this.config = config;
        this.gate = gate;
    }

    private boolean syncable(Connection c) {
        return c.status() == Connection.Status.CONNECTED && c.capabilities().contains(Capability.REDISCOVERY)
                && connectors.find(c.connectorId()).filter(l -> gate.open(c.org(), l)).isPresent();
    }

    @Override
    public List<ConnectionRef> active() {
        try (Stream<Connection> all = store.all()) {
            return all.filter(this::syncable).map(c -> new ConnectionRef(c.org(), c.id())).toList();
        }
    }

    @Override
    public Optional<SyncConnection> load(ConnectionRef ref) {
        return store.get(ref.org(), ref.connectionId()).flatMap(c -> {
            Optional<LoadedConnector> connector = connectors.find(c.connectorId());
            if (connector.isEmpty()) {
                return Optional.empty();
            }
            ConnectorDescriptor descriptor = connector.get().descriptor();
            return Optional.of(new SyncConnection(ref, c.connectorId(), store.credentials(c, descriptor),
                    config.sync().interval(), syncable(c), c.budget(descriptor)));
        });
    }

    @Override
    public void needsAttention(ConnectionRef ref, SyncRun.RunError error) {
        store.setStatus(ref, Connection.Status.NEEDS_ATTENTION, null, error.message());
    }
}
