package io.rediscover.mirror;

import java.util.Objects;

/**
 * One org's connection, the scope of every mirror key. Keys always start with the org, so no read can reach another
 * org's data by accident, and one connection's data is one key range (removing a connection removes a range).
 *
 * @param org          the org id
 * @param connectionId the connection id within the org
 */
public record ConnectionRef(String org, String connectionId) {

    /** Canonical constructor: both parts are required and must be key-safe. */
    public ConnectionRef {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(connectionId, "connectionId");
        if (org.isBlank() || org.contains("/") || connectionId.isBlank() || connectionId.contains("/")) {
            throw new IllegalArgumentException("org and connection ids must be non-blank and contain no '/'");
        }
    }

    /** @return the key prefix of everything this connection owns, ending in '/' */
    public String prefix() {
        return org + "/" + connectionId + "/";
    }

    @Override
    public String toString() {
        return "org " + org + " / connection " + connectionId;
    }
}
