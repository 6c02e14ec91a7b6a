package io.rediscover.integrations;

import com.google.inject.AbstractModule;
import io.rediscover.candidates.ConnectionDescriptors;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.sync.SyncConnections;
import io.rediscover.web.WebModule;

/** Integrations: connectors, stored connections, and the connections the sync engine may run. */
public final class IntegrationsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ConnectionStore.class);
        bind(IntegrationGate.class);
        Lifecycle.manage(binder(), Verifier.class);
        Lifecycle.manage(binder(), ConnectionRemoval.class);
        WebModule.addResource(binder(), ConnectionsResource.class);
        WebModule.addResource(binder(), ConnectionSyncResource.class);
        bind(SyncConnections.class).to(ConnectionsForSync.class);
        bind(ConnectionDescriptors.class).to(ConnectionsForCandidates.class);
        WebModule.addResource(binder(), ConnectorsResource.class);
    }
}
