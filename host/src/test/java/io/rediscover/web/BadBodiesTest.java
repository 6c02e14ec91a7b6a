package io.rediscover.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad bodies sent to every endpoint that reads one: malformed JSON, wrong shapes, unknown fields, every
 * field missing or of the wrong type, and an oversized body. Every answer is a JSON 400 (naming the field where there
 * is one), never a 500, and nothing changes.
 */
class BadBodiesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BYTES = 65_536;

    @TempDir
    static Path dir;
    static ApiFixture fx;
    static Http admin;
    static String connection;

    /** An endpoint, a valid body for it, and which of its fields are required. */
    record Endpoint(String method, String path, Http caller, String valid, Set<String> required) {
    }

    @BeforeAll
    static void start() throws Exception {
        fx = new ApiFixture(dir, "bad-bodies-secret", Map.of("server.maxRequestBytes", Integer.toString(MAX_BYTES)));
        fx.org("corp", "ENTERPRISE", true, true);
        admin = fx.user("corp", "admin@corp.test", "ORG_ADMIN");
        connection = admin.post("/api/connections", fx.icimsBody("bad-bodies-secret", fx.sim().streamId())).json().get("id").asText();
        await("verified", () -> admin.get("/api/connections/" + connection).json().get("status").asText().equals("CONNECTED"));
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    private static List<Endpoint> endpoints() {
        String icims = "{\"clientId\":\"a\",\"clientSecret\":\"b\",\"streamId\":\"c\"}";
        return List.of(
                new Endpoint("POST", "/api/session", fx.anonymous(), "{\"email\":\"admin@corp.test\",\"password\":\"wrong-password\"}",
                        Set.of("email", "password")),
                new Endpoint("PUT", "/api/session/password", admin,
                        "{\"currentPassword\":\"x-current-pass\",\"newPassword\":\"y-new-password\"}", Set.of("currentPassword", "newPassword")),
                new Endpoint("POST", "/api/tokens", admin, "{\"name\":\"n\",\"expiresInDays\":5}", Set.of("name")),
                new Endpoint("POST", "/api/admin/orgs", fx.platform(), "{\"id\":\"neworg\",\"name\":\"N\",\"tier\":\"TEAM\","
                        + "\"integrationsEnabled\":true,\"plugins\":[\"icims-stream\"]}", Set.of("id", "name", "tier")),
                new Endpoint("PATCH", "/api/admin/orgs/corp", fx.platform(), "{\"name\":\"N\",\"tier\":\"TEAM\","
                        + "\"integrationsEnabled\":false,\"plugins\":[]}", Set.of()),
                new Endpoint("POST", "/api/admin/orgs/corp/users", fx.platform(), "{\"email\":\"new@corp.test\",\"name\":\"N\","
                        + "\"role\":\"RECRUITER\",\"password\":\"long-enough-password\"}", Set.of("email", "name", "role", "password")),
                new Endpoint("POST", "/api/users", admin, "{\"email\":\"other@corp.test\",\"name\":\"N\","
                        + "\"role\":\"RECRUITER\",\"password\":\"long-enough-password\"}", Set.of("email", "name", "role", "password")),
                new Endpoint("POST", "/api/connections", admin, "{\"connectorId\":\"icims-stream\",\"capabilities\":[\"REDISCOVERY\"],"
                        + "\"credentials\":" + icims + "}", Set.of("connectorId", "capabilities", "credentials")),
                new Endpoint("PUT", "/api/connections/" + connection, admin, "{\"capabilities\":[\"REDISCOVERY\"],"
                        + "\"credentials\":" + icims + "}", Set.of("capabilities", "credentials")));
    }

    /** Bad bodies for any endpoint, with no particular field at fault. */
    private static List<String> shapeless() {
        List<String> out = new ArrayList<>(List.of("", "{", "}", "[]", "null", "42", "\"text\"", "true", "{\"a\":1,}",
                "{'single':'quotes'}", "{\"unexpected\":true}", "{} {}", "\u0000", "{\"x\":\"\\uZZZZ\"}"));
        out.add("[".repeat(5_000) + "]".repeat(5_000));
        out.add("{\"pad\":\"" + "x".repeat(MAX_BYTES) + "\"}");
        return out;
    }

    /** Each field of the valid body missing (required ones only) or replaced by a value of the wrong type. */
    private static List<Map.Entry<String, String>> fieldMutations(Endpoint e) throws Exception {
        ObjectNode valid = (ObjectNode) JSON.readTree(e.valid());
        List<Map.Entry<String, String>> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        valid.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (e.required().contains(field)) {
                ObjectNode missing = valid.deepCopy();
                missing.remove(field);
                out.add(Map.entry(field, missing.toString()));
                ObjectNode nulled = valid.deepCopy();
                nulled.putNull(field);
                out.add(Map.entry(field, nulled.toString()));
            }
            JsonNode original = valid.get(field);
            List<JsonNode> wrong = new ArrayList<>();
            if (!original.isTextual()) {
                wrong.add(JsonNodeFactory.instance.textNode("text"));
            }
            if (!original.isNumber()) {
                wrong.add(JsonNodeFactory.instance.numberNode(7));
            }
            if (original.isIntegralNumber()) {
                wrong.add(JsonNodeFactory.instance.numberNode(original.asDouble() + 0.5)); // never cut to a whole number
            }
            if (!original.isBoolean()) {
                wrong.add(JsonNodeFactory.instance.booleanNode(true));
            }
            if (!original.isArray()) {
                wrong.add(JsonNodeFactory.instance.arrayNode().add(1));
            }
            if (!original.isObject()) {
                wrong.add(JsonNodeFactory.instance.objectNode().put("k", 1));
            }
            for (JsonNode w : wrong) {
                ObjectNode mutated = valid.deepCopy();
                mutated.set(field, w);
                out.add(Map.entry(field, mutated.toString()));
            }
        }
        return out;
    }

    private static Http.Reply send(Endpoint e, String body) {
        return switch (e.method()) {
            case "POST" -> e.caller().post(e.path(), body);
            case "PUT" -> e.caller().put(e.path(), body);
            case "PATCH" -> e.caller().patch(e.path(), body);
            default -> throw new IllegalArgumentException(e.method());
        };
    }

    private static List<String> state() {
        Http p = fx.platform();
        return List.of(p.get("/api/admin/orgs").body(), p.get("/api/admin/orgs/corp/users").body(), admin.get("/api/users").body(),
                admin.get("/api/connections").body(), admin.get("/api/tokens").body(),
                Integer.toString(p.get("/api/admin/audit?org=corp&limit=1000").json().get("events").size()));
    }

    @Test
    void namesWithControlBidiOrBrokenCharactersAre400sNamingTheField() {
        List<String> before = state();
        Map<String, String> templates = new java.util.LinkedHashMap<>();
        templates.put("POST /api/tokens name", "{\"name\":\"%s\"}");
        templates.put("POST /api/admin/orgs name", "{\"id\":\"evil\",\"name\":\"%s\",\"tier\":\"TEAM\"}");
        templates.put("PATCH /api/admin/orgs/corp name", "{\"name\":\"%s\"}");
        templates.put("POST /api/users name", "{\"email\":\"n@corp.test\",\"name\":\"%s\",\"role\":\"RECRUITER\","
                + "\"password\":\"long-enough-password\"}");
        templates.put("POST /api/users email", "{\"email\":\"n%s@corp.test\",\"name\":\"N\",\"role\":\"RECRUITER\","
                + "\"password\":\"long-enough-password\"}");
        templates.put("POST /api/admin/orgs/corp/users name", "{\"email\":\"m@corp.test\",\"name\":\"%s\","
                + "\"role\":\"RECRUITER\",\"password\":\"long-enough-password\"}");
        // As JSON escapes: NUL, a line break, ESC, DEL, right-to-left override, first-strong isolate, a lone surrogate.
        List<String> bad = List.of("a\\u0000b", "a\\nb", "\\u001b[31mred", "a\\u007fb", "invoice\\u202Etxt.exe",
                "a\\u2068b", "a\\ud800b", "\\udc00");
        for (Map.Entry<String, String> t : templates.entrySet()) {
            String[] what = t.getKey().split(" ");
            Http caller = what[1].startsWith("/api/admin") ? fx.platform() : admin;
            for (String value : bad) {
                String body = t.getValue().formatted(value);
                Http.Reply r = what[0].equals("PATCH") ? caller.patch(what[1], body) : caller.post(what[1], body);
                assertThat(r.status()).as(t.getKey() + " = " + value + " → " + r).isEqualTo(400);
                assertThat(r.field()).as(t.getKey() + " = " + value).isEqualTo(what[2]);
                assertThat(r.json().at("/error/message").asText()).contains("U+");
            }
        }
        assertThat(state()).isEqualTo(before);

        // Every script and emoji are names like any other.
        Http.Reply fine = admin.post("/api/tokens", "{\"name\":\"\\ud83d\\udcc5 nightly — עברית, 日本語, Ünïcödé\"}");
        assertThat(fine.status()).as(fine.toString()).isEqualTo(201);
        assertThat(admin.delete("/api/tokens/" + fine.json().get("id").asText()).status()).isEqualTo(204);
    }

    @Test
    void anOversizedChunkedBodyIsPayloadTooLargeLikeADeclaredOne() {
        String big = "x".repeat(MAX_BYTES);
        Map<String, String> bodies = Map.of(
                "/api/tokens", "{\"name\":\"" + big + "\"}",
                "/api/users", "{\"email\":\"big@corp.test\",\"name\":\"" + big + "\"}",
                "/api/connections", "{\"connectorId\":\"icims-stream\",\"credentials\":{\"clientId\":\"" + big + "\"}}");
        List<String> before = state();
        bodies.forEach((path, body) -> {
            // No Content-Length: the size is only known by counting as the body arrives.
            Http.Reply r = admin.send(admin.request(path).header("Content-Type", "application/json").POST(
                    java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes()))));
            assertThat(r.status()).as(path + " → " + r).isEqualTo(400);
            assertThat(r.code()).as(path + " → " + r).isEqualTo("payload_too_large");
        });
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void badQueryParametersAre400sNamingTheParameter() {
        String runs = "/api/connections/" + connection + "/runs";
        Map<String, Http.Reply> replies = new java.util.LinkedHashMap<>();
        for (String limit : List.of("abc", "-1", "0", "1e3", "99999999999", "ten")) {
            replies.put(runs + "?limit=" + limit, admin.get(runs + "?limit=" + limit));
            replies.put("/api/audit?limit=" + limit, admin.get("/api/audit?limit=" + limit));
            replies.put("/api/admin/audit?limit=" + limit, fx.platform().get("/api/admin/audit?limit=" + limit));
        }
        replies.put(runs + "/1/failures?limit=x", admin.get(runs + "/1/failures?limit=x"));
        assertThat(replies).allSatisfy((what, r) -> {
            assertThat(r.status()).as(what + " → " + r).isEqualTo(400);
            assertThat(r.field()).as(what).isEqualTo("limit");
        });
    }

    @Test
    void everyBadBodyIsA400NamingTheFieldAndChangesNothing() throws Exception {
        List<String> before = state();
        int sent = 0;
        for (Endpoint e : endpoints()) {
            for (String body : shapeless()) {
                Http.Reply r = send(e, body);
                sent++;
                String what = e.method() + " " + e.path() + " with " + (body.length() > 60 ? body.substring(0, 60) + "…" : body);
                assertThat(r.status()).as(what + " → " + r).isEqualTo(400);
                assertThat(r.json().at("/error/code").asText()).as(what).isNotBlank();
                assertThat(r.json().at("/error/message").asText()).as(what).isNotBlank();
            }
            for (Map.Entry<String, String> m : fieldMutations(e)) {
                Http.Reply r = send(e, m.getValue());
                sent++;
                String what = e.method() + " " + e.path() + " with " + m.getValue();
                assertThat(r.status()).as(what + " → " + r).isEqualTo(400);
                assertThat(r.field()).as(what + " → " + r).isNotNull().startsWith(m.getKey());
            }
        }
        assertThat(sent).isGreaterThan(200);
        assertThat(state()).isEqualTo(before);
    }
}
