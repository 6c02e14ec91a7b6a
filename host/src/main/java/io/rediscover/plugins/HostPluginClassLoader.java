package io.rediscover.plugins;

import io.rediscover.pluginapi.PluginApi;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

import java.util.List;

/**
 * A plugin's class loader, with a wall (Trino's plugin class loader is the model): its parent is the JDK's platform
 * loader, so a plugin sees the Java platform, its own jars, and from the host only the packages in
 * {@link #SHARED_PACKAGES}. Anything else the host bundles (Jackson, Guice, Jetty, H2, …) is invisible: a plugin that
 * needs a library brings its own copy, which can never clash with the host's, and the host can upgrade its libraries
 * without breaking plugins that happened to use them.
 *
 * <p>The shared packages always come from the host, even when a plugin bundles a copy: two copies of the contract
 * would make the plugin's connector implement a different {@code AtsConnector} ("extension not assignable").
 */
final class HostPluginClassLoader extends PluginClassLoader {

    /**
     * What the host shares with plugins: the contract, PF4J (the {@code @Extension} machinery the contract builds on)
     * and the SLF4J API (so a plugin library that logs through SLF4J ends up in the host's log).
     */
    static final List<String> SHARED_PACKAGES = List.of(PluginApi.class.getPackageName() + ".", "org.pf4j.", "org.slf4j.");

    private final ClassLoader host;

    /**
     * @param manager    the plugin manager
     * @param descriptor the plugin's descriptor
     * @param host       the host's class loader, for the shared packages
     */
    HostPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        boolean shared = SHARED_PACKAGES.stream().anyMatch(className::startsWith);
        return shared ? host.loadClass(className) : super.loadClass(className);
    }
}
