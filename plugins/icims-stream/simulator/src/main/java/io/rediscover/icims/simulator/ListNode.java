package io.rediscover.icims.simulator;

/**
 * A node of an iCIMS list (folder, status, bin, source, state, country, school…): a tenant-specific id and
 * its visible text. Rendered as {@code {"id": id, "value": value, "formattedvalue": value}}.
 */
public record ListNode(String id, String value) {
    /** True when {@code idOrValue} names this node by id or (case-insensitively) by visible text. */
    public boolean matches(String idOrValue) {
        return id.equals(idOrValue) || value.equalsIgnoreCase(idOrValue);
    }
}
