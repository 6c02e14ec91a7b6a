package io.rediscover.testing;

import io.rediscover.Host;
import io.rediscover.budget.DailyBudget;
import io.rediscover.integrations.Connection;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.tenancy.LicenceTier;
import io.rediscover.tenancy.OrgStore;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orgs and connections for tests that exercise sync rather than the integrations API: an Enterprise org with the
 * iCIMS plugin allowed, and a connection stored as already verified.
 */
public final class TestTenants {

    /** The platform admin every test host starts with (see {@link TestHosts}). */
    public static final String ADMIN_EMAIL = "admin@test.local";
    /** Their password. */
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestTenants() {
    }

    /** A budget no sync test's tenant comes near: tests about something else never stop at it. */
    public static final DailyBudget AMPLE = new DailyBudget(DailyBudget.MAX_REQUESTS_PER_DAY, 0, "UTC");

    /**
     * @param orgs        the org store
     * @param connections the connection store
     * @param descriptor  the iCIMS descriptor
     * @param org         an org id (created when missing)
     * @param credentials clientId, clientSecret, streamId
     * @param budget      its daily request budget
     * @return a CONNECTED connection
     */
    public static Connection connected(OrgStore orgs, ConnectionStore connections, ConnectorDescriptor descriptor,
                                       String org, Map<String, String> credentials, DailyBudget budget) {
        orgs.create(org, org, LicenceTier.ENTERPRISE, true, Set.of("icims-stream"));
        Connection c = connections.create(org, descriptor, Set.of(Capability.REDISCOVERY), credentials, Optional.of(budget));
        connections.verified(new ConnectionRef(org, c.id()), c.revision(), Connection.Status.CONNECTED, null, null);
        return connections.get(org, c.id()).orElseThrow();
    }

    /** @param host a running host @param org an org @param credentials iCIMS credentials @return a CONNECTED connection */
    public static Connection connected(Host host, String org, Map<String, String> credentials) {
        return connected(host, org, credentials, AMPLE);
    }

    /**
     * @param host        a running host
     * @param org         an org
     * @param credentials iCIMS credentials
     * @param budget      its daily request budget
     * @return a CONNECTED connection
     */
    public static Connection connected(Host host, String org, Map<String, String> credentials, DailyBudget budget) {
        var icims = host.injector().getInstance(ConnectorRegistry.class).find("icims-stream").orElseThrow();
        return connected(host.injector().getInstance(OrgStore.class), host.injector().getInstance(ConnectionStore.class),
                icims.descriptor(), org, credentials, budget);
    }
}
