package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The connector's host-level settings ({@code connectors.icims-stream.*} in rediscover.yaml): where iCIMS is, and how
 * hard to push it. They are not credentials: they apply to every connection on the host.
 *
 * @param apiBaseUrl      REST API base, e.g. {@code https://api.icims.com}
 * @param tokenUrl        OAuth token endpoint
 * @param streamBaseUrl   Data Stream base
 * @param audience        OAuth audience
 * @param linkedinFieldIds the tenant's custom fields holding LinkedIn URLs (LinkedIn is not a native iCIMS field)
 * @param overlap         how far before the watermark an incremental search starts (≥ 20 minutes: iCIMS search
 *                        caches results for up to 15 minutes and stamps minutes, not seconds)
 * @param getConcurrency  GET requests in flight at once
 * @param reconcileEvery  how often every id is enumerated to find deletions no event reported
 * @param requestTimeout  per-request timeout
 * @param maxRetries      retries of one request before the run fails
 * @param retryBase       first retry delay (doubles, with jitter)
 * @param staleness       {@code staleness} minutes passed to incremental searches (0 = live)
 * @param resumePriority  when the budget is tight, resumes of people with a workflow updated this recently are read
 *                        with them; the others' wait for the end of the first download
 * @param reconcileShare  the share of the daily budget (percent) a reconciliation may spend; a type whose enumeration
 *                        does not fit waits for a day when it does
 */
record IcimsSettings(URI apiBaseUrl, URI tokenUrl, URI streamBaseUrl, String audience, List<String> linkedinFieldIds,
                     Duration overlap, int getConcurrency, Duration reconcileEvery, Duration requestTimeout,
                     int maxRetries, Duration retryBase, int staleness, Duration resumePriority, int reconcileShare) {

    static final Duration MIN_OVERLAP = Duration.ofMinutes(20);

    static IcimsSettings from(ConnectorContext context) throws ConnectorException {
        Reader r = new Reader(context);
        Duration overlap = Duration.ofMinutes(r.number("overlapMinutes", 30, 20, 10_080));
        String region = context.setting("region").orElse("us").strip().toLowerCase(java.util.Locale.ROOT);
        String[] hosts = switch (region) {
            case "us" -> new String[] {"https://api.icims.com", "https://login.icims.com/oauth/token"};
            case "eu" -> new String[] {"https://api-eu.icims.com", "https://login.icims.eu/oauth/token"};
            default -> throw ConnectorException.config(null, "setting connectors.icims-stream.region must be us or eu, got " + region);
        };
        return new IcimsSettings(r.uri("apiBaseUrl", hosts[0]),
                r.uri("tokenUrl", hosts[1]),
                r.uri("streamBaseUrl", "https://data-transfer-assembler.production.env.icims.tools"),
                context.setting("audience").orElse("https://api.icims.com/v1/"),
                Arrays.stream(context.setting("linkedinFieldIds").orElse("").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                overlap,
                (int) r.number("getConcurrency", 4, 1, 32),
                Duration.ofDays(r.number("reconcileEveryDays", 7, 1, 365)),
                Duration.ofSeconds(r.number("requestTimeoutSeconds", 30, 1, 600)),
                (int) r.number("maxRetries", 5, 0, 20),
                Duration.ofMillis(r.number("retryBaseMillis", 1_000, 1, 60_000)),
                (int) r.number("staleness", 0, 0, 1_440),
                Duration.ofDays(r.number("resumePriorityDays", 30, 0, 3_650)),
                (int) r.number("reconcileSharePercent", 10, 1, 100));
    }

    /** @return these settings with {@code retries} retries of one request */
    IcimsSettings withMaxRetries(int retries) {
        return new IcimsSettings(apiBaseUrl, tokenUrl, streamBaseUrl, audience, linkedinFieldIds, overlap, getConcurrency,
                reconcileEvery, requestTimeout, retries, retryBase, staleness, resumePriority, reconcileShare);
    }

    /** Reads and checks one setting at a time, naming the key on error. */
    private record Reader(ConnectorContext context) {
        URI uri(String key, String fallback) throws ConnectorException {
            String v = context.setting(key).orElse(fallback);
            try {
                URI u = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
                if (u.getScheme() == null || u.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                return u;
            } catch (IllegalArgumentException e) {
                throw ConnectorException.config(null, "setting connectors.icims-stream." + key + " is not a URL: " + v);
            }
        }

        long number(String key, long fallback, long min, long max) throws ConnectorException {
            String v = context.setting(key).orElse(Long.toString(fallback));
            try {
                long n = Long.parseLong(v.strip());
                if (n < min || n > max) {
                    throw ConnectorException.config(null, "setting connectors.icims-stream." + key + " must be between "
                            + min + " and " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw ConnectorException.config(null, "setting connectors.icims-stream." + key + " must be a number, got " + v);
            }
        }
    }
}
