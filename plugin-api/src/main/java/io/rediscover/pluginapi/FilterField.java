package io.rediscover.pluginapi;

import java.util.Objects;

/**
 * A filter only this ATS knows, shown in the "Your ATS" filter bar (for iCIMS: Status, Job/Title, Source, Recruiter,
 * Last Updated, Stage). Candidates supply values for it in {@link io.rediscover.pluginapi.record.AtsCandidate#attributes()}
 * under the same key. The host hides a filter for which no candidate has a value.
 *
 * @param key   stable machine key, matching {@code [a-z][a-zA-Z0-9]*}; unique within the descriptor
 * @param label human label
 * @param kind  how the filter is rendered and evaluated
 */
public record FilterField(String key, String label, FilterKind kind) {

    /** Canonical constructor: all parts are required. */
    public FilterField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param key   machine key
     * @param label human label
     * @return a multi-select filter
     */
    public static FilterField terms(String key, String label) {
        return new FilterField(key, label, FilterKind.TERMS);
    }

    /**
     * @param key   machine key
     * @param label human label
     * @return a date-range filter
     */
    public static FilterField dateRange(String key, String label) {
        return new FilterField(key, label, FilterKind.DATE_RANGE);
    }
}
