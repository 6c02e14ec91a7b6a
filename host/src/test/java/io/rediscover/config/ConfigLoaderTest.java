package io.rediscover.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path home;

    private HostConfig load(String yaml, Map<String, String> env, Map<String, String> overrides) throws IOException {
        Optional<Path> file = Optional.empty();
        if (yaml != null) {
            Path f = home.resolve("rediscover.yaml");
            Files.writeString(f, yaml);
            file = Optional.of(f);
        }
        return new ConfigLoader(home).load(file, env, overrides);
    }

    @Test
    void builtInDefaultsAreDocumentedAndValid() throws IOException {
        HostConfig c = load(null, Map.of(), Map.of());
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.server().host()).isEqualTo("0.0.0.0");
        assertThat(c.data().dir()).isEqualTo(home.resolve("data"));
        assertThat(c.data().syncOnCommit()).isTrue();
        assertThat(c.pluginsDir()).isEqualTo(home.resolve("plugins"));
        assertThat(c.security().masterKeyFile()).isEqualTo(home.resolve("conf/master.key"));
        assertThat(c.egressIps()).isEmpty();
        assertThat(c.logLevel()).isEqualTo(HostConfig.LogLevel.INFO);
        assertThat(c.healthDetails()).isEqualTo(HostConfig.HealthDetails.ADMINS);
        assertThat(c.connectorSettings("icims-stream")).containsEntry("region", "us").containsEntry("apiBaseUrl", "");
    }

    @Test
    void fileThenEnvironmentThenOverridesWin() throws IOException {
        HostConfig c = load("""
                server:
                  port: 9000
                  host: 127.0.0.1
                data:
                  dir: /var/lib/rediscover
                integrations:
                  egressIps: [203.0.113.7]
                log:
                  level: DEBUG
                connectors:
                  icims-stream:
                    apiBaseUrl: https://api-eu.icims.com
                  other-ats:
                    region: eu
                """,
                Map.of("REDISCOVER_SERVER_PORT", "9100",
                        "REDISCOVER_INTEGRATIONS_EGRESS_IPS", "198.51.100.1, 2001:db8::1, 192.0.2.0/28",
                        "REDISCOVER_CONNECTORS_ICIMS_STREAM_TOKEN_URL", "https://login.icims.eu/oauth/token"),
                Map.of("log.level", "warn"));
        assertThat(c.server().port()).isEqualTo(9100);
        assertThat(c.server().host()).isEqualTo("127.0.0.1");
        assertThat(c.data().dir()).isEqualTo(Path.of("/var/lib/rediscover"));
        assertThat(c.egressIps()).containsExactly("198.51.100.1", "2001:db8::1", "192.0.2.0/28");
        assertThat(c.logLevel()).isEqualTo(HostConfig.LogLevel.WARN);
        assertThat(load(null, Map.of("REDISCOVER_HEALTH_DETAILS", "Public"), Map.of()).healthDetails())
                .isEqualTo(HostConfig.HealthDetails.PUBLIC);
        assertThat(c.connectorSettings("icims-stream"))
                .containsEntry("apiBaseUrl", "https://api-eu.icims.com")
                .containsEntry("tokenUrl", "https://login.icims.eu/oauth/token");
        assertThat(c.connectorSettings("other-ats")).containsEntry("region", "eu");
    }

    @Test
    void environmentVariableNamesFollowTheKeyPath() {
        assertThat(ConfigSources.envName("server.port")).isEqualTo("REDISCOVER_SERVER_PORT");
        assertThat(ConfigSources.envName("security.masterKeyFile")).isEqualTo("REDISCOVER_SECURITY_MASTER_KEY_FILE");
        assertThat(ConfigSources.envName("connectors.icims-stream.apiBaseUrl"))
                .isEqualTo("REDISCOVER_CONNECTORS_ICIMS_STREAM_API_BASE_URL");
    }

    @Test
    void badValuesNameTheKeyAndWhereTheValueCameFrom() {
        assertThatThrownBy(() -> load(null, Map.of("REDISCOVER_SERVER_PORT", "eighty"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.port").hasMessageContaining("eighty")
                .hasMessageContaining("REDISCOVER_SERVER_PORT");
        assertThatThrownBy(() -> load("server:\n  port: 70000\n", Map.of(), Map.of()))
                .hasMessageContaining("server.port").hasMessageContaining("between 0 and 65535")
                .hasMessageContaining("rediscover.yaml");
        assertThatThrownBy(() -> load("log:\n  level: loud\n", Map.of(), Map.of()))
                .hasMessageContaining("log.level").hasMessageContaining("loud");
        assertThatThrownBy(() -> load(null, Map.of("REDISCOVER_HEALTH_DETAILS", "everyone"), Map.of()))
                .hasMessageContaining("health.details").hasMessageContaining("one of admins, public");
        assertThatThrownBy(() -> load("integrations:\n  egressIps: [not-an-ip]\n", Map.of(), Map.of()))
                .hasMessageContaining("integrations.egressIps").hasMessageContaining("not-an-ip");
        assertThatThrownBy(() -> load("data:\n  syncOnCommit: maybe\n", Map.of(), Map.of()))
                .hasMessageContaining("data.syncOnCommit");
        assertThatThrownBy(() -> load("server:\n  port: \n", Map.of(), Map.of()))
                .hasMessageContaining("server.port").hasMessageContaining("must be set");
    }

    @Test
    void unknownKeysAreTyposAndStopStartUp() {
        assertThatThrownBy(() -> load("server:\n  prot: 80\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.prot").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> load(null, Map.of(), Map.of("sever.port", "1")))
                .hasMessageContaining("sever.port");
        assertThatThrownBy(() -> load("integrations:\n  egressIps: 203.0.113.1\n", Map.of(), Map.of()))
                .hasMessageContaining("integrations.egressIps").hasMessageContaining("must be a list");
    }

    @Test
    void misspeltEnvironmentVariablesAreWarningsNamingTheClosestKey() throws IOException {
        HostConfig c = load(null, Map.of("REDISCOVER_SERVER_PROT", "9000", "REDISCOVER_LOGLEVEL", "debug",
                "REDISCOVER_CONNECTORS_ICIMS_STREAM_REGOIN", "eu", "REDISCOVER_HOME", "/opt/rediscover", "PATH", "/bin",
                "REDISCOVER_SERVER_HOST", "127.0.0.1"), Map.of());
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.warnings()).containsExactly(
                "environment variable REDISCOVER_CONNECTORS_ICIMS_STREAM_REGOIN names no configuration key and is ignored; "
                        + "the closest is REDISCOVER_CONNECTORS_ICIMS_STREAM_REGION (connectors.icims-stream.region)",
                "environment variable REDISCOVER_LOGLEVEL names no configuration key and is ignored; "
                        + "the closest is REDISCOVER_LOG_LEVEL (log.level)",
                "environment variable REDISCOVER_SERVER_PROT names no configuration key and is ignored; "
                        + "the closest is REDISCOVER_SERVER_PORT (server.port)");
        assertThat(load(null, Map.of("REDISCOVER_SERVER_PORT", "9000"), Map.of()).warnings()).isEmpty();
    }

    @Test
    void unreadableOrMissingFilesAreReported() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader(home).load(Optional.of(home.resolve("missing.yaml")), Map.of(), Map.of()))
                .hasMessageContaining("--config").hasMessageContaining("missing.yaml");
        assertThatThrownBy(() -> load("server: [unclosed\n", Map.of(), Map.of()))
                .hasMessageContaining("cannot parse");
        assertThat(load("", Map.of(), Map.of()).server().port()).isEqualTo(8080);
    }

    @Test
    void ipLiteralsOnlyNeverHostNames() {
        assertThat(ConfigLoader.isIpLiteral("10.0.0.1")).isTrue();
        assertThat(ConfigLoader.isIpLiteral("203.0.113.0/28")).isTrue();
        assertThat(ConfigLoader.isIpLiteral("2001:db8::/32")).isTrue();
        assertThat(ConfigLoader.isIpLiteral("256.1.1.1")).isFalse();
        assertThat(ConfigLoader.isIpLiteral("10.0.0.1/33")).isFalse();
        assertThat(ConfigLoader.isIpLiteral("example.com")).isFalse();
    }
}
