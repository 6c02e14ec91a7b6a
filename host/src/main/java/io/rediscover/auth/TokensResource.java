package io.rediscover.auth;

import io.rediscover.audit.AuditLog;
import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.rediscover.web.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's API tokens: create ({@code POST /api/tokens}; the secret is in that response only), list and
 * revoke. Tokens are made from a signed-in session, not from another token, so a leaked token cannot mint more.
 */
@Tag(name = "API tokens")
@Path("/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class TokensResource implements ApiResource {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;

    private final ApiTokenStore tokens;
    private final AuditLog audit;

    /** @param tokens tokens @param audit the audit log */
    @Inject
    public TokensResource(ApiTokenStore tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    /** @param name what the token is for @param expiresInDays its lifetime (1–365, default 90) */
    public record NewToken(String name, Integer expiresInDays) {
        /** Validates. */
        public NewToken {
            name = InvalidField.text("name", name, 100);
            if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
                throw new InvalidField("expiresInDays", "'expiresInDays' must be between 1 and " + MAX_DAYS);
            }
        }
    }

    /**
     * @param id        the token's id
     * @param name      its name
     * @param token     the secret: send it as {@code Authorization: Bearer <token>}; shown only here
     * @param expiresAt when it stops working
     */
    public record CreatedToken(String id, String name, String token, Instant expiresAt) {
    }

    /** @param tokens the caller's tokens, without secrets */
    public record Tokens(List<ApiTokenStore.ApiToken> tokens) {
    }

    /** @param body name and lifetime @param security the caller @return 201 with the secret */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make an API token for scripts (shown once)",
            responses = @ApiResponse(responseCode = "201", description = "the token; keep it, it is not shown again",
                    content = @Content(schema = @Schema(implementation = CreatedToken.class))))
    public Response create(NewToken body, @Context SecurityContext security) {
        NewToken in = InvalidField.body(body);
        Caller caller = Caller.of(security);
        if (caller.sessionKey() == null) {
            throw ApiException.forbidden("API tokens are created from a signed-in session, not with another token");
        }
        int days = in.expiresInDays() == null ? DEFAULT_DAYS : in.expiresInDays();
        ApiTokenStore.Created c = tokens.create(caller.user(), in.name(), Duration.ofDays(days));
        audit.record(caller.actor(), caller.user().org(), "token.created", c.token().id(), Map.of("name", in.name(),
                "expiresAt", c.token().expiresAt().toString()));
        return Response.status(201).entity(new CreatedToken(c.token().id(), in.name(), c.secret(), c.token().expiresAt())).build();
    }

    /** @param security the caller @return their tokens */
    @GET
    @Operation(summary = "One's API tokens (never their secrets)")
    public Tokens list(@Context SecurityContext security) {
        return new Tokens(tokens.of(Caller.of(security).user().id()));
    }

    /** @param id a token of the caller's @param security the caller @return 204 */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke one of one's API tokens",
            responses = @ApiResponse(responseCode = "204", description = "revoked"))
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (!tokens.revoke(caller.user().id(), id)) {
            throw ApiException.notFound("token '" + id + "'");
        }
        audit.record(caller.actor(), caller.user().org(), "token.revoked", id, Map.of());
        return Response.noContent().build();
    }
}
