package io.rediscover.integrations;

import io.rediscover.plugins.LoadedConnector;
import io.rediscover.tenancy.Org;
import io.rediscover.tenancy.OrgStore;
import io.rediscover.web.ApiException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Whether an org may use ATS integrations, and which connectors: its licence must include them, a platform admin must
 * have switched them on, and a connector's plugin must be among the org's allowed plugins. The API answers a closed
 * gate with 403 and says why and what to do; the sync engine simply does not run the org's connections.
 */
@Singleton
public final class IntegrationGate {

    private final OrgStore orgs;

    /** @param orgs orgs */
    @Inject
    public IntegrationGate(OrgStore orgs) {
        this.orgs = orgs;
    }

    /**
     * @param orgId the caller's org
     * @return the org, when its integrations are open
     * @throws ApiException 403 saying why not
     */
    public Org require(String orgId) {
        Org org = orgs.get(orgId).orElseThrow(() -> ApiException.forbidden("your organisation no longer exists"));
        reason(org).ifPresent(why -> {
            throw ApiException.forbidden(why);
        });
        return org;
    }

    /**
     * @param org       an org whose integrations are open
     * @param connector a connector
     * @throws ApiException 403 when the org may not use it
     */
    public void requireConnector(Org org, LoadedConnector connector) {
        if (!allows(org, connector)) {
            throw ApiException.forbidden("the connector '" + connector.id() + "' is not enabled for your organisation; "
                    + "ask your customer success manager to enable it");
        }
    }

    /** @param org an org @param connector a connector @return whether the org may use it */
    public static boolean allows(Org org, LoadedConnector connector) {
        return org.plugins().contains(connector.pluginId());
    }

    /** @param orgId an org @param connector a connector @return whether the org's connections of it may sync */
    public boolean open(String orgId, LoadedConnector connector) {
        return orgs.get(orgId).filter(o -> reason(o).isEmpty() && allows(o, connector)).isPresent();
    }

    private static Optional<String> reason(Org org) {
        if (!org.tier().includesIntegrations()) {
            return Optional.of("ATS integrations are available on Professional and Enterprise licences; your organisation "
                    + "has a " + org.tier().label() + " licence. Ask your customer success manager about upgrading.");
        }
        if (!org.integrationsEnabled()) {
            return Optional.of("ATS integrations are not enabled for your organisation; ask your customer success manager "
                    + "to enable ATS integrations");
        }
        return Optional.empty();
    }
}
