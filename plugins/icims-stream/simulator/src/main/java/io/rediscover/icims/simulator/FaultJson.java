package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads a fault rule posted to {@code /_sim/faults}:
 * <pre>
 * {"endpoint":"SEARCH",                       // TOKEN|SEARCH|GET|RESUME|CUSTOMER|STREAM, absent = any
 *  "call":3 | "nextCalls":2 | "fromCall":2,"toCall":4 | "probability":0.1,"maxTimes":5 | "always":true,
 *  "fault":{"type":"TOO_MANY_REQUESTS","retryAfter":"SECONDS|HTTP_DATE|NONE","seconds":2}}
 * </pre>
 * Fault types: UNAUTHORIZED, TOO_MANY_REQUESTS, SERVER_ERROR (status, retryAfterSeconds), DELAY (millis),
 * SLOW_DRIP (chunkBytes, intervalMillis), TRUNCATED_BODY (keepFraction), INVALID_JSON, RECORD_NOT_FOUND,
 * ACCESS_DENIED, SEARCH_VALIDATION_ERROR, QUOTA_EXHAUSTED, CONCURRENCY_LIMITED, EMPTY_SEARCH_PAGE,
 * HTTP_VERSION_NOT_SUPPORTED, FORBIDDEN.
 */
final class FaultJson {
    private FaultJson() {
    }

    static FaultRule rule(JsonNode b) {
        Endpoint endpoint = b.hasNonNull("endpoint") ? Endpoint.valueOf(b.get("endpoint").asText().toUpperCase(Locale.ROOT)) : null;
        FaultRule.Trigger trigger;
        if (b.has("call")) {
            trigger = new FaultRule.Trigger.OnCall(b.get("call").asLong());
        } else if (b.has("nextCalls")) {
            trigger = new FaultRule.Trigger.NextCalls(b.get("nextCalls").asLong());
        } else if (b.has("fromCall")) {
            trigger = new FaultRule.Trigger.CallRange(b.get("fromCall").asLong(), b.path("toCall").asLong(Long.MAX_VALUE));
        } else if (b.has("probability")) {
            trigger = new FaultRule.Trigger.Probability(b.get("probability").asDouble(), b.path("maxTimes").asLong(0));
        } else if (b.path("always").asBoolean(false)) {
            trigger = new FaultRule.Trigger.Always();
        } else {
            throw new IllegalArgumentException("a trigger is required: call, nextCalls, fromCall/toCall, probability or always");
        }
        return new FaultRule(endpoint, trigger, fault(b.path("fault")));
    }

    static Fault fault(JsonNode f) {
        String type = f.path("type").asText("").toUpperCase(Locale.ROOT);
        return switch (type) {
            case "UNAUTHORIZED" -> new Fault.Unauthorized();
            case "TOO_MANY_REQUESTS" -> new Fault.TooManyRequests(
                    Fault.RetryAfter.valueOf(f.path("retryAfter").asText("SECONDS").toUpperCase(Locale.ROOT)), f.path("seconds").asLong(1));
            case "SERVER_ERROR" -> new Fault.ServerError(f.path("status").asInt(500),
                    f.hasNonNull("retryAfterSeconds") ? f.get("retryAfterSeconds").asInt() : null);
            case "DELAY" -> new Fault.Delay(Duration.ofMillis(f.path("millis").asLong(5000)));
            case "SLOW_DRIP" -> new Fault.SlowDrip(f.path("chunkBytes").asInt(16), Duration.ofMillis(f.path("intervalMillis").asLong(200)));
            case "TRUNCATED_BODY" -> new Fault.TruncatedBody(f.path("keepFraction").asDouble(0.5));
            case "INVALID_JSON" -> new Fault.InvalidJson();
            case "RECORD_NOT_FOUND" -> new Fault.RecordNotFound();
            case "ACCESS_DENIED" -> new Fault.AccessDenied();
            case "SEARCH_VALIDATION_ERROR" -> new Fault.SearchValidationError();
            case "QUOTA_EXHAUSTED" -> new Fault.QuotaExhausted();
            case "CONCURRENCY_LIMITED" -> new Fault.ConcurrencyLimited();
            case "EMPTY_SEARCH_PAGE" -> new Fault.EmptySearchPage();
            case "HTTP_VERSION_NOT_SUPPORTED" -> new Fault.HttpVersionNotSupported();
            case "FORBIDDEN" -> new Fault.Forbidden();
            default -> throw new IllegalArgumentException("unknown fault type: " + type);
        };
    }
}
