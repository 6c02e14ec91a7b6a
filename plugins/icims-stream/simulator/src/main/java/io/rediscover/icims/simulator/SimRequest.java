package io.rediscover.icims.simulator;

import java.util.Map;

/** The parts of an HTTP request the endpoints look at; the body is read eagerly (requests are small). */
record SimRequest(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    String param(String name) {
        return query.get(name);
    }
}
