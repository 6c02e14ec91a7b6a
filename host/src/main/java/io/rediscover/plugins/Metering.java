package io.rediscover.plugins;

import io.rediscover.pluginapi.MeteredHttpClient;
import io.rediscover.pluginapi.RequestBudget;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * How one call's requests are metered: what {@link ConnectorContexts} asks before each request leaves through the
 * context's HTTP client, and what the context reports as the call's budget. The budget capability implements it per
 * connection; {@link #NONE} meters nothing.
 */
public interface Metering extends MeteredHttpClient.Meter, RequestBudget {

    /** No budget: every request leaves, nothing is counted. */
    Metering NONE = new Metering() {
        @Override
        public void admit(HttpRequest request) {
            // nothing to count
        }

        @Override
        public long limit() {
            return Long.MAX_VALUE;
        }

        @Override
        public long used() {
            return 0;
        }

        @Override
        public Optional<Instant> resetsAt() {
            return Optional.empty();
        }
    };
}
