package io.rediscover.tenancy;

import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two orgs on one server: every endpoint of one, called with the other's ids, answers 404 or 403 and changes nothing;
 * lists show only the caller's own things.
 */
class IsolationTest {

    @TempDir
    static Path dir;
    static ApiFixture fx;
    static Http alpha;
    static Http beta;
    static String betaConnection;
    static String betaRun;
    static String betaToken;

    @BeforeAll
    static void start() throws Exception {
        fx = new ApiFixture(dir, "isolation-secret", Map.of());
        fx.org("alpha", "ENTERPRISE", true, true);
        fx.org("beta", "ENTERPRISE", true, true);
        alpha = fx.user("alpha", "admin@alpha.test", "ORG_ADMIN");
        beta = fx.user("beta", "admin@beta.test", "ORG_ADMIN");
        assertThat(alpha.post("/api/connections", fx.icimsBody("isolation-secret", fx.sim().streamId())).status()).isEqualTo(201);
        betaConnection = beta.post("/api/connections", fx.icimsBody("isolation-secret", fx.sim().streamId())).json().get("id").asText();
        await("beta's first sync", () -> "SUCCEEDED".equals(beta.get("/api/connections/" + betaConnection + "/sync").json()
                .at("/lastRun/result").asText()));
        betaRun = beta.get("/api/connections/" + betaConnection + "/runs").json().at("/runs/0/runId").asText();
        betaToken = beta.post("/api/tokens", "{\"name\":\"beta script\"}").json().get("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void everyEndpointCalledWithAnotherOrgsIdsAnswers404Or403() {
        String c = "/api/connections/" + betaConnection;
        List<Http.Reply> replies = List.of(
                alpha.get(c),
                alpha.put(c, fx.icimsBody("stolen", fx.sim().streamId())),
                alpha.delete(c),
                alpha.get(c + "/sync"),
                alpha.post(c + "/sync", ""),
                alpha.get(c + "/runs"),
                alpha.get(c + "/runs/" + betaRun + "/failures"),
                alpha.delete("/api/tokens/" + betaToken),
                alpha.get("/api/admin/orgs/beta"),
                alpha.patch("/api/admin/orgs/beta", "{\"integrationsEnabled\":false}"),
                alpha.get("/api/admin/orgs/beta/users"),
                alpha.delete("/api/admin/orgs/beta/users/" + beta.get("/api/session").json().at("/user/id").asText()),
                alpha.post("/api/admin/orgs/beta/users", "{\"email\":\"mole@alpha.test\",\"name\":\"Mole\",\"role\":\"ORG_ADMIN\","
                        + "\"password\":\"mole-password-1\"}"),
                alpha.get("/api/admin/audit?org=beta"),
                alpha.get("/api/admin/orgs"),
                alpha.delete("/api/users/" + beta.get("/api/session").json().at("/user/id").asText()));
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isIn(403, 404);
            assertThat(r.body()).doesNotContain(betaConnection + "\"").doesNotContain("admin@beta.test").doesNotContain("beta script");
        });

        // Lists hold only alpha's own things.
        assertThat(alpha.get("/api/connections").json().get("connections").findValuesAsText("id")).hasSize(1)
                .doesNotContain(betaConnection);
        assertThat(alpha.get("/api/audit").body()).doesNotContain("admin@beta.test").doesNotContain(betaConnection);
        assertThat(alpha.get("/api/tokens").json().get("tokens")).isEmpty();
        assertThat(alpha.get("/api/users").body()).contains("admin@alpha.test").doesNotContain("admin@beta.test");

        // Nothing of beta's changed.
        Http.Reply mine = beta.get(c);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("status").asText()).isEqualTo("CONNECTED");
        assertThat(beta.get(c + "/runs").json().get("runs")).hasSize(1);
        assertThat(beta.get("/api/tokens").json().get("tokens")).hasSize(1);
        assertThat(fx.platform().get("/api/admin/orgs/beta").json().get("integrationsEnabled").asBoolean()).isTrue();
        assertThat(fx.platform().get("/api/admin/orgs/beta/users").json().get("users")).hasSize(1);
    }

    @Test
    void anOrgAdminAddingATakenAddressLearnsNotWhereItIsTaken() {
        String before = fx.platform().get("/api/admin/orgs/alpha/users").body();
        Map<String, Http.Reply> replies = Map.of(
                "in alpha itself", alpha.post("/api/users", newUser("admin@alpha.test")),
                "in another org", alpha.post("/api/users", newUser("Admin@Beta.test")),
                "by a platform admin", alpha.post("/api/users", newUser(TestTenants.ADMIN_EMAIL)));
        assertThat(replies).allSatisfy((taken, r) -> {
            assertThat(r.status()).as(taken + ": " + r).isEqualTo(409);
            assertThat(r.field()).isEqualTo("email");
        });
        assertThat(replies.values().stream().map(Http.Reply::body).distinct()).as("one answer for all three").hasSize(1);
        assertThat(replies.get("in another org").body()).doesNotContain("beta").doesNotContain("platform admin (");
        assertThat(fx.platform().get("/api/admin/orgs/alpha/users").body()).isEqualTo(before);

        // Platform admins see every org anyway, so they are told where.
        Http.Reply told = fx.platform().post("/api/admin/orgs/alpha/users", newUser("admin@beta.test"));
        assertThat(told.status()).isEqualTo(409);
        assertThat(told.json().at("/error/message").asText()).contains("org 'beta'");
    }

    private static String newUser(String email) {
        return "{\"email\":\"" + email + "\",\"name\":\"New\",\"role\":\"RECRUITER\",\"password\":\"new-user-password\"}";
    }
}
