package io.rediscover.integrations;

import com.google.inject.AbstractModule;
import io.rediscover.web.WebModule;

/** Integrations: the connectors API (connections arrive with tenancy). */
public final class IntegrationsModule extends AbstractModule {
    @Override
    protected void configure() {
        WebModule.addResource(binder(), ConnectorsResource.class);
    }
}
