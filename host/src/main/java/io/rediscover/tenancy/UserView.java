package io.rediscover.tenancy;

/**
 * What the API shows of a user: never the password hash.
 *
 * @param id                 user id
 * @param email              address
 * @param name               display name
 * @param role               role
 * @param org                org, or null for platform admins
 * @param mustChangePassword whether the password must be changed before anything else
 */
public record UserView(String id, String email, String name, Role role, String org, boolean mustChangePassword) {

    /** @param u a user @return its view */
    public static UserView of(User u) {
        return new UserView(u.id(), u.email(), u.name(), u.role(), u.org(), u.mustChangePassword());
    }
}
