package io.rediscover.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rediscover.config.HostConfig;
import io.rediscover.web.ApiResource;
import io.rediscover.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/health}: 200 when every check passes, 503 otherwise, for load balancers and monitoring. Answers
 * without sign-in with the status alone; each check's detail (the store file, the plugins) is for signed-in platform
 * admins, or for anyone when {@code health.details} is {@code public}.
 */
@Tag(name = "Installation")
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class HealthResource implements ApiResource {

    /** The role that sees the details: the tenancy's platform admin, as the authentication filter names roles. */
    static final String DETAILS_ROLE = "PLATFORM_ADMIN";

    private final Set<HealthCheck> checks;
    private final boolean publicDetails;

    /** @param checks every contributed check @param config host configuration: {@code health.details} */
    @Inject
    public HealthResource(Set<HealthCheck> checks, HostConfig config) {
        this.checks = checks;
        this.publicDetails = config.healthDetails() == HostConfig.HealthDetails.PUBLIC;
    }

    /**
     * The response body.
     * @param status "ok", "warning" (works, but someone should act) or "failing"
     * @param checks each check's state by name; absent for callers who may not see the details
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, Map<String, HealthCheck.Status> checks) {
    }

    /** @param security the caller, when credentials came along @return the health report */
    @GET
    @Public
    @Operation(summary = "Whether every part is healthy (200) or not (503); details for platform admins",
            responses = @ApiResponse(responseCode = "200", description = "healthy",
                    content = @Content(schema = @Schema(implementation = Health.class))))
    public Response health(@Context SecurityContext security) {
        Map<String, HealthCheck.Status> out = new LinkedHashMap<>();
        boolean ok = true;
        boolean warned = false;
        for (HealthCheck check : checks) {
            HealthCheck.Status s;
            try {
                s = check.check();
            } catch (RuntimeException e) {
                s = new HealthCheck.Status(false, "check failed: " + e.getClass().getSimpleName());
            }
            out.put(check.name(), s);
            ok &= s.ok();
            warned |= s.warning() != null;
        }
        String status = !ok ? "failing" : warned ? "warning" : "ok";
        boolean details = publicDetails || (security != null && security.isUserInRole(DETAILS_ROLE));
        return Response.status(ok ? 200 : 503).entity(new Health(status, details ? out : null)).build();
    }
}
