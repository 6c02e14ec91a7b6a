package io.rediscover.plugins;

import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.Managed;
import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.DescriptorRules;
import io.rediscover.store.DataDirectory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The connectors this host can use: loads every plugin zip from {@code plugins.dir} once at start-up, validates each
 * plugin and each connector descriptor, and refuses to start ({@link PluginLoadException}) when any is broken, naming
 * the plugin and why. Nothing else in the host touches PF4J.
 *
 * <p>The zips are copied into a staging directory under the data directory and unpacked there, so the installation
 * directory stays read-only and an upgraded zip never meets a stale unpacked copy.
 */
@Singleton
public final class ConnectorRegistry implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Path pluginsDir;
    private final Path stagingDir;
    private HostPluginManager pf4j;
    private Map<String, LoadedConnector> connectors = Map.of();

    /**
     * @param config the host configuration: the plugins directory
     * @param data   the data directory, whose {@code tmp/} is emptied at start
     */
    @Inject
    public ConnectorRegistry(HostConfig config, DataDirectory data) {
        this.pluginsDir = config.pluginsDir();
        this.stagingDir = data.tmpDir().resolve("plugins");
    }

    @Override
    public void start() {
        List<Path> zips = stage();
        pf4j = new HostPluginManager(stagingDir);
        pf4j.loadPlugins();
        pf4j.startPlugins();

        List<String> problems = new ArrayList<>();
        pf4j.loadFailures().forEach(f -> problems.add(nameOf(f.path()) + ": cannot be loaded: " + rootMessage(f.error())));
        for (Path zip : zips) {
            Path unpacked = stagingDir.resolve(nameOf(zip).replaceFirst("(?i)\\.zip$", ""));
            boolean loaded = pf4j.getPlugins().stream().anyMatch(p -> p.getPluginPath().equals(unpacked));
            boolean reported = pf4j.loadFailures().stream().anyMatch(f -> f.path().equals(unpacked) || f.path().equals(zip));
            if (!loaded && !reported) {
                problems.add(nameOf(zip) + ": not a plugin zip (it could not be unpacked, or has no plugin.properties)");
            }
        }
        Map<String, LoadedConnector> found = new LinkedHashMap<>();
        for (PluginWrapper plugin : pf4j.getPlugins()) {
            problems.addAll(check(plugin, found));
        }
        if (!problems.isEmpty()) {
            stop();
            throw new PluginLoadException(problems);
        }
        connectors = Map.copyOf(found);
        LOG.info("loaded {} plugin(s) with connectors {}", pf4j.getPlugins().size(), found.keySet());
    }

    private List<String> check(PluginWrapper plugin, Map<String, LoadedConnector> found) {
        String label = "plugin '" + plugin.getPluginId() + "' (" + nameOf(plugin.getPluginPath()) + ")";
        String requires = plugin.getDescriptor().getRequires();
        if (requires == null || requires.isBlank() || requires.equals("*")) {
            return List.of(label + ": declares no Plugin-Requires; add e.g. Plugin-Requires: >=1.0.0 & <2.0.0");
        }
        if (plugin.getPluginState() != PluginState.STARTED) {
            String why = plugin.getFailedException() == null ? "it is in state " + plugin.getPluginState()
                    : rootMessage(plugin.getFailedException());
            if (plugin.getPluginState() == PluginState.DISABLED && !pf4j.getSystemVersion().isEmpty()
                    && !pf4j.getVersionManager().checkVersionConstraint(pf4j.getSystemVersion(), requires)) {
                why = "it requires plugin API " + requires + " but this host provides " + pf4j.getSystemVersion();
            }
            return List.of(label + ": did not start: " + why);
        }
        List<String> problems = new ArrayList<>();
        List<AtsConnector> extensions = pf4j.getExtensions(AtsConnector.class, plugin.getPluginId());
        if (extensions.isEmpty()) {
            problems.add(label + ": contributes no AtsConnector extension (is the class annotated @Extension, and is "
                    + "plugin-api 'provided' rather than bundled? see the log for class-loading errors)");
        }
        for (AtsConnector connector : extensions) {
            LoadedConnector loaded;
            try {
                ConnectorDescriptor d = new LoadedConnector(plugin.getPluginId(), plugin.getDescriptor().getVersion(),
                        connector, null).call(connector::descriptor);
                if (d == null) {
                    problems.add(label + ": " + connector.getClass().getName() + ".descriptor() returned null");
                    continue;
                }
                loaded = new LoadedConnector(plugin.getPluginId(), plugin.getDescriptor().getVersion(), connector, d);
            } catch (Exception | LinkageError e) {
                problems.add(label + ": " + connector.getClass().getName() + ".descriptor() failed: " + rootMessage(e));
                continue;
            }
            DescriptorRules.problems(loaded.descriptor())
                    .forEach(p -> problems.add(label + ", connector '" + loaded.id() + "': " + p));
            LoadedConnector twin = found.putIfAbsent(loaded.id(), loaded);
            if (twin != null) {
                problems.add(label + ": connector id '" + loaded.id() + "' is already provided by plugin '" + twin.pluginId() + "'");
            }
        }
        return problems;
    }

    /** Copies the plugin zips into a fresh staging directory; returns the staged zips. */
    private List<Path> stage() {
        try {
            deleteRecursively(stagingDir);
            Files.createDirectories(stagingDir);
            if (!Files.isDirectory(pluginsDir)) {
                LOG.warn("plugins directory {} does not exist: no connectors are available", pluginsDir);
                return List.of();
            }
            List<Path> staged = new ArrayList<>();
            try (Stream<Path> files = Files.list(pluginsDir)) {
                for (Path zip : files.filter(f -> nameOf(f).toLowerCase(java.util.Locale.ROOT).endsWith(".zip")).sorted().toList()) {
                    staged.add(Files.copy(zip, stagingDir.resolve(nameOf(zip)), StandardCopyOption.REPLACE_EXISTING));
                }
            }
            for (String control : List.of("enabled.txt", "disabled.txt")) {
                Path file = pluginsDir.resolve(control);
                if (Files.isRegularFile(file)) {
                    Files.copy(file, stagingDir.resolve(control), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage plugins from " + pluginsDir + " into " + stagingDir, e);
        }
    }

    /** @return every loaded connector, by id */
    public List<LoadedConnector> connectors() {
        return connectors.values().stream().sorted(Comparator.comparing(LoadedConnector::id)).toList();
    }

    /**
     * @param id a connector id
     * @return the connector, if loaded
     */
    public Optional<LoadedConnector> find(String id) {
        return Optional.ofNullable(connectors.get(id));
    }

    /** @return the number of plugins started */
    public int pluginCount() {
        return pf4j == null ? 0 : (int) pf4j.getPlugins().stream().filter(p -> p.getPluginState() == PluginState.STARTED).count();
    }

    @Override
    public void stop() {
        if (pf4j != null) {
            // unloadPlugins() stops each plugin first; PF4J 3.15's stopPlugins() modifies the list it iterates.
            pf4j.unloadPlugins();
            pf4j = null;
        }
        connectors = Map.of();
    }

    @Override
    public String name() {
        return "plugins";
    }

    private static String nameOf(Path p) {
        return p.getFileName().toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null || m.isBlank()) ? t.getClass().getSimpleName() : m;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
