package io.rediscover.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check that passes with a warning connects the connection, and the org admin sees the warning as its status message:
 * here an iCIMS tenant without a Data Stream licence, connected by its customer id.
 */
class ConnectionWarningTest {

    static final String SECRET = "warning-test-secret";

    @TempDir
    static Path dir;
    static ApiFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ApiFixture(dir, SECRET, Map.of());
        fx.sim().setDataStreamLicensed(false);
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void aWarningOfTheCheckIsTheConnectedConnectionsStatusMessage() throws Exception {
        fx.org("nostream", "ENTERPRISE", true, true);
        Http admin = fx.user("nostream", "nia@nostream.test", "ORG_ADMIN");
        Http.Reply created = admin.post("/api/connections", fx.icimsBody(SECRET, fx.sim().customerId()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        JsonNode[] connection = new JsonNode[1];
        await("the connection to be verified", () -> {
            connection[0] = admin.get("/api/connections/" + id).json();
            return !"VERIFYING".equals(connection[0].get("status").asText());
        });
        assertThat(connection[0].get("status").asText()).isEqualTo("CONNECTED");
        assertThat(connection[0].get("statusMessage").asText()).contains("Data Stream cannot be used").contains("not licensed");

        await("the first full sync", () -> "SUCCEEDED".equals(admin.get("/api/connections/" + id + "/sync").json()
                .at("/lastRun/result").asText()));
        JsonNode sync = admin.get("/api/connections/" + id + "/sync").json();
        assertThat(sync.at("/mirror/live/CANDIDATE").asLong()).isEqualTo(fx.sim().tenant().size(
                ProfileType.PERSON));
        assertThat(sync.at("/connection/statusMessage").asText()).contains("Data Stream");
    }
}
