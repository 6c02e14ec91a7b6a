package io.rediscover.auth;

import io.rediscover.Host;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestHosts;
import io.rediscover.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart signs nobody out: sessions and API tokens live in the store, not in the server's memory. */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void sessionsAndApiTokensSurviveARestart() throws Exception {
        Http admin;
        String token;
        try (Host first = Host.start(TestHosts.config(dir.resolve("data"), dir, Map.of()))) {
            admin = new Http(first.port()).signIn(TestTenants.ADMIN_EMAIL, TestTenants.ADMIN_PASSWORD);
            token = admin.post("/api/tokens", "{\"name\":\"cron\"}").json().get("token").asText();
        }
        try (Host second = Host.start(TestHosts.config(dir.resolve("data"), dir, Map.of()))) {
            Http again = admin.at(second.port());
            assertThat(again.get("/api/session").json().at("/user/email").asText()).isEqualTo(TestTenants.ADMIN_EMAIL);
            assertThat(again.post("/api/admin/orgs", "{\"id\":\"after\",\"name\":\"After\",\"tier\":\"TEAM\"}").status())
                    .as("the CSRF token of the session still holds").isEqualTo(201);
            assertThat(new Http(second.port()).withToken(token).get("/api/admin/orgs").status()).isEqualTo(200);
        }
    }
}
