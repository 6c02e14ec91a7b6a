package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A6 {@code GET /customers/{cid}}: a small JSON answer for a valid user, used as a health check [OBS C6; shape ASSUME]. */
final class CustomerEndpoint {
    private final ObjectMapper json;
    private final IcimsErrors errors;
    private final String customerId;
    private final String selfUrl;

    CustomerEndpoint(ObjectMapper json, IcimsErrors errors, String customerId, String selfUrl) {
        this.json = json;
        this.errors = errors;
        this.customerId = customerId;
        this.selfUrl = selfUrl;
    }

    SimResponse handle(SimRequest request) {
        if (!request.method().equals("GET")) {
            return errors.error(405, 0, "Method not allowed.");
        }
        ObjectNode body = json.createObjectNode().put("customerId", customerId)
                .put("name", "Simulated Customer " + customerId);
        body.putArray(IcimsFieldNames.LINKS).addObject().put("rel", "self").put("title", "The current customer.").put("url", selfUrl);
        return SimResponse.json(200, body.toString());
    }
}
