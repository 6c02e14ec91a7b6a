package io.rediscover.tenancy;

import io.rediscover.audit.AuditLog;
import io.rediscover.security.PasswordHasher;
import io.rediscover.web.ApiException;
import io.rediscover.web.InvalidField;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Managing the users of one org, for platform admins ({@code /api/admin/orgs/{org}/users}) and for the org's own
 * admins ({@code /api/users}) alike: list, add, and remove (offboarding ends the user's sessions and API tokens at
 * once). Every change is audit-logged in the org's log.
 */
@Singleton
public final class OrgUsers {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final UserStore users;
    private final UserAccess access;
    private final AuditLog audit;

    /**
     * @param users    users
     * @param access   ended when a user is removed
     * @param audit    the audit log
     */
    @Inject
    public OrgUsers(UserStore users, UserAccess access, AuditLog audit) {
        this.users = users;
        this.access = access;
        this.audit = audit;
    }

    /**
     * @param email    sign-in address, unique across the installation
     * @param name     display name
     * @param role     ORG_ADMIN or RECRUITER
     * @param password first password (at least 12 characters)
     */
    public record NewUser(String email, String name, Role role, String password) {
        /** Validates. */
        public NewUser {
            InvalidField.matching("email", email == null ? null : email.strip(), EMAIL, "an e-mail address");
            name = InvalidField.text("name", name, 200);
            InvalidField.required("role", role);
            if (role == Role.PLATFORM_ADMIN) {
                throw new InvalidField("role", "platform admins belong to no organisation; choose ORG_ADMIN or RECRUITER");
            }
            InvalidField.required("password", password);
            if (password.length() < User.MIN_PASSWORD_LENGTH) {
                throw new InvalidField("password", "the password must be at least " + User.MIN_PASSWORD_LENGTH
                        + " characters long");
            }
            InvalidField.maxLength("password", password, PasswordHasher.MAX_PASSWORD_LENGTH);
        }

        @Override
        public String toString() {
            return "NewUser[" + email + ", " + role + "]";
        }
    }

    /** @param users the org's users */
    public record Users(List<UserView> users) {
    }

    /** @param org an org @return its users */
    public Users list(String org) {
        return new Users(users.inOrg(org).stream().map(UserView::of).toList());
    }

    /**
     * @param actor who adds
     * @param org   the org
     * @param in    the new user
     * @return the user
     * @throws ApiException 409 when the address is taken
     */
    public UserView add(Caller actor, String org, NewUser in) {
        User user = users.create(in.email(), in.name(), in.role(), org, in.password(), false)
                .orElseThrow(() -> addressTaken(actor, UserStore.normalise(in.email())));
        audit.record(actor.actor(), org, "user.created", user.email(), Map.of("role", user.role().name()));
        return UserView.of(user);
    }

    /**
     * Sign-in addresses are unique across the installation, so a taken one must be refused; but an org admin may not
     * learn who holds it. They get one answer whether the address is in their own org (which their user list shows
     * anyway), in another org or a platform admin's; platform admins, who see every org, are told where it is.
     */
    private ApiException addressTaken(Caller actor, String address) {
        String message = "this address is already in use on this server and cannot be given to a new user";
        if (actor.role() == Role.PLATFORM_ADMIN) {
            message += users.byEmail(address).map(holder -> holder.org() == null ? " (by a platform admin)"
                    : " (by a user of org '" + holder.org() + "')").orElse("");
        } else {
            message += "; if your organisation's user list does not show it, ask your platform admin";
        }
        return new ApiException(409, "conflict", message, "email");
    }

    /**
     * @param actor  who removes
     * @param org    the org
     * @param userId one of its users
     * @throws ApiException 404 when the org has no such user
     */
    public void remove(Caller actor, String org, String userId) {
        User user = users.get(userId).filter(u -> org.equals(u.org()))
                .orElseThrow(() -> ApiException.notFound("user '" + userId + "'"));
        users.delete(user);
        access.endAll(user.id());
        audit.record(actor.actor(), org, "user.removed", user.email(), Map.of("role", user.role().name()));
    }
}
