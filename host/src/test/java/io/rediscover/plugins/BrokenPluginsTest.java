package io.rediscover.plugins;

import io.rediscover.config.HostConfig;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken plugins stop start-up with a message that names the plugin and why. */
class BrokenPluginsTest {

    @TempDir
    Path dir;

    private static final String GOOD_REQUIRES = ">=1.0.0 & <2.0.0";

    private static String properties(String id, String requires) {
        return PluginZips.properties(id, requires);
    }

    private static String connector(String pkg, String descriptorExpression) {
        return PluginZips.connectorSource(pkg, descriptorExpression);
    }

    private ConnectorRegistry registry(Path plugins) {
        HostConfig config = TestHosts.config(dir.resolve("data"), plugins, Map.of());
        return new ConnectorRegistry(config, new io.rediscover.store.DataDirectory(config.data().dir()));
    }

    private Path plugins() throws IOException {
        return Files.createDirectories(dir.resolve("plugins"));
    }

    @Test
    void aWellFormedTestPluginLoads() throws Exception {
        Path plugins = plugins();
        PluginZips.build(plugins, "good.zip", properties("good-plugin", GOOD_REQUIRES), Map.of("t.good.TestConnector",
                connector("t.good", "ConnectorDescriptor.builder(\"good-ats\", \"Good ATS\").capabilities(Capability.REDISCOVERY)"
                        + ".credentials(CredentialField.secret(\"apiKey\", \"API key\").asRequired()).build()")));
        ConnectorRegistry registry = registry(plugins);
        registry.start();
        try {
            assertThat(registry.find("good-ats")).isPresent();
            assertThat(registry.find("good-ats").orElseThrow().pluginId()).isEqualTo("good-plugin");
        } finally {
            registry.stop();
        }
    }

    @Test
    void aPluginRequiringANewerContractIsRefused() throws Exception {
        Path plugins = plugins();
        PluginZips.withProperties(PluginZips.icimsZip(), plugins.resolve("future.zip"), properties("future-plugin", ">=2.0.0"));
        assertThatThrownBy(() -> registry(plugins).start())
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("future-plugin")
                .hasMessageContaining("requires plugin API >=2.0.0 but this host provides 1.1.0");
    }

    @Test
    void aPluginWithoutPluginRequiresIsRefused() throws Exception {
        Path plugins = plugins();
        PluginZips.withProperties(PluginZips.icimsZip(), plugins.resolve("loose.zip"), properties("loose-plugin", null));
        assertThatThrownBy(() -> registry(plugins).start())
                .hasMessageContaining("loose-plugin").hasMessageContaining("declares no Plugin-Requires");
    }

    @Test
    void twoPluginsOfferingOneConnectorIdAreRefused() throws Exception {
        Path plugins = plugins();
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        PluginZips.withProperties(PluginZips.icimsZip(), plugins.resolve("icims-copy.zip"), properties("icims-copy", GOOD_REQUIRES));
        assertThatThrownBy(() -> registry(plugins).start())
                .hasMessageContaining("connector id 'icims-stream' is already provided by plugin");
    }

    @Test
    void anInvalidDescriptorIsRefusedNamingPluginAndRule() throws Exception {
        Path plugins = plugins();
        PluginZips.build(plugins, "bad.zip", properties("bad-plugin", GOOD_REQUIRES), Map.of("t.bad.TestConnector",
                connector("t.bad", "ConnectorDescriptor.builder(\"Bad_Id\", \"Bad\")"
                        + ".credentials(CredentialField.text(\"api key\", \"Key\"), CredentialField.text(\"x\", \"X\"))"
                        + ".filters(FilterField.terms(\"status\", \"Status\"))"
                        + ".profileFields(ProfileField.text(\"status\", \"Status\"))"
                        + ".setupNote(\"IPs\", \"allow {ourIps}\").build()")));
        assertThatThrownBy(() -> registry(plugins).start())
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("bad-plugin")
                .hasMessageContaining("connector id 'Bad_Id' must match")
                .hasMessageContaining("declares no capability")
                .hasMessageContaining("credential key 'api key' must match")
                .hasMessageContaining("profile field key 'status' is declared twice")
                .hasMessageContaining("unknown placeholder {ourIps}");
    }

    @Test
    void aDescriptorThatThrowsIsRefused() throws Exception {
        Path plugins = plugins();
        PluginZips.build(plugins, "throws.zip", properties("throwing-plugin", GOOD_REQUIRES), Map.of("t.thr.TestConnector",
                connector("t.thr", "(ConnectorDescriptor) (Object) java.util.Objects.requireNonNull(null, \"descriptor data missing\")")));
        assertThatThrownBy(() -> registry(plugins).start())
                .hasMessageContaining("throwing-plugin").hasMessageContaining("descriptor() failed: descriptor data missing");
    }

    @Test
    void aPluginWithoutConnectorsAndAZipThatIsNoPluginAreRefused() throws Exception {
        Path plugins = plugins();
        PluginZips.build(plugins, "empty.zip", properties("empty-plugin", GOOD_REQUIRES), Map.of());
        Files.writeString(plugins.resolve("garbage.zip"), "this is not a zip");
        assertThatThrownBy(() -> registry(plugins).start())
                .hasMessageContaining("empty-plugin").hasMessageContaining("contributes no AtsConnector")
                .hasMessageContaining("garbage.zip");
    }

    @Test
    void aMissingPluginsDirectoryMeansNoConnectorsNotACrash() {
        ConnectorRegistry registry = registry(dir.resolve("nowhere"));
        registry.start();
        assertThat(registry.connectors()).isEmpty();
        registry.stop();
    }
}
