package io.rediscover.plugins;

import com.google.inject.AbstractModule;
import io.rediscover.health.HealthModule;
import io.rediscover.lifecycle.Lifecycle;

/** Plugin loading: binds the {@link ConnectorRegistry}, which the rest of the host depends on instead of PF4J. */
public final class PluginsModule extends AbstractModule {
    @Override
    protected void configure() {
        Lifecycle.manage(binder(), ConnectorRegistry.class);
        Lifecycle.manage(binder(), ConnectorContexts.class);
        HealthModule.addCheck(binder(), PluginsHealth.class);
    }
}
