package io.rediscover.pluginapi;

/** How the host renders and evaluates an ATS-only {@link FilterField}. */
public enum FilterKind {
    /** A multi-select of values (status, source, recruiter, ...); candidates match any selected value. */
    TERMS,
    /** A from/to date range; attribute values are ISO-8601 dates or instants. */
    DATE_RANGE
}
