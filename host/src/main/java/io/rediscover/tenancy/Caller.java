package io.rediscover.tenancy;

import io.rediscover.audit.Actor;
import io.rediscover.web.ApiException;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * Who is calling: the signed-in user, and how they proved it. Resources take it from the request's
 * {@link SecurityContext} ({@link #of}) and ask it for the org they act in, so every data access starts from the
 * caller's own org and never from an id in the request.
 *
 * @param user       the user
 * @param sessionKey the session's key when signed in with a cookie, or null
 * @param tokenId    the API token's id when calling with a bearer token, or null
 */
public record Caller(User user, String sessionKey, String tokenId) implements Principal {

    @Override
    public String getName() {
        return user.email();
    }

    /**
     * @param security the request's security context, set by the authentication filter
     * @return the caller
     */
    public static Caller of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new ApiException(401, "unauthenticated", "sign in first", null);
    }

    /** @return the caller as the audit log names them */
    public Actor actor() {
        return user.actor();
    }

    /** @return the caller's role */
    public Role role() {
        return user.role();
    }

    /**
     * @return the org the caller acts in
     * @throws ApiException 403 for platform admins, who belong to no org
     */
    public String org() {
        if (user.org() == null) {
            throw ApiException.forbidden("platform admins belong to no organisation; manage orgs through /api/admin/orgs, "
                    + "or sign in as a user of the organisation");
        }
        return user.org();
    }

    /** @param what what the caller tried, for the message @throws ApiException 403 unless an org admin */
    public void requireOrgAdmin(String what) {
        org();
        if (role() != Role.ORG_ADMIN) {
            throw ApiException.forbidden("only org admins may " + what + "; ask an admin of your organisation");
        }
    }

    /** @param what what the caller tried, for the message @throws ApiException 403 unless a platform admin */
    public void requirePlatformAdmin(String what) {
        if (role() != Role.PLATFORM_ADMIN) {
            throw ApiException.forbidden("only platform admins may " + what);
        }
    }
}
