package io.rediscover.plugins;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the host sees of every request a plugin makes through {@code ConnectorContext.http()}: a timer per connector,
 * endpoint and status ({@code rediscover_ats_requests_seconds}), and the waits the ATS asked for in
 * {@code Retry-After} ({@code rediscover_ats_retry_after_seconds}). The endpoint is the method and the path with every
 * id-like segment replaced by {@code {id}} (a segment with a digit, or a long one), so the series stay few; past
 * {@value #MAX_ENDPOINTS} endpoints per connector the rest count as {@code other}.
 */
@Singleton
public final class AtsMeters {

    static final int MAX_ENDPOINTS = 100;
    private final MeterRegistry registry;
    private final Map<String, Set<String>> endpoints = new ConcurrentHashMap<>();

    /** @param registry the host's meters */
    @Inject
    public AtsMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param connector the connector that made the request
     * @param method    its method
     * @param uri       its URI
     * @param status    the response's status, or 0 when none came (timeout, broken connection)
     * @param took      how long it took
     */
    void request(String connector, String method, URI uri, int status, Duration took) {
        Timer.builder("rediscover.ats.requests").description("Requests plugins made to their ATS, by endpoint and status")
                .tags("connector", connector, "endpoint", endpoint(connector, method, uri),
                        "status", status == 0 ? "none" : Integer.toString(status))
                .register(registry).record(took);
    }

    /** @param connector the connector @param wait what the ATS asked it to wait before the next request */
    void retryAfter(String connector, Duration wait) {
        DistributionSummary.builder("rediscover.ats.retry.after").baseUnit("seconds")
                .description("Waits ATSs asked for in Retry-After (rate limits, quotas)")
                .tags("connector", connector).register(registry).record(wait.toMillis() / 1000.0);
    }

    private String endpoint(String connector, String method, URI uri) {
        String template = method + " " + template(uri.getRawPath());
        Set<String> known = endpoints.computeIfAbsent(connector, c -> ConcurrentHashMap.newKeySet());
        if (known.contains(template)) {
            return template;
        }
        synchronized (known) {
            if (known.size() < MAX_ENDPOINTS) {
                known.add(template);
                return template;
            }
        }
        return "other";
    }

    /** @param path a raw URI path @return it with id-like segments as {@code {id}} */
    static String template(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(segment.chars().anyMatch(Character::isDigit) || segment.length() > 32 ? "{id}" : segment);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
