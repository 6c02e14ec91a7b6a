package io.rediscover.integrations;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.CredentialField;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.security.SecretBox;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Connections in the store, keyed {@code <org>/<id>}. Secret credential values are sealed with the org, connection
 * and field as context, so a sealed value copied elsewhere does not open.
 */
@Singleton
public final class ConnectionStore {

    private final Store store;
    private final StoreMap<Connection> connections;
    private final StoreMap<Long> sequence;
    private final SecretBox secrets;
    private final Clock clock = Clock.systemUTC();

    /** @param store the system of record @param secrets seals secret credentials */
    @Inject
    public ConnectionStore(Store store, SecretBox secrets) {
        this.store = store;
        this.connections = store.map("integrations.connections", Connection.class);
        this.sequence = store.map("integrations.sequence", Long.class);
        this.secrets = secrets;
    }

    private static String key(String org, String id) {
        return org + "/" + id;
    }

    private static String context(String org, String id, String field) {
        return "org/" + org + "/connection/" + id + "/" + field;
    }

    /**
     * @param org          the org
     * @param descriptor   the connector's descriptor (which fields are secret)
     * @param capabilities what the connection is for
     * @param credentials  credential values by key (already validated against the descriptor)
     * @param status       its first status
     * @return the stored connection
     */
    public synchronized Connection create(String org, ConnectorDescriptor descriptor, Set<Capability> capabilities,
                                          Map<String, String> credentials, Connection.Status status) {
        long next = sequence.get(org).orElse(0L) + 1;
        String id = Long.toString(next);
        Map<String, String> plain = new HashMap<>();
        Map<String, String> sealed = new HashMap<>();
        for (CredentialField f : descriptor.credentials()) {
            String v = credentials.get(f.key());
            if (v != null) {
                if (f.secret()) {
                    sealed.put(f.key(), secrets.seal(v, context(org, id, f.key())));
                } else {
                    plain.put(f.key(), v);
                }
            }
        }
        var now = clock.instant();
        Connection c = new Connection(org, id, descriptor.id(), capabilities, plain, sealed, status, null, null, now, now);
        store.write(b -> b.put(sequence, org, next).put(connections, key(org, id), c));
        return c;
    }

    /** @param org the org @param id the connection @return it, if it exists in that org */
    public Optional<Connection> get(String org, String id) {
        return connections.get(key(org, id));
    }

    /** @param org the org @return its connections */
    public List<Connection> list(String org) {
        try (Stream<Map.Entry<String, Connection>> s = connections.scan(org + "/")) {
            return s.map(Map.Entry::getValue).toList();
        }
    }

    /** @return every connection of every org, lazily */
    Stream<Connection> all() {
        return connections.scan("").map(Map.Entry::getValue);
    }

    /**
     * @param ref     the connection
     * @param status  its new status
     * @param field   the credential at fault, or null
     * @param message why, or null
     */
    public void setStatus(ConnectionRef ref, Connection.Status status, String field, String message) {
        get(ref.org(), ref.connectionId()).ifPresent(c -> store.write(b -> b.put(connections, key(ref.org(), ref.connectionId()),
                c.withStatus(status, field, message, clock.instant()))));
    }

    /**
     * @param c          a connection
     * @param descriptor its connector's descriptor
     * @return its credentials, secrets opened, for one call
     */
    public Credentials credentials(Connection c, ConnectorDescriptor descriptor) {
        Map<String, String> values = new HashMap<>(c.values());
        c.sealed().forEach((k, v) -> values.put(k, secrets.open(v, context(c.org(), c.id(), k))));
        return Credentials.of(descriptor, values);
    }
}
