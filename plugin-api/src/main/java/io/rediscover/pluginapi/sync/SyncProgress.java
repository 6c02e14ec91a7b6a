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
 */
public record SyncProgress(String phase, long done, long estimatedTotal, Map<String, Long> requestsByEndpoint) {

    /** Canonical constructor: copies the request counts. */
    public SyncProgress {
        Objects.requireNonNull(phase, "phase");
        requestsByEndpoint = Map.copyOf(requestsByEndpoint);
    }
}
