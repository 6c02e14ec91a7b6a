package io.rediscover.cli;

import io.rediscover.config.ConfigException;
import io.rediscover.config.HostConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rediscover serve}: runs the server with the operator's configuration. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Rediscover server.",
                "Configuration: built-in defaults < conf/rediscover.yaml (or --config) < REDISCOVER_* environment variables < --port."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (default: conf/rediscover.yaml of the installation, when present)")
    Path config;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port, overriding server.port and REDISCOVER_SERVER_PORT (0 = any free port)")
    Integer port;

    @Override
    public Integer call() {
        HostConfig loaded;
        try {
            loaded = Launch.loadConfig(configFile(), port == null ? Map.of() : Map.of("server.port", port.toString()));
        } catch (ConfigException e) {
            return Launch.configError(e);
        }
        return Launch.runUntilStopped(loaded, (host, url) -> System.out.println("Rediscover is running at " + url));
    }

    private Optional<Path> configFile() {
        if (config != null) {
            return Optional.of(config);
        }
        Path installed = Launch.home().resolve("conf").resolve("rediscover.yaml");
        return Files.isRegularFile(installed) ? Optional.of(installed) : Optional.empty();
    }
}
