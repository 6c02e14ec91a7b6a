package io.rediscover.plugins;

import io.rediscover.pluginapi.PluginApi;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultPluginRepository;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PF4J configured for the host: zip (or unpacked directory) plugins from one directory, the host's class-loading
 * policy ({@link HostPluginClassLoader}), the plugin contract's version as the system version (so
 * {@code Plugin-Requires} is enforced), and a record of every plugin that failed to load, which PF4J itself would only
 * log.
 */
final class HostPluginManager extends DefaultPluginManager {

    /** A plugin path PF4J could not load, and why. */
    record LoadFailure(Path path, Exception error) {
    }

    private final List<LoadFailure> loadFailures = new ArrayList<>();

    HostPluginManager(Path pluginsRoot) {
        super(pluginsRoot);
        setSystemVersion(PluginApi.VERSION);
        setExactVersionAllowed(false);
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // Zips and unpacked directories only: no development mode, no bare jars.
        return new CompoundPluginRepository().add(new DefaultPluginRepository(getPluginsRoots()));
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader().add(new DefaultPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new HostPluginClassLoader(pluginManager, descriptor, HostPluginManager.class.getClassLoader());
            }
        });
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            PluginWrapper plugin = super.loadPluginFromPath(pluginPath);
            if (plugin == null) {
                loadFailures.add(new LoadFailure(pluginPath, new IllegalStateException("not a valid plugin zip")));
            }
            return plugin;
        } catch (RuntimeException e) {
            loadFailures.add(new LoadFailure(pluginPath, e));
            throw e;
        }
    }

    List<LoadFailure> loadFailures() {
        return List.copyOf(loadFailures);
    }
}
