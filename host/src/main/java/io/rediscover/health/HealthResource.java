package io.rediscover.health;

import io.rediscover.web.ApiResource;
import io.rediscover.web.Public;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/health}: 200 when every check passes, 503 otherwise, with each check's state, for load balancers and
 * monitoring. Answers without sign-in and reveals no tenant data.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class HealthResource implements ApiResource {

    private final Set<HealthCheck> checks;

    /** @param checks every contributed check */
    @Inject
    public HealthResource(Set<HealthCheck> checks) {
        this.checks = checks;
    }

    /**
     * The response body.
     * @param status "ok", "warning" (works, but someone should act) or "failing"
     * @param checks each check's state by name
     */
    public record Health(String status, Map<String, HealthCheck.Status> checks) {
    }

    /** @return the health report */
    @GET
    @Public
    public Response health() {
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
        return Response.status(ok ? 200 : 503).entity(new Health(status, out)).build();
    }
}
