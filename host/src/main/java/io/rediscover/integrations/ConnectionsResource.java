package io.rediscover.integrations;

import io.rediscover.audit.AuditLog;
import io.rediscover.budget.DailyBudget;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.sync.SyncScheduler;
import io.rediscover.tenancy.Caller;
import io.rediscover.tenancy.Org;
import io.rediscover.tenancy.Role;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.rediscover.web.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An org's integrations ({@code /api/connections}): org admins list, create (verified in the background:
 * VERIFYING → CONNECTED or FAILED with the field), edit (verified again; a secret left blank keeps the stored one) and
 * remove them (their sync stops and their mirror data goes); recruiters may read them. Every call acts in the
 * caller's own org, so another org's connection id is simply not found. Removing is allowed even when the org's
 * licence no longer includes integrations, so an org can always delete its data. A connection's sync and run history
 * are served by {@link ConnectionSyncResource}, under the same root path.
 */
@Tag(name = "Connections")
@Path("/connections")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectionsResource implements ApiResource {

    private final ConnectionStore connections;
    private final ConnectorRegistry registry;
    private final IntegrationGate gate;
    private final Verifier verifier;
    private final ConnectionRemoval removal;
    private final SyncScheduler scheduler;
    private final AuditLog audit;

    /**
     * @param connections stored connections
     * @param registry    loaded connectors
     * @param gate        licence and plugin gates
     * @param verifier    background verification
     * @param removal     background removal
     * @param scheduler   stops a sync whose credentials changed
     * @param audit       the audit log
     */
    @Inject
    public ConnectionsResource(ConnectionStore connections, ConnectorRegistry registry, IntegrationGate gate,
                               Verifier verifier, ConnectionRemoval removal, SyncScheduler scheduler, AuditLog audit) {
        this.connections = connections;
        this.registry = registry;
        this.gate = gate;
        this.verifier = verifier;
        this.removal = removal;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    /**
     * @param connectorId  which connector (create only; on edit it may be repeated but not changed)
     * @param capabilities what the connection is for, a subset of the connector's
     * @param credentials  values by credential key
     * @param budget       the daily request budget; left out: the connector's default on create, unchanged on edit
     */
    public record ConnectionRequest(String connectorId, List<Capability> capabilities, Map<String, String> credentials,
                                    BudgetForm.Request budget) {
        /** Validates shapes; the descriptor decides the rest. */
        public ConnectionRequest {
            InvalidField.maxLength("connectorId", connectorId, 100);
            InvalidField.items("capabilities", capabilities, 20);
            if (credentials != null && credentials.size() > 50) {
                throw new InvalidField("credentials", "'credentials' takes at most 50 entries");
            }
        }

        @Override
        public String toString() {
            return "ConnectionRequest[" + connectorId + ", " + capabilities + ", credentials "
                    + (credentials == null ? "none" : credentials.keySet()) + ", budget " + budget + "]";
        }
    }

    /** @param connections the org's connections */
    public record Connections(List<ConnectionView> connections) {
    }

    private Connection find(String org, String id) {
        return connections.get(org, id).orElseThrow(() -> ApiException.notFound("connection '" + id + "'"));
    }

    /** @param security the caller @return the org's connections */
    @GET
    @Operation(summary = "The org's connections (secrets only as set or not)")
    public Connections list(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        gate.require(caller.org());
        return new Connections(connections.list(caller.org()).stream().map(c -> view(c, caller)).toList());
    }

    /** @param id a connection @param security the caller @return it */
    @GET
    @Path("/{id}")
    @Operation(summary = "One connection")
    public ConnectionView get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        gate.require(caller.org());
        return view(find(caller.org(), id), caller);
    }

    private ConnectionView view(Connection c, Caller caller) {
        return view(c, caller.role() == Role.ORG_ADMIN);
    }

    /** The view with the budget the connection's syncs keep to: the one set, else its connector's default. */
    private ConnectionView view(Connection c, boolean admin) {
        Optional<DailyBudget> budget = registry.find(c.connectorId()).map(l -> c.budget(l.descriptor()))
                .orElse(Optional.ofNullable(c.budget()));
        return ConnectionView.of(c, admin, budget);
    }

    /** @param body connector, capabilities, credentials @param security the caller @return 201, VERIFYING */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect an ATS: verified in the background, then the first full sync",
            responses = @ApiResponse(responseCode = "201", description = "created, VERIFYING",
                    content = @Content(schema = @Schema(implementation = ConnectionView.class))),
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = ConnectionRequest.class),
                    examples = @ExampleObject(name = "iCIMS",
                    value = "{\"connectorId\":\"icims-stream\",\"capabilities\":[\"REDISCOVERY\"],\"credentials\":{\"clientId\":\"…\",\"clientSecret\":\"…\",\"streamId\":\"…\"}}"))))
    public Response create(ConnectionRequest body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requireOrgAdmin("connect an ATS");
        Org org = gate.require(caller.org());
        ConnectionRequest in = InvalidField.body(body);
        InvalidField.text("connectorId", in.connectorId(), 100);
        LoadedConnector connector = registry.find(in.connectorId()).orElseThrow(() -> ApiException.badRequest("connectorId",
                "no connector '" + in.connectorId() + "' is installed; GET /api/connectors lists those you may use"));
        gate.requireConnector(org, connector);
        ConnectorDescriptor d = connector.descriptor();
        Set<Capability> capabilities = CredentialsForm.capabilities(d, in.capabilities());
        Map<String, String> values = CredentialsForm.credentials(d, in.credentials(), Set.of());
        Optional<DailyBudget> budget = BudgetForm.budget(d, in.budget(), Optional.empty());
        Connection c = connections.create(org.id(), d, capabilities, values, budget);
        audit.record(caller.actor(), org.id(), "connection.created", c.id(), Map.of("connectorId", d.id(),
                "capabilities", capabilities.toString(), "credentialsSet", new TreeSet<>(values.keySet()).toString(),
                "budget", String.valueOf(budget.orElse(null))));
        verifier.verify(c);
        return Response.created(URI.create("/api/connections/" + c.id())).entity(view(c, true)).build();
    }

    /** @param id a connection @param body capabilities and credentials @param security the caller @return it, VERIFYING */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "New capabilities and credentials (a blank secret keeps the stored one); verified again")
    public ConnectionView update(@PathParam("id") String id, ConnectionRequest body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requireOrgAdmin("change integrations");
        Org org = gate.require(caller.org());
        Connection c = find(org.id(), id);
        ConnectionRequest in = InvalidField.body(body);
        if (in.connectorId() != null && !in.connectorId().equals(c.connectorId())) {
            throw ApiException.badRequest("connectorId", "a connection's connector cannot change; create a new connection");
        }
        if (c.status() == Connection.Status.REMOVING) {
            throw ApiException.conflict("connection " + id + " is being removed");
        }
        LoadedConnector connector = registry.find(c.connectorId()).orElseThrow(() -> ApiException.conflict(
                "the connector '" + c.connectorId() + "' is not installed on this server any more"));
        gate.requireConnector(org, connector);
        ConnectorDescriptor d = connector.descriptor();
        Set<Capability> capabilities = CredentialsForm.capabilities(d, in.capabilities());
        Map<String, String> values = CredentialsForm.credentials(d, in.credentials(), c.sealed().keySet());
        Optional<DailyBudget> budget = BudgetForm.budget(d, in.budget(), c.budget(d));
        Connection updated = connections.update(c, d, capabilities, values, budget);
        scheduler.cancel(new ConnectionRef(org.id(), id)); // a run with the old credentials stops; the new ones verify first
        audit.record(caller.actor(), org.id(), "connection.updated", id, Map.of("capabilities", capabilities.toString(),
                "credentialsGiven", new TreeSet<>(values.keySet()).toString(), "budget", String.valueOf(budget.orElse(null))));
        verifier.verify(updated);
        return view(updated, true);
    }

    /** @param id a connection @param security the caller @return 202, REMOVING; it is gone once its data is */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a connection and everything mirrored and derived from it",
            responses = @ApiResponse(responseCode = "202", description = "REMOVING",
                    content = @Content(schema = @Schema(implementation = ConnectionView.class))))
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requireOrgAdmin("remove integrations");
        Connection c = find(caller.org(), id);
        if (c.status() != Connection.Status.REMOVING) {
            removal.remove(c);
            audit.record(caller.actor(), c.org(), "connection.removed", id, Map.of("connectorId", c.connectorId()));
        }
        return Response.accepted(view(connections.get(c.org(), id).orElse(c), true)).build();
    }
}
