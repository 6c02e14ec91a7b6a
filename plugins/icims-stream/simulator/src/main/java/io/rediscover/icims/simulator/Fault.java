package io.rediscover.icims.simulator;

import java.time.Duration;

/**
 * A misbehaviour the simulator can be told to show (contract section D). Armed through a
 * {@link FaultRule} on an endpoint, for a given call number or with a probability.
 */
public sealed interface Fault {
    /** How a 429 states when to come back. */
    enum RetryAfter { SECONDS, HTTP_DATE, NONE }

    /** D1: 401 invalid_token as if the token had expired or been revoked. On TOKEN: 401 access_denied. */
    record Unauthorized() implements Fault {
    }

    /** D2: 429 with {@code Retry-After} in seconds, as an HTTP-date, or without the header. */
    record TooManyRequests(RetryAfter retryAfter, long seconds) implements Fault {
    }

    /** D3: 500 (iCIMS body, code 0), 502, 503 (optionally with Retry-After seconds) or 504. */
    record ServerError(int status, Integer retryAfterSeconds) implements Fault {
    }

    /** D4: the normal answer, but only after {@code delay} (set it beyond the client's read timeout). */
    record Delay(Duration delay) implements Fault {
    }

    /** D4: the normal answer, its body dripped {@code chunkBytes} at a time every {@code interval}. */
    record SlowDrip(int chunkBytes, Duration interval) implements Fault {
    }

    /** D6: the normal headers with the full Content-Length, then only part of the body and a closed connection. */
    record TruncatedBody(double keepFraction) implements Fault {
    }

    /** D6: 200 with a syntactically invalid JSON body. */
    record InvalidJson() implements Fault {
    }

    /** D7: GET answers 404 code 2 (the record was deleted). */
    record RecordNotFound() implements Fault {
    }

    /** D8: GET answers 404 code 3 (access denied). */
    record AccessDenied() implements Fault {
    }

    /** D9: search answers 400 with a validation error. */
    record SearchValidationError() implements Fault {
    }

    /** D10: 429 as if the daily quota were spent. */
    record QuotaExhausted() implements Fault {
    }

    /** D11: 429 as if too many requests were in flight. */
    record ConcurrencyLimited() implements Fault {
    }

    /** D12: search answers {@code {"searchResults":[]}}. */
    record EmptySearchPage() implements Fault {
    }

    /** D13: 505 HTTP Version Not Supported. */
    record HttpVersionNotSupported() implements Fault {
    }

    /**
     * 403 on a resource, as an IP allow-list or a removed permission at the edge would answer [ASSUME: iCIMS reports
     * record-level access problems as 404 code 3, S3; a 403 can only come from in front of the API].
     */
    record Forbidden() implements Fault {
    }

    static Fault unauthorized() {
        return new Unauthorized();
    }

    static Fault tooManyRequests(RetryAfter style, long seconds) {
        return new TooManyRequests(style, seconds);
    }

    static Fault serverError(int status) {
        return new ServerError(status, null);
    }

    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    static Fault slowDrip(int chunkBytes, Duration interval) {
        return new SlowDrip(chunkBytes, interval);
    }

    static Fault truncatedBody() {
        return new TruncatedBody(0.5);
    }

    static Fault invalidJson() {
        return new InvalidJson();
    }

    /** Whether the fault changes how the real answer is delivered rather than replacing it. */
    default boolean degradesDelivery() {
        return this instanceof Delay || this instanceof SlowDrip || this instanceof TruncatedBody;
    }
}
