package io.rediscover.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * ({@code PUT /api/session/password}, from a session only, which ends the user's other sessions and all their API
 * tokens). Failed sign-ins are slowed down per address and per client, and answered alike whether the address exists
 * or not; a wrong current password in a password change counts as a failed sign-in of the user's address, so a stolen
 * session is no way around the throttle.
 */
@Tag(name = "Sessions")
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class SessionResource implements ApiResource {

    private final UserStore users;
    private final SessionStore sessions;
    private final ApiTokenStore tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle byAddress;
    /** Per client (IP) the bar is higher: offices share addresses; it still stops one machine trying many accounts. */
    private final LoginThrottle byClient;
    private final AuditLog audit;
    private final HostConfig.Auth config;
    /** Checked when the address is unknown, so a miss costs as much time as a wrong password. */
    private final String decoyHash;
    private final Counter wrongCredentials;
    private final Counter throttled;

    /**
     * @param users    users
     * @param sessions sessions
     * @param tokens   API tokens, ended by a password change
     * @param hasher   password hashing
     * @param audit    the audit log
     * @param config   host configuration: {@code auth.*}
     * @param clock    the host's clock
     * @param meters   counts failed sign-ins ({@code rediscover_signin_failures_total})
     */
    @Inject
    public SessionResource(UserStore users, SessionStore sessions, ApiTokenStore tokens, PasswordHasher hasher,
                           AuditLog audit, HostConfig config, Clock clock, MeterRegistry meters) {
        this.wrongCredentials = signInFailures(meters, "wrong_credentials");
        this.throttled = signInFailures(meters, "throttled");
        this.byAddress = new LoginThrottle(clock);
        this.byClient = new LoginThrottle(clock, 50);
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.audit = audit;
        this.config = config.auth();
        this.decoyHash = hasher.hash(Secrets.random());
    }

    private static Counter signInFailures(MeterRegistry meters, String reason) {
        return Counter.builder("rediscover.signin.failures").description("Sign-ins refused, by reason")
                .tag("reason", reason).register(meters);
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
    @Operation(summary = "Sign in: a session cookie and the CSRF token to echo",
            responses = @ApiResponse(responseCode = "200", description = "signed in; the session cookie is set",
                    content = @Content(schema = @Schema(implementation = SessionView.class))),
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = SignIn.class),
                    examples = @ExampleObject(name = "an org admin",
                    value = "{\"email\":\"ada@acme.example\",\"password\":\"correct horse battery\"}"))))
    public Response signIn(SignIn body, @Context HttpServletRequest request) {
        SignIn in = InvalidField.body(body);
        String address = UserStore.normalise(in.email());
        String client = request.getRemoteAddr();
        Duration wait = max(byAddress.retryAfter(address), byClient.retryAfter(client));
        if (!wait.isZero()) {
            throttled.increment();
            return tooManyAttempts(wait, "too many failed sign-ins");
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
            wrongCredentials.increment();
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

    private static Response tooManyAttempts(Duration wait, String what) {
        long seconds = Math.max(1, wait.toSeconds());
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("too_many_attempts", what + "; try again in " + seconds + " s", null)).build();
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(Authentication.COOKIE).value(value).path("/").httpOnly(true)
                .secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }

    /** @param security the caller @return who is signed in, and the CSRF token of the session */
    @GET
    @BeforePasswordChange
    @Operation(summary = "Who is signed in, and the session's CSRF token")
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
    @Operation(summary = "Sign out: the session ends",
            responses = @ApiResponse(responseCode = "204", description = "signed out; the cookie is cleared"))
    public Response signOut(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (caller.sessionKey() == null) {
            throw ApiException.badRequest(null, "signing out ends a session; an API token is revoked with DELETE /api/tokens/{id}");
        }
        sessions.close(caller.sessionKey());
        audit.record(caller.actor(), caller.user().org(), "session.signed-out", caller.user().email(), Map.of());
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    /**
     * Changes the caller's password. Only from a session: a leaked API token must not be able to take the account
     * over. Wrong current passwords are throttled like failed sign-ins of the user's address (the same budget), and
     * the change ends every other session and every API token of the user.
     *
     * @param body current and new password @param security the caller @return 204; 429 after too many wrong guesses
     */
    @PUT
    @Path("/password")
    @BeforePasswordChange
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's password (from a session); ends one's other sessions and API tokens",
            responses = @ApiResponse(responseCode = "204", description = "changed"))
    public Response changePassword(PasswordChange body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (caller.sessionKey() == null) {
            throw ApiException.forbidden("a password is changed from a signed-in session (POST /api/session), "
                    + "not with an API token");
        }
        PasswordChange in = InvalidField.body(body);
        User user = caller.user();
        Duration wait = byAddress.retryAfter(user.email());
        if (!wait.isZero()) {
            return tooManyAttempts(wait, "too many wrong passwords for this account");
        }
        if (!users.checkPassword(user, in.currentPassword())) {
            byAddress.failed(user.email());
            throw ApiException.badRequest("currentPassword", "the current password is wrong");
        }
        byAddress.succeeded(user.email());
        if (in.newPassword().equals(in.currentPassword())) {
            throw ApiException.badRequest("newPassword", "the new password must differ from the current one");
        }
        users.setPassword(user, in.newPassword(), false);
        sessions.closeAll(user.id(), caller.sessionKey());
        int revoked = tokens.revokeAll(user.id());
        audit.record(caller.actor(), user.org(), "user.password-changed", user.email(),
                Map.of("apiTokensRevoked", Integer.toString(revoked)));
        return Response.noContent().build();
    }
}
