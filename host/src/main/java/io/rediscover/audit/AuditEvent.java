package io.rediscover.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One admin action: who did what to what, when. Details name what changed (field names, statuses), never secret
 * values.
 *
 * @param at         when
 * @param org        the org it concerns, or null for the installation
 * @param actorId    the user who acted, or {@code system}
 * @param actorEmail their address
 * @param action     what, e.g. {@code connection.created}
 * @param target     what it was done to, e.g. a connection id
 * @param details    more, by name
 */
public record AuditEvent(Instant at, String org, String actorId, String actorEmail, String action, String target,
                         Map<String, String> details) {

    /** Canonical constructor: copies the details. */
    public AuditEvent {
        details = Map.copyOf(details);
    }
}
