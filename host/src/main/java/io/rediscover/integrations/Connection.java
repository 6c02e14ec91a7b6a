package io.rediscover.integrations;

import io.rediscover.budget.DailyBudget;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One org's configured use of a connector (the UI calls it an integration). Secret credential values are stored only
 * sealed ({@code SecretBox}); plain ones as they are.
 *
 * @param org           the org
 * @param id            the connection's id within the org
 * @param connectorId   which connector, e.g. {@code icims-stream}
 * @param capabilities  what it is used for
 * @param values        non-secret credential values by key
 * @param sealed        secret credential values, sealed, by key
 * @param status        where it stands
 * @param statusField   the credential at fault when failed, or null
 * @param statusMessage why it failed or needs attention; when CONNECTED, the warning its check raised; otherwise null
 * @param revision      counts credential and capability changes: a verification applies only to the revision it
 *                      checked, so an edit during a check is never marked connected by the old check
 * @param createdAt     creation time
 * @param updatedAt     last change
 * @param budget        its daily request budget as the org admin set it; null before budgets existed (then the
 *                      connector's default applies, see {@link #budget(ConnectorDescriptor)})
 */
public record Connection(String org, String id, String connectorId, Set<Capability> capabilities,
                         Map<String, String> values, Map<String, String> sealed, Status status, String statusField,
                         String statusMessage, long revision, Instant createdAt, Instant updatedAt, DailyBudget budget) {

    /** Canonical constructor: copies collections. */
    public Connection {
        capabilities = Set.copyOf(capabilities);
        values = Map.copyOf(values);
        sealed = Map.copyOf(sealed);
    }

    /** Where a connection stands. */
    public enum Status {
        /** Credentials are being checked. */
        VERIFYING,
        /** Verified; syncs run on schedule. */
        CONNECTED,
        /** The check failed; see the field and message. */
        FAILED,
        /** A sync failed in a way only an admin can fix; syncs are paused. */
        NEEDS_ATTENTION,
        /** Being removed with its mirror data; gone when that is done. */
        REMOVING
    }

    Connection withStatus(Status s, String field, String message, Instant at) {
        return new Connection(org, id, connectorId, capabilities, values, sealed, s, field, message, revision, createdAt, at,
                budget);
    }

    /**
     * @param descriptor its connector's descriptor
     * @return the budget its requests are metered against: the one set, else the connector's default; empty for none
     */
    public Optional<DailyBudget> budget(ConnectorDescriptor descriptor) {
        return budget != null ? Optional.of(budget) : DailyBudget.defaultFor(descriptor.requestQuota());
    }

    @Override
    public String toString() {
        return "Connection[org " + org + ", " + id + ", " + connectorId + ", " + status + ", secrets " + sealed.keySet() + "]";
    }
}
