package io.rediscover.plugins;

import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.ConnectorDescriptor;

import java.util.concurrent.Callable;

/**
 * A connector the host loaded, with where it came from. Every call into plugin code goes through {@link #call} so the
 * thread context class loader is the plugin's (libraries such as Jackson or JAXB look classes up through it).
 *
 * @param pluginId      the PF4J plugin id
 * @param pluginVersion the plugin's version
 * @param connector     the extension instance, shared by all connections
 * @param descriptor    its validated descriptor, read once at start-up
 */
public record LoadedConnector(String pluginId, String pluginVersion, AtsConnector connector,
                              ConnectorDescriptor descriptor) {

    /** @return the connector id */
    public String id() {
        return descriptor.id();
    }

    /**
     * Runs plugin code with the plugin's class loader as the thread context class loader.
     *
     * @param work the call into the plugin
     * @param <T>  its result type
     * @return its result
     * @throws Exception whatever the plugin threw
     */
    public <T> T call(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(connector.getClass().getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
