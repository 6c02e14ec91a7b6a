package io.rediscover.integrations;

import io.rediscover.config.HostConfig;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.tenancy.Caller;
import io.rediscover.tenancy.Org;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/**
 * {@code GET /api/connectors}: the connectors the caller's org may use (its allowed plugins, behind the licence
 * gates), with their full descriptors; deprecated ones are flagged. Recruiters read them too: the ATS-only filters of
 * search come from the descriptors.
 */
@Tag(name = "Connections")
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorsResource implements ApiResource {

    private final ConnectorRegistry registry;
    private final List<String> egressIps;
    private final IntegrationGate gate;

    /**
     * @param registry the loaded connectors
     * @param config host configuration (egress IPs)
     * @param gate licence and plugin gates
     */
    @Inject
    public ConnectorsResource(ConnectorRegistry registry, HostConfig config, IntegrationGate gate) {
        this.registry = registry;
        this.egressIps = config.egressIps();
        this.gate = gate;
    }

    /**
     * The response body.
     * @param connectors the connectors, by id
     */
    public record Connectors(List<ConnectorView> connectors) {
    }

    /** @param security the caller @return the connectors the caller's org may use */
    @GET
    @Operation(summary = "The connectors the org may use, with their descriptors")
    public Connectors list(@Context SecurityContext security) {
        Org org = gate.require(Caller.of(security).org());
        return new Connectors(registry.connectors().stream().filter(c -> IntegrationGate.allows(org, c))
                .map(c -> ConnectorView.of(c, egressIps)).toList());
    }

    /**
     * @param id a connector id
     * @param security the caller
     * @return that connector; 403 when the org may not use it
     */
    @GET
    @Path("/{id}")
    @Operation(summary = "One connector's descriptor")
    public ConnectorView get(@PathParam("id") String id, @Context SecurityContext security) {
        Org org = gate.require(Caller.of(security).org());
        LoadedConnector c = registry.find(id).orElseThrow(() -> ApiException.notFound("connector '" + id + "'"));
        gate.requireConnector(org, c);
        return ConnectorView.of(c, egressIps);
    }
}
