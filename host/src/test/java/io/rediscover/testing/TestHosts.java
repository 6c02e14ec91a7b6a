package io.rediscover.testing;

import io.rediscover.config.ConfigLoader;
import io.rediscover.config.HostConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Configurations for hosts started by tests: loopback, a free port, a private data directory. */
public final class TestHosts {

    private TestHosts() {
    }

    /** @return the directory holding the plugin zips the reactor built (see host/pom.xml) */
    public static Path reactorPlugins() {
        return Path.of(System.getProperty("rediscover.test.plugins", "target/test-plugins")).toAbsolutePath();
    }

    /**
     * @param dataDir    the data directory
     * @param pluginsDir the plugins directory
     * @param overrides  further dotted-key overrides
     * @return a validated configuration
     */
    public static HostConfig config(Path dataDir, Path pluginsDir, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.host", "127.0.0.1");
        all.put("server.port", "0");
        all.put("data.dir", dataDir.toString());
        all.put("plugins.dir", pluginsDir.toString());
        all.put("data.syncOnCommit", "false");
        all.put("security.masterKeyFile", dataDir.resolve("master.key").toString());
        all.put("admin.email", TestTenants.ADMIN_EMAIL);
        all.put("admin.password", TestTenants.ADMIN_PASSWORD);
        all.putAll(overrides);
        return new ConfigLoader(dataDir).load(Optional.empty(), Map.of(), all);
    }
}
