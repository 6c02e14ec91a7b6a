package io.rediscover.tenancy;

import io.rediscover.audit.AuditLog;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Platform admins: orgs with their licence tier, ATS-integrations switch and allowed plugins
 * ({@code GET/POST /api/admin/orgs}, {@code GET/PATCH /api/admin/orgs/{org}}), and their users
 * ({@code GET/POST /api/admin/orgs/{org}/users}, {@code DELETE /api/admin/orgs/{org}/users/{user}}). Every change is audit-logged in the org's log.
 */
@Tag(name = "Orgs")
@Path("/admin/orgs")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class OrgsResource implements ApiResource {

    private final OrgStore orgs;
    private final ConnectorRegistry connectors;
    private final AuditLog audit;
    private final OrgUsers orgUsers;

    /**
     * @param orgs       orgs
     * @param connectors installed plugins
     * @param audit      the audit log
     * @param orgUsers   the users of orgs
     */
    @Inject
    public OrgsResource(OrgStore orgs, ConnectorRegistry connectors, AuditLog audit, OrgUsers orgUsers) {
        this.orgs = orgs;
        this.connectors = connectors;
        this.audit = audit;
        this.orgUsers = orgUsers;
    }

    /**
     * @param id                  new org id
     * @param name                display name
     * @param tier                licence tier
     * @param integrationsEnabled ATS integrations switch (default off)
     * @param plugins             allowed plugin ids (default none)
     */
    public record NewOrg(String id, String name, LicenceTier tier, Boolean integrationsEnabled, List<String> plugins) {
        /** Validates. */
        public NewOrg {
            InvalidField.matching("id", id, OrgStore.ID, "2–40 characters: lower-case letters, digits and '-', starting with a letter");
            name = InvalidField.text("name", name, 200);
            InvalidField.required("tier", tier);
            InvalidField.items("plugins", plugins, 100);
        }
    }

    /**
     * A partial change: absent fields stay as they are.
     *
     * @param name                display name
     * @param tier                licence tier
     * @param integrationsEnabled ATS integrations switch
     * @param plugins             allowed plugin ids (the whole list)
     */
    public record OrgChange(String name, LicenceTier tier, Boolean integrationsEnabled, List<String> plugins) {
        /** Validates. */
        public OrgChange {
            if (name != null) {
                name = InvalidField.text("name", name, 200);
            }
            InvalidField.items("plugins", plugins, 100);
        }
    }

    /** @param orgs every org */
    public record Orgs(List<Org> orgs) {
    }

    private Org find(String id) {
        return orgs.get(id).orElseThrow(() -> ApiException.notFound("org '" + id + "'"));
    }

    private Set<String> knownPlugins(List<String> plugins) {
        if (plugins == null) {
            return Set.of();
        }
        Set<String> installed = connectors.connectors().stream().map(LoadedConnector::pluginId).collect(Collectors.toSet());
        for (int i = 0; i < plugins.size(); i++) {
            if (!installed.contains(plugins.get(i))) {
                throw ApiException.badRequest("plugins[" + i + "]", "no plugin '" + plugins.get(i)
                        + "' is installed on this server; installed: " + new TreeSet<>(installed));
            }
        }
        return Set.copyOf(plugins);
    }

    /** @param security the caller @return every org */
    @GET
    @Operation(summary = "Every org")
    public Orgs list(@Context SecurityContext security) {
        Caller.of(security).requirePlatformAdmin("list organisations");
        return new Orgs(orgs.list());
    }

    /** @param body the org @param security the caller @return 201 with the org; 409 when the id is taken */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an org with its licence tier, integrations switch and plugins",
            responses = @ApiResponse(responseCode = "201", description = "created",
                    content = @Content(schema = @Schema(implementation = Org.class))))
    public Response create(NewOrg body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requirePlatformAdmin("create organisations");
        NewOrg in = InvalidField.body(body);
        Set<String> plugins = knownPlugins(in.plugins());
        Org org = orgs.create(in.id(), in.name(), in.tier(), Boolean.TRUE.equals(in.integrationsEnabled()), plugins)
                .orElseThrow(() -> ApiException.conflict("an org with id '" + in.id() + "' already exists"));
        audit.record(caller.actor(), org.id(), "org.created", org.id(), Map.of("tier", org.tier().name(),
                "integrationsEnabled", Boolean.toString(org.integrationsEnabled()), "plugins", String.join(",", new TreeSet<>(plugins))));
        return Response.created(URI.create("/api/admin/orgs/" + org.id())).entity(org).build();
    }

    /** @param id an org @param security the caller @return the org */
    @GET
    @Path("/{org}")
    @Operation(summary = "One org")
    public Org get(@PathParam("org") String id, @Context SecurityContext security) {
        Caller.of(security).requirePlatformAdmin("read organisations");
        return find(id);
    }

    /** @param id an org @param body what changes @param security the caller @return the changed org */
    @PATCH
    @Path("/{org}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an org's tier, integrations switch or plugins")
    public Org update(@PathParam("org") String id, OrgChange body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requirePlatformAdmin("change organisations");
        OrgChange in = InvalidField.body(body);
        find(id);
        Set<String> plugins = in.plugins() == null ? null : knownPlugins(in.plugins());
        Map<String, String> changed = new LinkedHashMap<>();
        Org updated = orgs.update(id, o -> {
            Org n = new Org(o.id(), in.name() != null ? in.name() : o.name(), in.tier() != null ? in.tier() : o.tier(),
                    in.integrationsEnabled() != null ? in.integrationsEnabled() : o.integrationsEnabled(),
                    plugins != null ? plugins : o.plugins(), o.createdAt(), o.updatedAt());
            if (!n.name().equals(o.name())) {
                changed.put("name", n.name());
            }
            if (n.tier() != o.tier()) {
                changed.put("tier", o.tier() + " -> " + n.tier());
            }
            if (n.integrationsEnabled() != o.integrationsEnabled()) {
                changed.put("integrationsEnabled", Boolean.toString(n.integrationsEnabled()));
            }
            if (!n.plugins().equals(o.plugins())) {
                changed.put("plugins", String.join(",", new TreeSet<>(n.plugins())));
            }
            return n;
        }).orElseThrow(() -> ApiException.notFound("org '" + id + "'"));
        if (!changed.isEmpty()) {
            audit.record(caller.actor(), id, "org.updated", id, changed);
        }
        return updated;
    }

    /** @param id an org @param security the caller @return its users */
    @GET
    @Path("/{org}/users")
    @Operation(summary = "An org's users")
    public OrgUsers.Users users(@PathParam("org") String id, @Context SecurityContext security) {
        Caller.of(security).requirePlatformAdmin("list the users of organisations");
        return orgUsers.list(find(id).id());
    }

    /** @param id an org @param body the user @param security the caller @return 201 with the user; 409 when the address is taken */
    @POST
    @Path("/{org}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a user to an org",
            responses = @ApiResponse(responseCode = "201", description = "added",
                    content = @Content(schema = @Schema(implementation = UserView.class))))
    public Response addUser(@PathParam("org") String id, OrgUsers.NewUser body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requirePlatformAdmin("add users to organisations");
        OrgUsers.NewUser in = InvalidField.body(body);
        return Response.status(201).entity(orgUsers.add(caller, find(id).id(), in)).build();
    }

    /**
     * Offboarding: the user can no longer sign in, their sessions end and their API tokens stop working at once.
     *
     * @param id       an org
     * @param userId   one of its users
     * @param security the caller
     * @return 204
     */
    @DELETE
    @Path("/{org}/users/{user}")
    @Operation(summary = "Offboard a user: their sessions end and tokens stop",
            responses = @ApiResponse(responseCode = "204", description = "removed"))
    public Response removeUser(@PathParam("org") String id, @PathParam("user") String userId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requirePlatformAdmin("remove users");
        orgUsers.remove(caller, find(id).id(), userId);
        return Response.noContent().build();
    }
}
