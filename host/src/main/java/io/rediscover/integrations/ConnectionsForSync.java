package io.rediscover.integrations;

import io.rediscover.config.HostConfig;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Capability;
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

/** What the sync engine sees of connections: connected ones with the Rediscovery capability, and their credentials. */
@Singleton
final class ConnectionsForSync implements SyncConnections {

    private final ConnectionStore store;
    private final ConnectorRegistry connectors;
    private final HostConfig config;

    @Inject
    ConnectionsForSync(ConnectionStore store, ConnectorRegistry connectors, HostConfig config) {
        this.store = store;
        this.connectors = connectors;
        this.config = config;
    }

    private static boolean syncable(Connection c) {
        return c.status() == Connection.Status.CONNECTED && c.capabilities().contains(Capability.REDISCOVERY);
    }

    @Override
    public List<ConnectionRef> active() {
        try (Stream<Connection> all = store.all()) {
            return all.filter(ConnectionsForSync::syncable).map(c -> new ConnectionRef(c.org(), c.id())).toList();
        }
    }

    @Override
    public Optional<SyncConnection> load(ConnectionRef ref) {
        return store.get(ref.org(), ref.connectionId()).flatMap(c -> {
            Optional<LoadedConnector> connector = connectors.find(c.connectorId());
            if (connector.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SyncConnection(ref, c.connectorId(), store.credentials(c, connector.get().descriptor()),
                    config.sync().interval(), syncable(c)));
        });
    }

    @Override
    public void needsAttention(ConnectionRef ref, SyncRun.RunError error) {
        store.setStatus(ref, Connection.Status.NEEDS_ATTENTION, null, error.message());
    }
}
