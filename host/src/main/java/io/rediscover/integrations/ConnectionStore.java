package io.rediscover.integrations;

import io.rediscover.budget.DailyBudget;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.CredentialField;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.security.SecretBox;
import io.rediscover.store.Ids;
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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Connections in the store, keyed {@code <org>/<id>}: every read names the org, so no id from another org finds
 * anything. Secret credential values are sealed with the org, connection and field as context, so a sealed value
 * copied elsewhere does not open; a secret left out of an edit keeps its sealed value.
 */
@Singleton
public final class ConnectionStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectionStore.class);

    private final Store store;
    private final StoreMap<Connection> connections;
    private final SecretBox secrets;
    private final Clock clock;

    /** @param store the system of record @param secrets seals secret credentials */
    @Inject
    public ConnectionStore(Store store, SecretBox secrets, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.connections = store.map("integrations.connections", Connection.class);
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
     * @param budget       its daily request budget, or empty for none
     * @return the stored connection, VERIFYING
     */
    public Connection create(String org, ConnectorDescriptor descriptor, Set<Capability> capabilities,
                             Map<String, String> credentials, Optional<DailyBudget> budget) {
        String id = Ids.random("c");
        Map<String, String> plain = new HashMap<>();
        Map<String, String> sealed = new HashMap<>();
        split(org, id, descriptor, credentials, Map.of(), plain, sealed);
        var now = clock.instant();
        Connection c = new Connection(org, id, descriptor.id(), capabilities, plain, sealed, Connection.Status.VERIFYING,
                null, null, 1, now, now, budget.orElse(null));
        store.write(b -> b.put(connections, key(org, id), c));
        return c;
    }

    /**
     * Replaces capabilities and credentials; a secret not given keeps its stored value. The connection goes back to
     * VERIFYING with the next revision.
     *
     * @param c            the connection as read
     * @param descriptor   its connector's descriptor
     * @param capabilities the new capabilities
     * @param credentials  the new values (secrets may be absent)
     * @param budget       the new daily request budget, or empty for none
     * @return the stored connection
     */
    public synchronized Connection update(Connection c, ConnectorDescriptor descriptor, Set<Capability> capabilities,
                                          Map<String, String> credentials, Optional<DailyBudget> budget) {
        Connection current = get(c.org(), c.id()).orElseThrow();
        Map<String, String> plain = new HashMap<>();
        Map<String, String> sealed = new HashMap<>();
        split(c.org(), c.id(), descriptor, credentials, current.sealed(), plain, sealed);
        Connection next = new Connection(c.org(), c.id(), c.connectorId(), capabilities, plain, sealed,
                Connection.Status.VERIFYING, null, null, current.revision() + 1, current.createdAt(), clock.instant(),
                budget.orElse(null));
        store.write(b -> b.put(connections, key(c.org(), c.id()), next));
        return next;
    }

    private void split(String org, String id, ConnectorDescriptor descriptor, Map<String, String> credentials,
                       Map<String, String> keptSecrets, Map<String, String> plain, Map<String, String> sealed) {
        for (CredentialField f : descriptor.credentials()) {
            String v = credentials.get(f.key());
            if (f.secret()) {
                if (v != null && !v.isEmpty()) {
                    sealed.put(f.key(), secrets.seal(v, context(org, id, f.key())));
                } else if (keptSecrets.containsKey(f.key())) {
                    sealed.put(f.key(), keptSecrets.get(f.key()));
                }
            } else if (v != null && !v.isEmpty()) {
                plain.put(f.key(), v);
            }
        }
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
        change(ref, c -> c.status() == Connection.Status.REMOVING ? c : c.withStatus(status, field, message, clock.instant()));
    }

    /**
     * Records a verification's outcome, unless the connection changed (or is being removed) since it was checked.
     *
     * @param ref      the connection
     * @param revision the revision that was checked
     * @param status   CONNECTED or FAILED
     * @param field    the credential at fault, or null
     * @param message  why it failed, or null
     * @return whether the outcome was recorded
     */
    public boolean verified(ConnectionRef ref, long revision, Connection.Status status, String field, String message) {
        boolean[] applied = {false};
        change(ref, c -> {
            if (c.revision() != revision || c.status() != Connection.Status.VERIFYING) {
                return c;
            }
            applied[0] = true;
            return c.withStatus(status, field, message, clock.instant());
        });
        return applied[0];
    }

    private synchronized void change(ConnectionRef ref, UnaryOperator<Connection> change) {
        get(ref.org(), ref.connectionId()).ifPresent(c -> {
            Connection next = change.apply(c);
            if (next != c) {
                store.write(b -> b.put(connections, key(ref.org(), ref.connectionId()), next));
            }
        });
    }

    /** @param ref a connection whose removal is done: forget it */
    public synchronized void delete(ConnectionRef ref) {
        store.write(b -> b.remove(connections, key(ref.org(), ref.connectionId())));
    }

    /**
     * Key rotation: seals again with the current master key every secret still sealed with a previous one, so the
     * previous key can be retired.
     *
     * @return how many secrets were sealed again
     */
    public synchronized int resealWithCurrentKey() {
        List<Connection> stale;
        try (Stream<Connection> all = all()) {
            stale = all.filter(c -> c.sealed().values().stream().anyMatch(secrets::needsResealing)).toList();
        }
        int count = 0;
        for (Connection c : stale) {
            Map<String, String> resealed = new HashMap<>(c.sealed());
            for (Map.Entry<String, String> e : c.sealed().entrySet()) {
                if (secrets.needsResealing(e.getValue())) {
                    String context = context(c.org(), c.id(), e.getKey());
                    try {
                        resealed.put(e.getKey(), secrets.seal(secrets.open(e.getValue(), context), context));
                        count++;
                    } catch (SecretBox.SecretException lostKey) {
                        // Left as it is: the connection fails verification and asks for its credentials again.
                        LOG.warn("org {} / connection {}: secret '{}' cannot be opened: {}", c.org(), c.id(), e.getKey(),
                                lostKey.getMessage());
                    }
                }
            }
            Connection next = new Connection(c.org(), c.id(), c.connectorId(), c.capabilities(), c.values(), resealed,
                    c.status(), c.statusField(), c.statusMessage(), c.revision(), c.createdAt(), c.updatedAt(), c.budget());
            store.write(b -> b.put(connections, key(c.org(), c.id()), next));
        }
        return count;
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
