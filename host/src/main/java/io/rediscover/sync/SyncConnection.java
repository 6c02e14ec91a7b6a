package io.rediscover.sync;

import io.rediscover.budget.DailyBudget;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Credentials;

import java.time.Duration;
import java.util.Optional;

/**
 * What the sync engine needs to know of a connection: which connector, its decrypted credentials for this run, and
 * its schedule. Supplied by the integrations capability through {@link SyncConnections}, so sync never reads
 * connection storage or secrets at rest itself.
 *
 * @param ref         the org and connection
 * @param connectorId the connector, e.g. {@code icims-stream}
 * @param credentials decrypted for this run only
 * @param interval    time between incremental runs
 * @param active      whether runs may start (false once the connection needs attention or is being removed)
 * @param budget      its daily request budget; empty for none
 */
public record SyncConnection(ConnectionRef ref, String connectorId, Credentials credentials, Duration interval,
                             boolean active, Optional<DailyBudget> budget) {
}
