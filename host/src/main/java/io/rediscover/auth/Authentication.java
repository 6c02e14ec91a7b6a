package io.rediscover.auth;

import io.rediscover.tenancy.Caller;
import io.rediscover.tenancy.User;
import io.rediscover.tenancy.UserStore;
import io.rediscover.web.ApiError;
import io.rediscover.web.Public;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every API request whose matched method is not marked {@link Public} (a global post-matching filter,
 * so methods of sub-resources are covered too): the caller proves who they
 * are with the session cookie (then state-changing requests must also echo the session's CSRF token in
 * {@value #CSRF_HEADER}) or with {@code Authorization: Bearer <API token>}. The filter sets the request's
 * {@link SecurityContext} to a {@link Caller}. Failures answer 401 (who are you?) or 403 (CSRF, password change due).
 * A {@link Public} method is never refused, but it still sees the caller when the request brings credentials that a
 * private method would accept (health shows its details to platform admins that way).
 */
@Singleton
@Priority(Priorities.AUTHENTICATION)
public final class Authentication implements ContainerRequestFilter {

    /** The session cookie's name. */
    public static final String COOKIE = "rediscover_session";
    /** The header carrying the CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionStore sessions;
    private final ApiTokenStore tokens;
    private final UserStore users;
    private final Filter guarded = new Filter(false, true);
    private final Filter passwordChange = new Filter(true, true);
    private final Filter visitor = new Filter(false, false);
    @Context
    private ResourceInfo resource;

    /** @param sessions sessions @param tokens API tokens @param users users */
    @Inject
    public Authentication(SessionStore sessions, ApiTokenStore tokens, UserStore users) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        java.lang.reflect.Method method = resource.getResourceMethod();
        if (method == null) {
            guarded.filter(request); // not matched to a method: nothing public about it
            return;
        }
        if (method.isAnnotationPresent(Public.class) || method.getDeclaringClass().isAnnotationPresent(Public.class)) {
            visitor.filter(request);
            return;
        }
        (method.isAnnotationPresent(BeforePasswordChange.class) ? passwordChange : guarded).filter(request);
    }

    /** Authenticates one request; when a caller is not {@code required}, a failure leaves the request anonymous. */
    private final class Filter {
        private final boolean allowedBeforePasswordChange;
        private final boolean required;

        Filter(boolean allowedBeforePasswordChange, boolean required) {
            this.allowedBeforePasswordChange = allowedBeforePasswordChange;
            this.required = required;
        }

        void filter(ContainerRequestContext request) {
            Optional<Caller> caller;
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                caller = bearer(authorization, request);
            } else {
                caller = session(request);
            }
            if (caller.isEmpty()) {
                return; // aborted with the reason
            }
            if (caller.get().user().mustChangePassword() && !allowedBeforePasswordChange) {
                abort(request, 403, "password_change_required",
                        "change the one-time password first: PUT /api/session/password");
                return;
            }
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            Caller c = caller.get();
            request.setSecurityContext(new SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return c;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return c.role().name().equalsIgnoreCase(role);
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getAuthenticationScheme() {
                    return c.tokenId() != null ? "Bearer" : "Session";
                }
            });
        }

        private Optional<Caller> bearer(String authorization, ContainerRequestContext request) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                abort(request, 401, "unauthenticated", "the Authorization header must be 'Bearer <API token>'");
                return Optional.empty();
            }
            Optional<Caller> caller = tokens.find(authorization.substring(7).strip())
                    .flatMap(t -> users.get(t.userId()).map(u -> new Caller(u, null, t.id())));
            if (caller.isEmpty()) {
                abort(request, 401, "unauthenticated", "the API token is unknown, revoked or expired");
            }
            return caller;
        }

        private Optional<Caller> session(ContainerRequestContext request) {
            Cookie cookie = request.getCookies().get(COOKIE);
            if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
                abort(request, 401, "unauthenticated",
                        "sign in first (POST /api/session), or send 'Authorization: Bearer <API token>'");
                return Optional.empty();
            }
            Optional<SessionStore.Opened> session = sessions.find(cookie.getValue());
            Optional<User> user = session.flatMap(s -> users.get(s.session().userId()));
            if (user.isEmpty()) {
                abort(request, 401, "unauthenticated", "your session has ended; sign in again");
                return Optional.empty();
            }
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !Secrets.same(request.getHeaderString(CSRF_HEADER), session.get().session().csrfToken())) {
                abort(request, 403, "csrf", "missing or wrong " + CSRF_HEADER + " header: send the csrfToken that "
                        + "sign-in (or GET /api/session) returned with every request that changes something");
                return Optional.empty();
            }
            return Optional.of(new Caller(user.get(), session.get().key(), null));
        }

        private void abort(ContainerRequestContext request, int status, String code, String message) {
            if (!required) {
                return;
            }
            Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(code, message, null));
            if (status == 401) {
                r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rediscover\"");
            }
            request.abortWith(r.build());
        }
    }
}
