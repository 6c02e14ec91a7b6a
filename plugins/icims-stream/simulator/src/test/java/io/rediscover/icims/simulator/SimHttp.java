package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP/1.1 client for the tests: token, search, GET, control API. No mocks, real sockets. */
final class SimHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    final IcimsSimulator sim;
    final HttpClient client;
    private String token;

    SimHttp(IcimsSimulator sim) {
        this.sim = sim;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> tokenRequest(String form) {
        return send(HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static String form(String clientId, String secret, String audience) {
        return "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret)
                + "&audience=" + enc(audience);
    }

    String token() {
        if (token == null) {
            HttpResponse<String> r = tokenRequest(form(sim.clientId(), sim.clientSecret(), sim.audience()));
            token = json(r).get("access_token").asText();
        }
        return token;
    }

    void forgetToken() {
        token = null;
    }

    HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token());
    }

    HttpResponse<String> get(String path) {
        return send(api(path).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(api(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> search(String type, String query) {
        return search(type, query, null);
    }

    HttpResponse<String> search(String type, String query, Integer staleness) {
        String path = "/customers/" + sim.customerId() + "/search/" + type + (staleness == null ? "" : "?staleness=" + staleness);
        return send(api(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build());
    }

    /** Ids of one search page; fails the test on a non-200. */
    List<Long> searchIds(String type, String query) {
        HttpResponse<String> r = search(type, query, 0);
        if (r.statusCode() != 200) {
            throw new AssertionError("search failed: " + r.statusCode() + " " + r.body());
        }
        List<Long> ids = new ArrayList<>();
        json(r).get("searchResults").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    HttpResponse<String> control(String method, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim" + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {"filters":[...]} from filter JSON snippets, joined with &. */
    static String query(String... filters) {
        return "{\"filters\":[" + String.join(",", filters) + "]}";
    }

    static String filter(String name, String op, String... values) {
        StringBuilder sb = new StringBuilder("{\"name\":\"" + name + "\",\"operator\":\"" + op + "\",\"value\":[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? "," : "").append('"').append(values[i]).append('"');
        }
        return sb.append("]}").toString();
    }
}
