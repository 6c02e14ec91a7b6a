package io.rediscover.tenancy;

import io.rediscover.audit.Actor;

import java.time.Instant;

/**
 * A person who signs in.
 *
 * @param id                 stable id
 * @param email              sign-in name, lower case
 * @param name               display name
 * @param role               what they may do
 * @param org                their org; null for platform admins
 * @param passwordHash       Argon2id PHC string
 * @param mustChangePassword true for a generated first password: everything but changing it is refused
 * @param createdAt          creation time
 */
public record User(String id, String email, String name, Role role, String org, String passwordHash,
                   boolean mustChangePassword, Instant createdAt) {

    /** Shortest accepted password. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** @return the user as the audit log names them */
    public Actor actor() {
        return new Actor(id, email);
    }

    /** @return a copy with a new password hash */
    User withPassword(String hash, boolean mustChange) {
        return new User(id, email, name, role, org, hash, mustChange, createdAt);
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + email + ", " + role + (org == null ? "" : ", org " + org) + "]";
    }
}
