package io.rediscover.plugins;

import io.rediscover.pluginapi.MeteredHttpClient;
import io.rediscover.pluginapi.RequestBudget;

import java.net.http.HttpRequest;

/**
 * How one call's requests are metered: what {@link ConnectorContexts} asks before each request leaves through the
 * context's HTTP client, and the budget the context reports to the plugin. The budget capability implements it per
 * connection; {@link #NONE} meters nothing.
 */
public interface Metering extends MeteredHttpClient.Meter {

    /** @return what the call may still spend today */
    RequestBudget budget();

    /** No budget: every request leaves, nothing is counted. */
    Metering NONE = new Metering() {
        @Override
        public void admit(HttpRequest request) {
            // nothing to count
        }

        @Override
        public RequestBudget budget() {
            return RequestBudget.unlimited();
        }
    };
}
