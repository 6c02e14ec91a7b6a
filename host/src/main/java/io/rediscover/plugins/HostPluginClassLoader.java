package io.rediscover.plugins;

import io.rediscover.pluginapi.PluginApi;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: plugin-first for everything (so a plugin's own JSON or HTTP library never clashes with the
 * host's), except the plugin contract, which always comes from the host. If a plugin bundled its own copy of
 * {@code plugin-api}, its connector would otherwise implement a different {@code AtsConnector} class and be silently
 * skipped ("extension not assignable").
 */
final class HostPluginClassLoader extends PluginClassLoader {

    static final String CONTRACT_PACKAGE = PluginApi.class.getPackageName() + ".";

    HostPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        return className.startsWith(CONTRACT_PACKAGE) || super.shouldDelegateToParent(className);
    }
}
