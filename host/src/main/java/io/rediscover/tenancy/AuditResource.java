package io.rediscover.tenancy;

import io.rediscover.audit.AuditEvent;
import io.rediscover.audit.AuditLog;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/**
 * Reading the audit log: org admins read their org's ({@code GET /api/audit}); platform admins read any org's or the
 * installation's ({@code GET /api/admin/audit?org=}).
 */
@Tag(name = "Audit")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class AuditResource implements ApiResource {

    static final int MAX_LIMIT = 1_000;

    private final AuditLog log;
    private final OrgStore orgs;

    /** @param log the audit log @param orgs orgs */
    @Inject
    public AuditResource(AuditLog log, OrgStore orgs) {
        this.log = log;
        this.orgs = orgs;
    }

    /** @param events newest first */
    public record Events(List<AuditEvent> events) {
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** @param limit how many @param security the caller @return the org's newest events */
    @GET
    @Path("audit")
    @Operation(summary = "The org's audit log")
    public Events orgEvents(@QueryParam("limit") @DefaultValue("100") int limit, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requireOrgAdmin("read the audit log");
        return new Events(log.latest(caller.org(), limit(limit)));
    }

    /** @param org an org, or absent for the installation @param limit how many @param security the caller @return events */
    @GET
    @Path("admin/audit")
    @Operation(summary = "An org's audit log, or the installation's")
    public Events anyEvents(@QueryParam("org") String org, @QueryParam("limit") @DefaultValue("100") int limit,
                            @Context SecurityContext security) {
        Caller.of(security).requirePlatformAdmin("read the audit log of any organisation");
        if (org != null && orgs.get(org).isEmpty()) {
            throw ApiException.notFound("org '" + org + "'");
        }
        return new Events(log.latest(org, limit(limit)));
    }
}
