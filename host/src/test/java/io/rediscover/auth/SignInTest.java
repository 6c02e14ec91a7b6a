package io.rediscover.auth;

import io.rediscover.Host;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, sessions, CSRF, API tokens, throttling and the first platform admin, over real HTTP. */
class SignInTest {

    @TempDir
    static Path dir;
    static ApiFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ApiFixture(dir, "sign-in-test-secret", Map.of());
        fx.org("acme", "ENTERPRISE", true, true);
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void signInGivesAnHttpOnlySameSiteCookieAndSignOutEndsIt() {
        fx.user("acme", "carol@acme.test", "RECRUITER");
        Http.Reply r = fx.anonymous().post("/api/session", "{\"email\":\" Carol@ACME.test \",\"password\":\"" + ApiFixture.PASSWORD + "\"}");
        assertThat(r.status()).isEqualTo(200);
        String cookie = r.headers().get("set-cookie").get(0);
        assertThat(cookie).startsWith("rediscover_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/");
        assertThat(r.json().at("/user/role").asText()).isEqualTo("RECRUITER");
        assertThat(r.json().at("/user/org").asText()).isEqualTo("acme");
        assertThat(r.body()).doesNotContain("passwordHash").doesNotContain("argon2");

        Http carol = fx.anonymous().signIn("carol@acme.test", ApiFixture.PASSWORD);
        assertThat(carol.get("/api/session").json().at("/user/email").asText()).isEqualTo("carol@acme.test");
        assertThat(carol.get("/api/session").json().get("csrfToken").asText()).isNotBlank();
        assertThat(carol.delete("/api/session").status()).isEqualTo(204);
        Http.Reply after = carol.get("/api/connections");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().at("/error/message").asText()).contains("sign in again");
    }

    @Test
    void wrongPasswordsAndUnknownAddressesLookTheSame() {
        fx.user("acme", "dan@acme.test", "RECRUITER");
        Http.Reply wrong = fx.anonymous().post("/api/session", "{\"email\":\"dan@acme.test\",\"password\":\"nope-nope-nope\"}");
        Http.Reply unknown = fx.anonymous().post("/api/session", "{\"email\":\"nobody@acme.test\",\"password\":\"nope-nope-nope\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    @Test
    void stateChangingRequestsWithACookieNeedTheCsrfToken() {
        Http erin = fx.user("acme", "erin@acme.test", "ORG_ADMIN");
        Http.Reply forged = erin.with(Map.of("X-CSRF-Token", "guessed")).post("/api/tokens", "{\"name\":\"x\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("csrf");
        assertThat(erin.get("/api/tokens").json().get("tokens")).isEmpty();
        assertThat(erin.post("/api/tokens", "{\"name\":\"x\"}").status()).isEqualTo(201);
    }

    @Test
    void apiTokensActAsTheirUserUntilRevoked() {
        Http frank = fx.user("acme", "frank@acme.test", "ORG_ADMIN");
        Http.Reply created = frank.post("/api/tokens", "{\"name\":\"nightly export\",\"expiresInDays\":30}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asText();
        assertThat(secret).startsWith("rdk_");
        Http script = fx.anonymous().withToken(secret);
        assertThat(script.get("/api/session").json().at("/user/email").asText()).isEqualTo("frank@acme.test");
        assertThat(script.get("/api/connections").status()).isEqualTo(200);
        // No CSRF for bearer calls, but a token cannot mint tokens.
        assertThat(script.post("/api/tokens", "{\"name\":\"more\"}").status()).isEqualTo(403);
        Http.Reply listed = frank.get("/api/tokens");
        assertThat(listed.body()).contains("nightly export").doesNotContain(secret);

        assertThat(frank.delete("/api/tokens/" + created.json().get("id").asText()).status()).isEqualTo(204);
        assertThat(script.get("/api/connections").status()).isEqualTo(401);
        assertThat(fx.anonymous().withToken("rdk_made-up").get("/api/connections").status()).isEqualTo(401);
        assertThat(fx.anonymous().with(Map.of("Authorization", "Basic Zm9vOmJhcg==")).get("/api/connections").status()).isEqualTo(401);
        assertThat(fx.anonymous().get("/api/connections").headers().get("www-authenticate")).isNotEmpty();
    }

    @Test
    void aRemovedUserIsLockedOutAtOnce() {
        Http ivy = fx.user("acme", "ivy@acme.test", "ORG_ADMIN");
        String token = ivy.post("/api/tokens", "{\"name\":\"script\"}").json().get("token").asText();
        String id = ivy.get("/api/session").json().at("/user/id").asText();
        assertThat(ivy.delete("/api/admin/orgs/acme/users/" + id).status()).as("not by themselves").isEqualTo(403);
        assertThat(fx.platform().delete("/api/admin/orgs/other/users/" + id).status()).isEqualTo(404);
        assertThat(fx.platform().delete("/api/admin/orgs/acme/users/" + id).status()).isEqualTo(204);
        assertThat(ivy.get("/api/session").status()).isEqualTo(401);
        assertThat(fx.anonymous().withToken(token).get("/api/session").status()).isEqualTo(401);
        assertThat(fx.anonymous().post("/api/session", "{\"email\":\"ivy@acme.test\",\"password\":\"" + ApiFixture.PASSWORD + "\"}")
                .status()).isEqualTo(401);
        assertThat(fx.platform().get("/api/admin/orgs/acme/users").body()).doesNotContain("ivy@acme.test");
        assertThat(fx.platform().get("/api/admin/audit?org=acme").json().get("events").findValuesAsText("action"))
                .contains("user.removed");
        // The address can be given to someone new.
        fx.user("acme", "ivy@acme.test", "RECRUITER");
    }

    @Test
    void orgAdminsOnboardAndOffboardTheirOwnUsers() {
        Http jo = fx.user("acme", "jo@acme.test", "ORG_ADMIN");
        Http.Reply added = jo.post("/api/users", "{\"email\":\"kim@acme.test\",\"name\":\"Kim\",\"role\":\"RECRUITER\","
                + "\"password\":\"kims-first-password\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("org").asText()).isEqualTo("acme");
        Http kim = fx.anonymous().signIn("kim@acme.test", "kims-first-password");
        assertThat(kim.get("/api/users").status()).as("recruiters do not manage users").isEqualTo(403);
        assertThat(jo.get("/api/users").body()).contains("kim@acme.test").doesNotContain("passwordHash");
        assertThat(jo.post("/api/users", "{\"email\":\"KIM@acme.test\",\"name\":\"Kim\",\"role\":\"RECRUITER\","
                + "\"password\":\"kims-first-password\"}").status()).as("address taken").isEqualTo(409);
        String joId = jo.get("/api/session").json().at("/user/id").asText();
        assertThat(jo.delete("/api/users/" + joId).status()).isEqualTo(409);
        assertThat(jo.delete("/api/users/" + added.json().get("id").asText()).status()).isEqualTo(204);
        assertThat(kim.get("/api/session").status()).isEqualTo(401);
        assertThat(jo.get("/api/audit").json().get("events").findValuesAsText("action")).contains("user.created", "user.removed");
    }

    @Test
    void repeatedFailedSignInsAreSlowedDown() {
        fx.user("acme", "gina@acme.test", "RECRUITER");
        Http.Reply last = null;
        for (int i = 0; i < 7; i++) {
            last = fx.anonymous().post("/api/session", "{\"email\":\"gina@acme.test\",\"password\":\"guess-" + i + "\"}");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("too_many_attempts");
        assertThat(last.headers().get("retry-after")).isNotEmpty();
        // Even the right password waits now.
        assertThat(fx.anonymous().post("/api/session", "{\"email\":\"gina@acme.test\",\"password\":\"" + ApiFixture.PASSWORD + "\"}")
                .status()).isEqualTo(429);
    }

    @Test
    void changingThePasswordEndsOtherSessions() {
        Http first = fx.user("acme", "hal@acme.test", "RECRUITER");
        Http second = fx.anonymous().signIn("hal@acme.test", ApiFixture.PASSWORD);
        Http.Reply wrong = second.put("/api/session/password", "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"a-brand-new-one\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.field()).isEqualTo("currentPassword");
        Http.Reply shortOne = second.put("/api/session/password", "{\"currentPassword\":\"" + ApiFixture.PASSWORD + "\",\"newPassword\":\"short\"}");
        assertThat(shortOne.field()).isEqualTo("newPassword");
        assertThat(second.put("/api/session/password", "{\"currentPassword\":\"" + ApiFixture.PASSWORD
                + "\",\"newPassword\":\"a-brand-new-one\"}").status()).isEqualTo(204);
        assertThat(second.get("/api/session").status()).isEqualTo(200);
        assertThat(first.get("/api/session").status()).isEqualTo(401);
        fx.anonymous().signIn("hal@acme.test", "a-brand-new-one");
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeFailedSignIns() {
        Http lee = fx.user("acme", "lee@acme.test", "RECRUITER");
        Http.Reply last = null;
        for (int i = 0; i < 7; i++) {
            last = lee.put("/api/session/password", "{\"currentPassword\":\"guess-number-" + i + "\",\"newPassword\":\"a-brand-new-one\"}");
        }
        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("too_many_attempts");
        assertThat(last.headers().get("retry-after")).isNotEmpty();
        // The right password waits too, and sign-in for the address shares the budget: no guessing on the side.
        assertThat(lee.put("/api/session/password", "{\"currentPassword\":\"" + ApiFixture.PASSWORD
                + "\",\"newPassword\":\"a-brand-new-one\"}").status()).isEqualTo(429);
        assertThat(fx.anonymous().post("/api/session", "{\"email\":\"lee@acme.test\",\"password\":\"" + ApiFixture.PASSWORD + "\"}")
                .status()).isEqualTo(429);
    }

    @Test
    void aPasswordChangeNeedsASessionAndEndsEveryApiToken() {
        Http mo = fx.user("acme", "mo@acme.test", "ORG_ADMIN");
        Http script = fx.anonymous().withToken(mo.post("/api/tokens", "{\"name\":\"script\"}").json().get("token").asText());
        Http.Reply byToken = script.put("/api/session/password", "{\"currentPassword\":\"" + ApiFixture.PASSWORD
                + "\",\"newPassword\":\"taken-over-password\"}");
        assertThat(byToken.status()).as(byToken.toString()).isEqualTo(403);
        assertThat(byToken.json().at("/error/message").asText()).contains("session");
        fx.anonymous().signIn("mo@acme.test", ApiFixture.PASSWORD); // unchanged
        assertThat(script.get("/api/session").status()).isEqualTo(200);

        assertThat(mo.put("/api/session/password", "{\"currentPassword\":\"" + ApiFixture.PASSWORD
                + "\",\"newPassword\":\"mos-new-password\"}").status()).isEqualTo(204);
        assertThat(script.get("/api/session").status()).as("the token ended with the old password").isEqualTo(401);
        assertThat(mo.get("/api/tokens").json().get("tokens")).isEmpty();
        assertThat(mo.get("/api/session").status()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(fx.platform().get("/api/admin/audit?org=acme").body()).contains("\"apiTokensRevoked\":\"1\"");
    }

    @Test
    void aNewInstallationPrintsAOneTimePasswordThatMustBeChanged(@TempDir Path fresh) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Host host;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            host = Host.start(TestHosts.config(fresh.resolve("data"), fresh, Map.of("admin.password", "")));
        } finally {
            System.setOut(original);
        }
        try {
            Matcher m = Pattern.compile("One-time password:\\s+(\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as("printed: %s", out).isTrue();
            String password = m.group(1);
            Http admin = new Http(host.port()).signIn("admin@test.local", password);
            assertThat(admin.get("/api/session").json().at("/user/mustChangePassword").asBoolean()).isTrue();
            Http.Reply blocked = admin.get("/api/admin/orgs");
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.code()).isEqualTo("password_change_required");
            assertThat(admin.put("/api/session/password", "{\"currentPassword\":\"" + password
                    + "\",\"newPassword\":\"my-own-password-1\"}").status()).isEqualTo(204);
            assertThat(admin.get("/api/admin/orgs").status()).isEqualTo(200);
        } finally {
            host.close();
        }
        // A second start creates no second admin and prints nothing.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        System.setOut(new PrintStream(again, true, StandardCharsets.UTF_8));
        try {
            Host.start(TestHosts.config(fresh.resolve("data"), fresh, Map.of("admin.password", ""))).close();
        } finally {
            System.setOut(original);
        }
        assertThat(again.toString(StandardCharsets.UTF_8)).doesNotContain("One-time password");
        assertThat(List.of(out.toString(StandardCharsets.UTF_8).split("\n"))).filteredOn(l -> l.contains("One-time")).hasSize(1);
    }
}
