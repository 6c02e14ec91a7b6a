package io.rediscover.sync;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.sync.SyncRun.RunError;

import java.util.List;
import java.util.Optional;

/**
 * The sync engine's view of connections, implemented by the integrations capability: which connections exist, their
 * credentials, and where to report that one needs an admin's attention.
 */
public interface SyncConnections {

    /** @return every active connection with the Rediscovery capability, across orgs (for the scheduler) */
    List<ConnectionRef> active();

    /**
     * @param ref a connection
     * @return it, with credentials decrypted for one run; empty when it no longer exists
     */
    Optional<SyncConnection> load(ConnectionRef ref);

    /**
     * A run failed in a way only an admin can fix (bad credentials, lost permission): stop scheduling and show why.
     *
     * @param ref   the connection
     * @param error what the connector said
     */
    void needsAttention(ConnectionRef ref, RunError error);
}
