package io.rediscover.plugins;

import io.rediscover.health.HealthCheck;
import jakarta.inject.Inject;

/** Health: the plugins are loaded and how many connectors they offer. */
final class PluginsHealth implements HealthCheck {

    private final ConnectorRegistry registry;

    @Inject
    PluginsHealth(ConnectorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public Status check() {
        int plugins = registry.pluginCount();
        return new Status(true, plugins + " plugin(s) loaded, connectors "
                + registry.connectors().stream().map(LoadedConnector::id).toList());
    }
}
