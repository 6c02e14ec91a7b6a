package io.rediscover.plugins;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.config.HostConfig;
import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.store.DataDirectory;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wall around plugins: the platform, their own jars, and from the host only the contract, PF4J and SLF4J. */
class PluginClassLoadingTest {

    @TempDir
    Path dir;

    private ConnectorRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop();
        }
    }

    private ConnectorRegistry start(Path plugins) {
        HostConfig config = TestHosts.config(dir.resolve("data"), plugins, Map.of());
        registry = new ConnectorRegistry(config, new DataDirectory(config.data().dir()));
        registry.start();
        return registry;
    }

    @Test
    void pluginCodeCannotLoadAHostLibraryItDidNotBundle() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginZips.build(plugins, "probe.zip", PluginZips.properties("probe-plugin", ">=1.0.0 & <2.0.0"),
                Map.of("t.probe.TestConnector", """
                        package t.probe;
                        import io.rediscover.pluginapi.*;
                        import io.rediscover.pluginapi.sync.SyncSource;
                        @org.pf4j.Extension
                        public class TestConnector implements AtsConnector {
                            public ConnectorDescriptor descriptor() {
                                return ConnectorDescriptor.builder("probe-ats", "Probe").capabilities(Capability.REDISCOVERY).build();
                            }
                            public CheckResult check(Credentials c, ConnectorContext x) {
                                // Guice is on the host's class path, not in this plugin's zip.
                                try {
                                    Class.forName("com.google.inject.Guice");
                                    return CheckResult.failed(null, "the host's Guice is visible");
                                } catch (ClassNotFoundException expected) {
                                    return CheckResult.okWithWarning("not visible: " + expected.getMessage());
                                }
                            }
                            public SyncSource openSync(Credentials c, ConnectorContext x) throws ConnectorException {
                                throw new ConnectorException(ErrorKind.INTERNAL, "test");
                            }
                        }
                        """));
        LoadedConnector probe = start(plugins).find("probe-ats").orElseThrow();
        CheckResult result = probe.call(() -> probe.connector().check(Credentials.of(probe.descriptor(), Map.of()), null));
        assertThat(result.passed()).as(String.valueOf(result.message())).isTrue();
        assertThat(result.warning()).isEqualTo("not visible: com.google.inject.Guice");
    }

    @Test
    void theIcimsPluginSharesOnlyTheContractPf4jAndSlf4jWithTheHost() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        ClassLoader plugin = start(plugins).find("icims-stream").orElseThrow().connector().getClass().getClassLoader();

        assertThat(plugin.loadClass(AtsConnector.class.getName())).isSameAs(AtsConnector.class);
        assertThat(plugin.loadClass(org.pf4j.Extension.class.getName())).isSameAs(org.pf4j.Extension.class);
        assertThat(plugin.loadClass(org.slf4j.Logger.class.getName())).isSameAs(org.slf4j.Logger.class);
        assertThat(plugin.loadClass(HttpClient.class.getName())).isSameAs(HttpClient.class);
        // Jackson is the plugin's own copy from its lib/, never the host's.
        Class<?> pluginsJackson = plugin.loadClass(ObjectMapper.class.getName());
        assertThat(pluginsJackson).isNotSameAs(ObjectMapper.class);
        assertThat(pluginsJackson.getClassLoader()).isSameAs(plugin);
        for (String hostOnly : new String[] {"com.google.inject.Guice", "org.eclipse.jetty.server.Server",
                "org.h2.mvstore.MVStore", "io.rediscover.plugins.ConnectorRegistry"}) {
            assertThatThrownBy(() -> plugin.loadClass(hostOnly)).as(hostOnly).isInstanceOf(ClassNotFoundException.class);
        }
    }
}
