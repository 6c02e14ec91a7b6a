package io.rediscover.tenancy;

import java.time.Instant;
import java.util.Set;

/**
 * A customer organisation: the scope of every record, connection and search.
 *
 * @param id                  stable id, part of every store key ({@code acme})
 * @param name                display name
 * @param tier                licence tier
 * @param integrationsEnabled whether ATS integrations are switched on for it (by a platform admin)
 * @param plugins             ids of the plugins whose connectors it may use
 * @param createdAt           creation time
 * @param updatedAt           last change
 */
public record Org(String id, String name, LicenceTier tier, boolean integrationsEnabled, Set<String> plugins,
                  Instant createdAt, Instant updatedAt) {

    /** Canonical constructor: copies the set. */
    public Org {
        plugins = Set.copyOf(plugins);
    }
}
