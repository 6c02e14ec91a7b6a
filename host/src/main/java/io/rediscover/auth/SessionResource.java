package io.rediscover.auth;

import io.rediscover.audit.AuditLog;
import io.rediscover.config.HostConfig;
import io.rediscover.security.LoginThrottle;
import io.rediscover.security.PasswordHasher;
import io.rediscover.tenancy.Caller;
import io.rediscover.tenancy.User;
import io.rediscover.tenancy.UserStore;
import io.rediscover.tenancy.UserView;
import io.rediscover.web.ApiError;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.rediscover.web.InvalidField;
import io.rediscover.web.Public;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sign-in ({@code POST /api/session}: e-mail and password → an HTTP-only, SameSite=Strict session cookie and the CSRF
 * token to echo), who am I ({@code GET}), sign-out ({@code DELETE}) and changing one's password
 * ({@code PUT /api/session/password}, which ends the user's other sessions). Failed sign-ins are slowed down per
 * address and per client, and answered alike whether the address exists or not.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class SessionResource implements ApiResource {

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle byAddress;
    /** Per client (IP) the bar is higher: offices share addresses; it still stops one machine trying many accounts. */
    private final LoginThrottle byClient;
    private final AuditLog audit;
    private final HostConfig.Auth config;
    /** Checked when the address is unknown, so a miss costs as much time as a wrong password. */
    private final String decoyHash;

    /**
     * @param users    users
     * @param sessions sessions
     * @param hasher   password hashing
     * @param audit    the audit log
     * @param config   host configuration: {@code auth.*}
     */
    @Inject
    public SessionResource(UserStore users, SessionStore sessions, PasswordHasher hasher, AuditLog audit, HostConfig config,
                           Clock clock) {
        this.byAddress = new LoginThrottle(clock);
        this.byClient = new LoginThrottle(clock, 50);
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.config = config.auth();
        this.decoyHash = hasher.hash(Secrets.random());
    }

    /** @param email sign-in address @param password password */
    public record SignIn(String email, String password) {
        /** Validates. */
        public SignIn {
            InvalidField.text("email", email, 320);
            InvalidField.required("password", password);
            InvalidField.maxLength("password", password, PasswordHasher.MAX_PASSWORD_LENGTH);
        }

        @Override
        public String toString() {
            return "SignIn[" + email + "]";
        }
    }

    /** @param currentPassword the password now @param newPassword the new one */
    public record PasswordChange(String currentPassword, String newPassword) {
        /** Validates. */
        public PasswordChange {
            InvalidField.required("currentPassword", currentPassword);
            InvalidField.required("newPassword", newPassword);
            if (newPassword.length() < User.MIN_PASSWORD_LENGTH) {
                throw new InvalidField("newPassword", "the new password must be at least " + User.MIN_PASSWORD_LENGTH + " characters long");
            }
            InvalidField.maxLength("newPassword", newPassword, PasswordHasher.MAX_PASSWORD_LENGTH);
        }

        @Override
        public String toString() {
            return "PasswordChange[****]";
        }
    }

    /**
     * @param user      who is signed in
     * @param csrfToken echo it in {@value Authentication#CSRF_HEADER} with every state-changing request (sessions only)
     * @param expiresAt when the session ends at the latest (sessions only)
     */
    public record SessionView(UserView user, String csrfToken, Instant expiresAt) {
    }

    /** @param body the credentials @param request the HTTP request (client address) @return the session */
    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignIn body, @Context HttpServletRequest request) {
        SignIn in = InvalidField.body(body);
        String address = UserStore.normalise(in.email());
        String client = request.getRemoteAddr();
        Duration wait = max(byAddress.retryAfter(address), byClient.retryAfter(client));
        if (!wait.isZero()) {
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds()))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of("too_many_attempts",
                            "too many failed sign-ins; try again in " + Math.max(1, wait.toSeconds()) + " s", null)).build();
        }
        User user = users.byEmail(address).orElse(null);
        boolean ok;
        if (user == null) {
            hasher.matches(in.password(), decoyHash); // same cost as a wrong password: no probing for addresses
            ok = false;
        } else {
            ok = users.checkPassword(user, in.password());
        }
        if (!ok) {
            byAddress.failed(address);
            byClient.failed(client);
            throw new ApiException(401, "unauthenticated", "wrong e-mail address or password", null);
        }
        byAddress.succeeded(address);
        SessionStore.Opened opened = sessions.open(user);
        audit.record(user.actor(), user.org(), "session.signed-in", user.email(), Map.of());
        return Response.ok(new SessionView(UserView.of(user), opened.session().csrfToken(), opened.session().expiresAt()))
                .cookie(cookie(opened.cookie(), (int) config.sessionMax().toSeconds())).build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(Authentication.COOKIE).value(value).path("/").httpOnly(true)
                .secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }

    /** @param security the caller @return who is signed in, and the CSRF token of the session */
    @GET
    @BeforePasswordChange
    public SessionView current(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (caller.sessionKey() == null) {
            return new SessionView(UserView.of(caller.user()), null, null);
        }
        // The session was found by the filter a moment ago; read it again for its CSRF token.
        return sessions.byKey(caller.sessionKey())
                .map(s -> new SessionView(UserView.of(caller.user()), s.csrfToken(), s.expiresAt()))
                .orElseThrow(() -> new ApiException(401, "unauthenticated", "your session has ended; sign in again", null));
    }

    /** @param security the caller @return 204, with the cookie cleared */
    @DELETE
    @BeforePasswordChange
    public Response signOut(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (caller.sessionKey() == null) {
            throw ApiException.badRequest(null, "signing out ends a session; an API token is revoked with DELETE /api/tokens/{id}");
        }
        sessions.close(caller.sessionKey());
        audit.record(caller.actor(), caller.user().org(), "session.signed-out", caller.user().email(), Map.of());
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    /** @param body current and new password @param security the caller @return 204 */
    @PUT
    @Path("/password")
    @BeforePasswordChange
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange body, @Context SecurityContext security) {
        PasswordChange in = InvalidField.body(body);
        Caller caller = Caller.of(security);
        if (!users.checkPassword(caller.user(), in.currentPassword())) {
            throw ApiException.badRequest("currentPassword", "the current password is wrong");
        }
        if (in.newPassword().equals(in.currentPassword())) {
            throw ApiException.badRequest("newPassword", "the new password must differ from the current one");
        }
        users.setPassword(caller.user(), in.newPassword(), false);
        sessions.closeAll(caller.user().id(), caller.sessionKey());
        audit.record(caller.actor(), caller.user().org(), "user.password-changed", caller.user().email(), Map.of());
        return Response.noContent().build();
    }
}
