package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Error answers in iCIMS form [DOC S3]: status, {@code X-Error: <code>:<detail>} header and
 * {@code {"errors":[{"errorMessage":…,"errorCode":…}]}} body. Codes: 0 internal (500), 1 field required
 * (400), 2 not found (404), 3 access denied (404), 6 bad credentials (401 [ASSUME]).
 */
final class IcimsErrors {
    private final ObjectMapper json;

    IcimsErrors(ObjectMapper json) {
        this.json = json;
    }

    SimResponse error(int status, int code, String message) {
        ObjectNode body = json.createObjectNode();
        body.putArray(IcimsFieldNames.ERRORS).addObject()
                .put(IcimsFieldNames.ERROR_MESSAGE, message).put(IcimsFieldNames.ERROR_CODE, code);
        return SimResponse.json(status, body.toString()).withHeader("X-Error", code + ":" + message);
    }

    /** B6/D7: the record does not exist (any more). */
    SimResponse notFound(ProfileType type) {
        return error(404, 2, type.displayName() + " not found.");
    }

    /** B7/D8: the record exists but this user may not see it; iCIMS reports it as 404 code 3 [DOC S3]. */
    SimResponse accessDenied(ProfileType type) {
        return error(404, 3, "You do not have access to this " + type.displayName() + ".");
    }

    /** A7: missing, unknown, expired or revoked bearer token [ASSUME shape]. */
    SimResponse invalidToken(String message) {
        return error(401, 6, message).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    /** D2/D10/D11: 429 (errorCode 429 [ASSUME]: iCIMS documents neither), Retry-After as delta-seconds, HTTP-date or absent. */
    SimResponse tooManyRequests(String message, Fault.RetryAfter style, long seconds, Instant now) {
        SimResponse r = error(429, 429, message);
        return switch (style) {
            case SECONDS -> r.withHeader("Retry-After", Long.toString(seconds));
            case HTTP_DATE -> r.withHeader("Retry-After",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(seconds).atOffset(ZoneOffset.UTC)));
            case NONE -> r;
        };
    }

    /** D3: 500 is iCIMS's own (code 0); 502/503/504 come from the edge as small HTML pages [ASSUME]. */
    SimResponse serverError(int status, Integer retryAfterSeconds) {
        SimResponse r = switch (status) {
            case 500 -> error(500, 0, "An internal error has occurred.");
            case 502 -> html(502, "502 Bad Gateway");
            case 503 -> html(503, "503 Service Temporarily Unavailable");
            case 504 -> html(504, "504 Gateway Time-out");
            default -> error(status, 0, "Error " + status);
        };
        return retryAfterSeconds == null ? r : r.withHeader("Retry-After", retryAfterSeconds.toString());
    }

    /** A 403 from in front of the API (IP allow-list, permission removed) [ASSUME shape: iCIMS error body]. */
    SimResponse forbidden() {
        return error(403, 3, "The integration user is not allowed to use this resource.");
    }

    /** A8/D13: anything but HTTP/1.1 [DOC S2]. */
    SimResponse httpVersionNotSupported() {
        return html(505, "505 HTTP Version Not Supported");
    }

    private static SimResponse html(int status, String title) {
        return SimResponse.bytes(status, "text/html; charset=UTF-8",
                ("<html><head><title>" + title + "</title></head><body><center><h1>" + title
                        + "</h1></center></body></html>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
