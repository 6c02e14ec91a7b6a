package io.rediscover.pluginapi.sync;

import java.util.Map;
import java.util.Objects;

/**
 * How far a run has come, as the plugin sees it. The host adds rate, ETA and checkpoint times.
 *
 * @param phase              what the plugin is reading now, e.g. {@code people}, {@code workflows}, {@code jobs}
 * @param done               records of this phase handled so far
 * @param estimatedTotal     the plugin's estimate of the phase's total, or {@code -1} when unknown
 * @param requestsByEndpoint requests made to the ATS in this run so far, by endpoint name (e.g. {@code search/people},
 *                           {@code GET people}, {@code token}); used to show the API budget a run costs
 * @param requestsLeft       the plugin's estimate of the requests that count against the ATS's quota still needed to
 *                           finish what the state says is left (for a first download: all of it, over as many runs as
 *                           it takes), or {@code -1} when unknown; with the daily budget, the host tells how many days
 *                           that is
 */
public record SyncProgress(String phase, long done, long estimatedTotal, Map<String, Long> requestsByEndpoint,
                           long requestsLeft) {

    /** Canonical constructor: copies the request counts. */
    public SyncProgress {
        Objects.requireNonNull(phase, "phase");
        requestsByEndpoint = Map.copyOf(requestsByEndpoint);
    }

    /**
     * Progress without an estimate of the requests left (the constructor of contract 1.0.0).
     *
     * @param phase              what the plugin is reading now
     * @param done               records of this phase handled so far
     * @param estimatedTotal     the plugin's estimate of the phase's total, or {@code -1}
     * @param requestsByEndpoint requests made to the ATS in this run so far, by endpoint name
     */
    public SyncProgress(String phase, long done, long estimatedTotal, Map<String, Long> requestsByEndpoint) {
        this(phase, done, estimatedTotal, requestsByEndpoint, -1);
    }
}
