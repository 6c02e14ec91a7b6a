package io.rediscover.pluginapi;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Host services for one connector call: everything a plugin needs to be a good citizen, so it starts no threads and
 * opens no clients of its own. New services arrive as default methods, so plugins built against an older contract
 * keep working.
 */
public interface ConnectorContext {

    /**
     * @return an HTTP client with the host's connect timeout, proxy and executor. Set per-request timeouts yourself;
     *         force the HTTP version per request when the ATS needs one.
     */
    HttpClient http();

    /** @return the clock to use for all time decisions, so tests can control time */
    Clock clock();

    /** @return a redacting logger */
    ConnectorLog log();

    /** @return the stop signal of this call */
    Cancellation cancellation();

    /**
     * Connector settings from the host configuration ({@code connectors.<connector-id>.<key>} in
     * {@code rediscover.yaml}, or {@code REDISCOVER_CONNECTORS_<ID>_<KEY>}): base URLs, concurrency, overlap windows.
     * These are not credentials and apply to every connection of the connector on this host.
     *
     * @return settings by key; empty when none are configured
     */
    default Map<String, String> settings() {
        return Map.of();
    }

    /**
     * @param key a setting key
     * @return the setting, if configured and not blank
     */
    default Optional<String> setting(String key) {
        String v = settings().get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
