package io.rediscover.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small real-HTTP client for tests: JSON in, status + parsed JSON out. {@link #signIn} gives a client that carries a
 * session cookie and its CSRF token, {@link #withToken} one that sends a bearer token, as the UI and scripts do. Every
 * reply is also kept in {@link #seen}, so a test can scan everything the server said.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> headers;
    private final List<Reply> seen;

    /** @param port the host's port */
    public Http(int port) {
        this("http://127.0.0.1:" + port, Map.of(), new java.util.concurrent.CopyOnWriteArrayList<>());
    }

    private Http(String base, Map<String, String> headers, List<Reply> seen) {
        this.base = base;
        this.headers = headers;
        this.seen = seen;
    }

    /** A response. @param status HTTP status @param body raw body @param contentType its type @param headers all headers */
    public record Reply(int status, String body, String contentType, Map<String, List<String>> headers) {
        /** @return the body as JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** @return the error code of an error reply */
        public String code() {
            return json().at("/error/code").asText();
        }

        /** @return the error field of an error reply */
        public String field() {
            return json().at("/error/field").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** @param port another port (a restarted host) @return a client with the same headers (cookie, token) for it */
    public Http at(int port) {
        return new Http("http://127.0.0.1:" + port, headers, seen);
    }

    /** @param token an API token @return a client that sends it as a bearer token */
    public Http withToken(String token) {
        return with(Map.of("Authorization", "Bearer " + token));
    }

    /** @param extra headers to add @return a client that sends them with every request */
    public Http with(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new Http(base, Map.copyOf(all), seen);
    }

    /**
     * @param email    address
     * @param password password
     * @return a client carrying the session cookie and CSRF token
     */
    public Http signIn(String email, String password) {
        Reply r = post("/api/session", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + email + " failed: " + r);
        }
        String cookie = r.headers().getOrDefault("set-cookie", List.of()).stream()
                .filter(c -> c.startsWith("rediscover_session=")).findFirst().orElseThrow().split(";", 2)[0];
        return new Http(base, Map.of("Cookie", cookie, "X-CSRF-Token", r.json().get("csrfToken").asText()), seen);
    }

    /** @return every reply this client and its derived clients received */
    public List<Reply> seen() {
        return seen;
    }

    /** @param path a path @return the reply */
    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** @param path a path @param json the body @return the reply */
    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** @param path a path @param json the body @return the reply */
    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** @param path a path @param json the body @return the reply */
    public Reply patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** @param path a path @return the reply */
    public Reply delete(String path) {
        return method("DELETE", path);
    }

    /** @param method any method @param path a path @return the reply */
    public Reply method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** @param path a path @return a request builder with this client's headers */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    /** @param request a prepared request @return the reply */
    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().map());
            seen.add(reply);
            return reply;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
