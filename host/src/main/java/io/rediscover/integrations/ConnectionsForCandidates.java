package io.rediscover.integrations;

import io.rediscover.candidates.ConnectionDescriptors;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Tells the candidates package which connector a connection uses. */
@Singleton
final class ConnectionsForCandidates implements ConnectionDescriptors {

    private final ConnectionStore connections;
    private final ConnectorRegistry connectors;

    @Inject
    ConnectionsForCandidates(ConnectionStore connections, ConnectorRegistry connectors) {
        this.connections = connections;
        this.connectors = connectors;
    }

    @Override
    public Optional<ConnectorDescriptor> descriptor(ConnectionRef ref) {
        return connections.get(ref.org(), ref.connectionId())
                .flatMap(c -> connectors.find(c.connectorId())).map(LoadedConnector::descriptor);
    }
}
