package io.rediscover.pluginapi;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Host services for one connector call: everything a plugin needs to be a good citizen, so it starts no threads and
 * opens no clients of its own. New services arrive as default methods, so plugins built against an older contract
 * keep working.
 */
public interface ConnectorContext {

    /**
     * @return an HTTP client with the host's connect timeout and proxy. Set per-request timeouts yourself; force the
     *         HTTP version per request when the ATS needs one. Its executor is the client's business: to run requests
     *         concurrently, use {@link #executor()}. Requests that count against the ATS's quota are metered against
     *         the connection's daily {@link #budget()}: once it is spent they fail with
     *         {@link BudgetExhaustedException} without leaving.
     */
    HttpClient http();

    /**
     * Where to run reads concurrently, for example several record requests at once. The threads belong to the host,
     * which bounds them (the pool is shared by every running call, so tasks may wait their turn) and stops them; the
     * plugin starts none of its own. Tasks run with the plugin's class loader as the thread context class loader. Bound your own share too, wait for your tasks before returning, and never block
     * a task on another task of this executor.
     *
     * <p>The default, for contexts that do not offer one, runs each task on the calling thread: correct, only not
     * concurrent.
     *
     * @return the executor for this call's concurrent reads
     */
    default Executor executor() {
        return Runnable::run;
    }

    /**
     * The connection's request budget for today. Requests that count against the ATS's quota
     * ({@link ConnectorDescriptor#requestQuota()}) are counted as they leave through {@link #http()}; once the budget
     * is spent, {@link #http()} refuses them with {@link BudgetExhaustedException} before they leave. Plan with it.
     *
     * <p>The default, for contexts that meter nothing, is {@link RequestBudget#unlimited()}.
     *
     * @return what this call may still spend today
     */
    default RequestBudget budget() {
        return RequestBudget.unlimited();
    }

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
