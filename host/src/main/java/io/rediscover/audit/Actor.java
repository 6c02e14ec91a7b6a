package io.rediscover.audit;

/**
 * Who did something the audit log records: a user (by id and the address they signed in with at the time) or the
 * system itself.
 *
 * @param id    the user's id, or {@code system}
 * @param email the user's address, or empty for the system
 */
public record Actor(String id, String email) {

    /** The installation itself: first start, commands run on the server. */
    public static final Actor SYSTEM = new Actor("system", "");
}
