package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waiting between attempts: exponential backoff with jitter (iCIMS's acceptable-use policy asks for it, §1.1), the
 * server's {@code Retry-After} when it gives one, and the host's stop signal honoured while waiting.
 */
final class Backoff {

    private static final long CAP_MILLIS = 60_000;

    private final ConnectorContext context;
    private final Duration base;

    Backoff(ConnectorContext context, Duration base) {
        this.context = context;
        this.base = base;
    }

    /** @param attempt 0 for the first retry @return a delay around {@code base * 2^attempt}, capped at a minute */
    Duration after(int attempt) {
        long capped = Math.min(base.toMillis() << Math.min(attempt, 10), CAP_MILLIS);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /**
     * @param header a {@code Retry-After} value: delta-seconds or an HTTP date, or null
     * @return how long it asks us to wait, or null when absent or unreadable
     */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(context.clock().instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** Sleeps, waking every 100 ms to honour the stop signal. */
    void sleep(Duration wait) throws ConnectorException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            context.cancellation().throwIfRequested();
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(ErrorKind.TRANSIENT, "stopped on request");
            }
        }
    }
}
