package io.rediscover.integrations;

import com.google.inject.AbstractModule;
import io.rediscover.sync.SyncConnections;
import io.rediscover.web.WebModule;

/** Integrations: connectors, stored connections, and the connections the sync engine may run. */
public final class IntegrationsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ConnectionStore.class);
        bind(SyncConnections.class).to(ConnectionsForSync.class);
        WebModule.addResource(binder(), ConnectorsResource.class);
        WebModule.addResource(binder(), ConnectionSyncResource.class);
        WebModule.addResource(binder(), ReindexResource.class);
    }
}
