package io.rediscover.integrations;

import io.rediscover.budget.DailyBudget;
import io.rediscover.pluginapi.Capability;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A connection as the API shows it. Secret credentials appear only as "set" or "not set", never their values.
 *
 * @param id            connection id
 * @param connectorId   connector
 * @param capabilities  what it is used for
 * @param credentials   by key: the value of plain credentials; for secrets only whether one is set (empty for
 *                      recruiters, who see the status only)
 * @param status        VERIFYING, CONNECTED, FAILED, NEEDS_ATTENTION or REMOVING
 * @param statusField   the credential at fault when FAILED, or null
 * @param statusMessage why it failed or needs attention; when CONNECTED, the warning its check raised (it works, with a
 *                      limitation the admin should know about); otherwise null
 * @param createdAt     creation time
 * @param updatedAt     last change
 * @param budget        the daily request budget its syncs keep to (requests a day, the reset hour and its time zone),
 *                      or null for none
 */
public record ConnectionView(String id, String connectorId, Set<Capability> capabilities,
                             Map<String, Credential> credentials, Connection.Status status, String statusField,
                             String statusMessage, Instant createdAt, Instant updatedAt, DailyBudget budget) {

    /**
     * @param secret whether the value is secret
     * @param set    whether a value is stored
     * @param value  the value, for plain credentials only
     */
    public record Credential(boolean secret, boolean set, String value) {
    }

    /**
     * @param c           a connection
     * @param credentials whether to include the credentials (org admins) or only the status (recruiters)
     * @param budget      the budget its syncs keep to
     * @return its view
     */
    public static ConnectionView of(Connection c, boolean credentials, Optional<DailyBudget> budget) {
        Map<String, Credential> creds = new TreeMap<>();
        if (credentials) {
            c.values().forEach((k, v) -> creds.put(k, new Credential(false, true, v)));
            c.sealed().keySet().forEach(k -> creds.put(k, new Credential(true, true, null)));
        }
        return new ConnectionView(c.id(), c.connectorId(), c.capabilities(), new LinkedHashMap<>(creds), c.status(),
                c.statusField(), c.statusMessage(), c.createdAt(), c.updatedAt(), budget.orElse(null));
    }
}
