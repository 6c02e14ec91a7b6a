package io.rediscover.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.Host;
import io.rediscover.testing.Http;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import io.rediscover.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each org sees the connectors of its allowed plugins only; deprecated ones are flagged with what to use instead. */
class ConnectorsForOrgsTest {

    @TempDir
    Path dir;

    private static java.util.List<String> ids(JsonNode connectors) {
        java.util.List<String> out = new java.util.ArrayList<>();
        connectors.forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    @Test
    void anOrgSeesOnlyItsPluginsConnectorsAndDeprecatedOnesAreFlagged() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        PluginZips.build(plugins, "legacy.zip", PluginZips.properties("legacy-plugin", ">=1.0.0 & <2.0.0"),
                Map.of("t.legacy.TestConnector", PluginZips.connectorSource("t.legacy",
                        "ConnectorDescriptor.builder(\"legacy-ats\", \"Legacy ATS\").capabilities(Capability.REDISCOVERY)"
                                + ".credentials(CredentialField.secret(\"apiKey\", \"API key\").asRequired())"
                                + ".deprecated(\"Use iCIMS Stream instead.\").build()")));
        try (Host host = Host.start(TestHosts.config(dir.resolve("data"), plugins, Map.of("sync.enabled", "false")))) {
            Http platform = new Http(host.port()).signIn(TestTenants.ADMIN_EMAIL, TestTenants.ADMIN_PASSWORD);
            for (String org : new String[] {"both", "one"}) {
                String allowed = org.equals("both") ? "[\"icims-stream\",\"legacy-plugin\"]" : "[\"icims-stream\"]";
                assertThat(platform.post("/api/admin/orgs", "{\"id\":\"" + org + "\",\"name\":\"" + org + "\",\"tier\":\"ENTERPRISE\","
                        + "\"integrationsEnabled\":true,\"plugins\":" + allowed + "}").status()).isEqualTo(201);
                assertThat(platform.post("/api/admin/orgs/" + org + "/users", "{\"email\":\"admin@" + org + ".test\",\"name\":\"A\","
                        + "\"role\":\"ORG_ADMIN\",\"password\":\"a-long-password\"}").status()).isEqualTo(201);
            }
            Http both = new Http(host.port()).signIn("admin@both.test", "a-long-password");
            JsonNode connectors = both.get("/api/connectors").json().get("connectors");
            assertThat(ids(connectors)).containsExactlyInAnyOrder("icims-stream", "legacy-ats");
            for (JsonNode c : connectors) {
                boolean legacy = c.get("id").asText().equals("legacy-ats");
                assertThat(c.get("deprecated").asBoolean()).isEqualTo(legacy);
                if (legacy) {
                    assertThat(c.get("deprecation").asText()).isEqualTo("Use iCIMS Stream instead.");
                }
            }
            Http one = new Http(host.port()).signIn("admin@one.test", "a-long-password");
            assertThat(ids(one.get("/api/connectors").json().get("connectors"))).containsExactly("icims-stream");
            Http.Reply hidden = one.get("/api/connectors/legacy-ats");
            assertThat(hidden.status()).isEqualTo(403);
            assertThat(hidden.json().at("/error/message").asText()).contains("is not enabled for your organisation");
            Http.Reply create = one.post("/api/connections", "{\"connectorId\":\"legacy-ats\",\"capabilities\":[\"REDISCOVERY\"],"
                    + "\"credentials\":{\"apiKey\":\"k\"}}");
            assertThat(create.status()).isEqualTo(403);

            // An unknown plugin id is refused by name.
            Http.Reply unknown = platform.patch("/api/admin/orgs/one", "{\"plugins\":[\"icims-stream\",\"workday\"]}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.field()).isEqualTo("plugins[1]");
        }
    }
}
