package io.rediscover.icims.simulator;

/** Endpoint groups for request counting and fault targeting. */
public enum Endpoint {
    /** A1 {@code POST /oauth/token}. */
    TOKEN,
    /** A2/A3 {@code /customers/{cid}/search/{type}}. */
    SEARCH,
    /** A4 profile GETs {@code /customers/{cid}/{people|jobs|applicantworkflows}/{id}}. */
    GET,
    /** A5 {@code /customers/{cid}/people/{id}/fields/resume/binary}. */
    RESUME,
    /** A6 {@code GET /customers/{cid}}. */
    CUSTOMER,
    /** E1 {@code /datastream/v2/streams/…}. */
    STREAM;

    /** Whether calls count against the daily quota (B8: A2–A6). */
    boolean countsTowardsQuota() {
        return this != TOKEN && this != STREAM;
    }
}
