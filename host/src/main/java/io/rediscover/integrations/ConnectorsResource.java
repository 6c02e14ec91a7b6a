package io.rediscover.integrations;

import io.rediscover.config.HostConfig;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /api/connectors}: the connectors loaded on this host, with their full descriptors. */
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorsResource implements ApiResource {

    private final ConnectorRegistry registry;
    private final List<String> egressIps;

    /**
     * @param registry the loaded connectors
     * @param config host configuration (egress IPs)
     */
    @Inject
    public ConnectorsResource(ConnectorRegistry registry, HostConfig config) {
        this.registry = registry;
        this.egressIps = config.egressIps();
    }

    /**
     * The response body.
     * @param connectors the connectors, by id
     */
    public record Connectors(List<ConnectorView> connectors) {
    }

    /** @return every loaded connector */
    @GET
    public Connectors list() {
        return new Connectors(registry.connectors().stream().map(c -> ConnectorView.of(c, egressIps)).toList());
    }

    /**
     * @param id a connector id
     * @return that connector
     */
    @GET
    @Path("/{id}")
    public ConnectorView get(@PathParam("id") String id) {
        return registry.find(id).map(c -> ConnectorView.of(c, egressIps))
                .orElseThrow(() -> ApiException.notFound("connector '" + id + "'"));
    }
}
