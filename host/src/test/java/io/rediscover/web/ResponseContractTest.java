package io.rediscover.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.Host;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every response promises, whichever part of the stack answers: errors are JSON in the API's shape (also those
 * Jetty writes before Jersey or a servlet sees the request), and every response carries the security headers. Bad
 * requests are written on a raw socket, byte for byte, as a hostile client would send them.
 */
class ResponseContractTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Host host;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(TestHosts.config(dir.resolve("data"), dir, Map.of()));
        http = new Http(host.port());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** A response read off the wire: status, headers by lower-case name, body. */
    record Raw(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    static Raw raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", host.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                assertThat(b).as("response head so far: %s", head).isNotNegative();
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    private static String get(String target, String... extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", extraHeaders) + "Connection: close\r\n\r\n";
    }

    private static void assertJsonError(String what, Raw r, int status, String code) throws IOException {
        assertThat(r.status()).as(what + " → " + r).isEqualTo(status);
        assertThat(r.headers().get("content-type")).as(what + " → " + r).startsWith("application/json");
        assertThat(r.json().at("/error/code").asText()).as(what + " → " + r).isEqualTo(code);
        assertThat(r.json().at("/error/message").asText()).as(what + " → " + r).isNotBlank();
        assertThat(r.headers()).as(what).containsEntry("x-content-type-options", "nosniff");
    }

    @Test
    void requestsJettyRefusesItselfGetJsonErrors() throws IOException {
        Map<String, String> badPaths = new LinkedHashMap<>();
        badPaths.put("encoded slash", get("/api/connections/a%2Fb"));
        badPaths.put("encoded NUL", get("/api/connections/a%00b"));
        badPaths.put("encoded dot-dot", get("/api/%2e%2e/admin/orgs"));
        badPaths.put("encoded dot-dot in the UI", get("/x/%2e%2e/index.html"));
        badPaths.put("encoded backslash", get("/a%5Cb"));
        badPaths.put("broken escape", get("/api/%zz"));
        badPaths.put("no Host header", "GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n");
        badPaths.put("not HTTP at all", "HELLO\r\n\r\n");
        for (Map.Entry<String, String> bad : badPaths.entrySet()) {
            assertJsonError(bad.getKey(), raw(bad.getValue()), 400, "invalid_request");
        }
        Raw ambiguous = raw(get("/api/connections/a%2Fb"));
        assertThat(ambiguous.json().at("/error/message").asText()).contains("Ambiguous URI path separator");

        assertJsonError("huge header", raw(get("/api/health", "X-Big: " + "a".repeat(64 * 1024) + "\r\n")), 431,
                "headers_too_large");
        assertJsonError("huge URI", raw(get("/" + "a".repeat(64 * 1024))), 414, "uri_too_long");
        assertJsonError("unknown HTTP version", raw("GET / HTTP/9.9\r\nHost: localhost\r\n\r\n"), 505,
                "http_version_not_supported");
        assertJsonError("DELETE of the UI", raw("DELETE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405,
                "method_not_allowed");
        assertJsonError("TRACE", raw("TRACE /index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405,
                "method_not_allowed");
        assertJsonError("static file missing", raw(get("/no-such-file.js")), 404, "not_found");
    }

    @Test
    void theUiMayNotBeFramedNorLoadAnythingFromElsewhere() throws IOException {
        Raw ui = raw(get("/"));
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.headers().get("content-security-policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(ui.headers()).containsEntry("x-frame-options", "DENY").containsEntry("x-content-type-options", "nosniff");
    }

    @Test
    void everyResponseForbidsContentSniffing() {
        List<Http.Reply> replies = List.of(http.get("/api/health"), http.get("/api/connections"), http.get("/api/no/route"),
                http.method("DELETE", "/api/health"), http.post("/api/session", "{"), http.get("/index.html"),
                http.get("/missing.css"));
        assertThat(replies).allSatisfy(r -> assertThat(r.headers().get("x-content-type-options")).as(r.toString())
                .containsExactly("nosniff"));
        assertThat(replies).extracting(Http.Reply::status).containsExactly(200, 401, 404, 405, 400, 200, 404);
    }
}
