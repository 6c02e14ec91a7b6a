package io.rediscover.cli;

import io.rediscover.Host;
import io.rediscover.config.ConfigException;
import io.rediscover.config.ConfigLoader;
import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.StartRefused;
import io.rediscover.logging.Logging;
import io.rediscover.plugins.PluginLoadException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code serve} and {@code demo} share: load the configuration, start the host, print where it listens, and
 * keep running until SIGTERM or Ctrl-C, then stop every service in reverse order. Start-up problems are printed as
 * one clear message with a distinct exit code, never as a stack trace.
 */
final class Launch {

    /** A configuration the operator must fix: a bad value, or a port or data directory another process holds. */
    static final int CONFIG_ERROR = 2;
    static final int PLUGIN_ERROR = 3;
    static final int START_ERROR = 1;

    private Launch() {
    }

    /** The installation directory: set by bin/rediscover, else the working directory (running from source). */
    static Path home() {
        String home = System.getProperty("rediscover.home");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    /**
     * The configuration of an offline maintenance command (reindex, reset-password): the given file or the installed
     * one, with no syncs and no clients — scheduling off, a free loopback port.
     */
    private static HostConfig offlineConfig(Path config) {
        Optional<Path> file = config != null ? Optional.of(config) : installedConfig();
        return loadConfig(file, Map.of("server.host", "127.0.0.1", "server.port", "0", "sync.enabled", "false"));
    }

    /** @return the installation's {@code conf/rediscover.yaml}, when there is one */
    static Optional<Path> installedConfig() {
        Path installed = home().resolve("conf").resolve("rediscover.yaml");
        return java.nio.file.Files.isRegularFile(installed) ? Optional.of(installed) : Optional.empty();
    }

    /**
     * Runs an offline maintenance command against the data directory.
     *
     * @param config the --config option, or null
     * @param what   the command's name, for the failure message
     * @param work   the work, given the started host; returns the exit code
     * @return the exit code
     */
    static int runOffline(Path config, String what, java.util.function.ToIntFunction<Host> work) {
        HostConfig loaded;
        try {
            loaded = offlineConfig(config);
        } catch (ConfigException e) {
            return configError(e);
        }
        Host host;
        try {
            host = Host.start(loaded);
        } catch (Exception e) {
            return couldNotStart(what, e);
        }
        try (host) {
            return work.applyAsInt(host);
        } catch (RuntimeException e) {
            System.err.println(what + " failed: " + e.getMessage());
            return START_ERROR;
        }
    }

    /**
     * Sets up logging with the level and format of the environment's configuration (the demo reads no file), for what
     * logs before the configuration is loaded in full; the defaults when that load fails, which reports the error itself.
     */
    static void configureLogging() {
        try {
            HostConfig env = loadConfig(Optional.empty(), Map.of());
            Logging.configure(env.logLevel(), env.logFormat());
        } catch (ConfigException reportedByTheFullLoad) {
            Logging.configure(HostConfig.LogLevel.INFO, HostConfig.LogFormat.TEXT);
        }
    }

    static HostConfig loadConfig(Optional<Path> file, Map<String, String> overrides) {
        return new ConfigLoader(home()).load(file, System.getenv(), overrides);
    }

    /**
     * @param config     the configuration to run with
     * @param afterStart what to do once listening (receives the host and its base URL)
     * @return the exit code
     */
    static int runUntilStopped(HostConfig config, java.util.function.BiConsumer<Host, String> afterStart) {
        Host host;
        try {
            host = Host.start(config);
        } catch (Exception e) {
            return couldNotStart("Rediscover", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stopped.countDown();
        }, "shutdown"));
        String shownHost = config.server().host().equals("0.0.0.0") ? "localhost" : config.server().host();
        afterStart.accept(host, "http://" + shownHost + ":" + host.port() + "/");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Prints why a host did not start, in one line when the operator can fix it, and answers the exit code. */
    private static int couldNotStart(String what, Exception e) {
        if (e instanceof PluginLoadException) {
            System.err.println(e.getMessage());
            return PLUGIN_ERROR;
        }
        System.err.println(what + " could not start: " + e.getMessage());
        if (e instanceof StartRefused) {
            return CONFIG_ERROR;
        }
        e.printStackTrace(System.err); // not foreseen: the trace is what a bug report needs
        return START_ERROR;
    }

    static int configError(ConfigException e) {
        System.err.println("Configuration error: " + e.getMessage());
        return CONFIG_ERROR;
    }
}
