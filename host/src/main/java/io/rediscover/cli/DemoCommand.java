package io.rediscover.cli;

import io.rediscover.logging.Logging;
import io.rediscover.config.ConfigException;
import io.rediscover.config.HostConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code rediscover demo}: runs the server with embedded defaults and its data in {@code ./rediscover-demo-data}, so a
 * newcomer sees it work with one command. It ignores conf/rediscover.yaml; REDISCOVER_* variables still apply.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Rediscover with embedded defaults and demo data in ./rediscover-demo-data.")
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_PLATFORM_ADMIN = "platform@demo.rediscover";
    static final String DEMO_PLATFORM_PASSWORD = "demo-platform-password";

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--data-dir", defaultValue = "rediscover-demo-data",
            description = "Data directory, relative to the working directory (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--ats-people", defaultValue = "500",
            description = "People in the demo's simulated ATS tenant (default: ${DEFAULT-VALUE})")
    int atsPeople;

    @Option(names = "--profiles", defaultValue = "5000",
            description = "Public profiles the demo generates and imports at its first start (default: ${DEFAULT-VALUE})")
    int profiles;

    /** The demo's corpus, in its data directory. */
    static final String DEMO_CORPUS = "demo-profiles.jsonl.gz";

    @Override
    public Integer call() {
        // Logging is set up before the simulator logs its first line, so both share one format and the level asked for.
        Launch.configureLogging();
        Logging.setLevel("org.eclipse.jetty", "warn");
        // The demo's ATS, from lib/demo/: a simulated tenant on loopback, and — as data — which connector to point at it,
        // with which settings and credentials.
        DemoClassPath demoLibs = DemoClassPath.open(Launch.home());
        // The demo's public profiles: generated once into the data directory; the simulated tenant derives most of its
        // people from them (and adds look-alikes and people in no profile); imported at the first start, below.
        Path corpus = dataDir.toAbsolutePath().normalize().resolve(DEMO_CORPUS);
        try {
            Files.createDirectories(corpus.getParent());
        } catch (IOException e) {
            System.err.println("Cannot create the data directory " + corpus.getParent() + ": " + e.getMessage());
            return Launch.CONFIG_ERROR;
        }
        Optional<DemoClassPath.Ats> started = demoLibs.startAts(Map.of("host", "127.0.0.1",
                "people", Integer.toString(atsPeople), "seed", "42", "profiles", corpus.toString(),
                "profileCount", Integer.toString(profiles)));
        if (started.isEmpty()) {
            System.err.println("The demo's simulated ATS is not installed (" + Launch.home().resolve("lib/demo")
                    + " is missing or offers none); `serve` runs the server without it.");
            return Launch.CONFIG_ERROR;
        }
        DemoClassPath.Ats ats = started.get();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                ats.running().close();
            } catch (Exception e) {
                // stopping anyway
            }
        }, "demo-ats-shutdown"));
        Map<String, String> overrides = new LinkedHashMap<>();
        ats.settings().forEach((key, value) -> overrides.put("connectors." + ats.connectorId() + "." + key, value));
        overrides.put("server.host", "127.0.0.1");
        overrides.put("server.port", Integer.toString(port));
        overrides.put("data.dir", dataDir.toAbsolutePath().normalize().toString());
        overrides.put("plugins.dir", Launch.home().resolve("plugins").toString());
        overrides.put("security.masterKeyFile", dataDir.resolve("master.key").toAbsolutePath().normalize().toString());
        // A known platform admin, so the demo can be explored at once (REDISCOVER_ADMIN_* still win).
        if (System.getenv("REDISCOVER_ADMIN_PASSWORD") == null) {
            overrides.put("admin.email", DEMO_PLATFORM_ADMIN);
            overrides.put("admin.password", DEMO_PLATFORM_PASSWORD);
        }
        HostConfig config;
        try {
            config = Launch.loadConfig(Optional.empty(), overrides);
        } catch (ConfigException e) {
            return Launch.configError(e);
        }
        return Launch.runUntilStopped(config, (host, url) -> {
            ats.profiles().ifPresent(file -> DemoSetup.importProfiles(host, file));
            List<String> setup = DemoSetup.ensure(host, ats);
            String data = DemoSetup.awaitData(host, Duration.ofMinutes(3));
            System.out.println();
            System.out.println("  Rediscover demo is running at " + url);
            System.out.println("  Data: " + config.data().dir());
            System.out.println("  " + ats.description() + " " + data);
            System.out.println("  Open " + url + " in a browser and sign in as");
            if (System.getenv("REDISCOVER_ADMIN_PASSWORD") == null) {
                System.out.println("    Platform admin: " + DEMO_PLATFORM_ADMIN + " / " + DEMO_PLATFORM_PASSWORD);
            }
            setup.forEach(line -> System.out.println("    " + line));
            System.out.println("  Stop with Ctrl-C.");
            System.out.println();
        });
    }
}
