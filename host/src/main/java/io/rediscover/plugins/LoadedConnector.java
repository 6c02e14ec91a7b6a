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
        ClassLoader previous = enter();
        try {
            return work.call();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * @param task plugin code to run on a host thread (a concurrent read)
     * @return the task, run with the plugin's class loader as the thread context class loader
     */
    public Runnable inPluginContext(Runnable task) {
        return () -> {
            ClassLoader previous = enter();
            try {
                task.run();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        };
    }

    /** Makes the plugin's class loader the current thread's context class loader; returns the one it replaced. */
    private ClassLoader enter() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(connector.getClass().getClassLoader());
        return previous;
    }
}
