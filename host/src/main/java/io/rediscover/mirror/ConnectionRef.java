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

    /**
     * @param segments key segments under this connection, such as an external id; '%' and '/' in them are escaped, so
     *                 each stays one segment and no id can reach into another's keys
     * @return the key
     */
    public String key(String... segments) {
        StringBuilder k = new StringBuilder(prefix());
        for (int i = 0; i < segments.length; i++) {
            k.append(i == 0 ? "" : "/").append(escape(segments[i]));
        }
        return k.toString();
    }

    /** @param segment a key segment @return it with '%' and '/' escaped */
    public static String escape(String segment) {
        return segment.replace("%", "%25").replace("/", "%2F");
    }

    /** @param segment an escaped key segment @return the original */
    public static String unescape(String segment) {
        return segment.replace("%2F", "/").replace("%25", "%");
    }

    @Override
    public String toString() {
        return "org " + org + " / connection " + connectionId;
    }
}
