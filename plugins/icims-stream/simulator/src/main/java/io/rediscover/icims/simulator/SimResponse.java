package io.rediscover.icims.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A complete HTTP answer computed by an endpoint before anything is written: status, headers and body
 * bytes. {@link ResponseWriter} puts it on the wire, possibly degraded by a delivery fault (delay,
 * slow drip, truncation).
 */
record SimResponse(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers) {
    static final String JSON = "application/json; charset=UTF-8";

    static SimResponse json(int status, String json) {
        return new SimResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), List.of());
    }

    static SimResponse bytes(int status, String contentType, byte[] body) {
        return new SimResponse(status, contentType, body, List.of());
    }

    /** A copy with one more header (headers may repeat, e.g. several X-Error lines). */
    SimResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new SimResponse(status, contentType, body, List.copyOf(h));
    }

    /** A copy with a JSON body instead of this one. */
    SimResponse withBody(com.fasterxml.jackson.databind.JsonNode json) {
        return new SimResponse(status, JSON, json.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
