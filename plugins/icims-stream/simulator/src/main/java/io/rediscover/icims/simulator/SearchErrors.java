package io.rediscover.icims.simulator;

/**
 * Search API validation messages. The first six are quoted from iCIMS's Search API page [DOC S1] (where
 * the page elides part of a message, the wording of the missing part is ours); the rest are [ASSUME].
 * iCIMS does not state the HTTP status or errorCode of these: we answer 400 with errorCode 1 [ASSUME].
 */
final class SearchErrors {
    private SearchErrors() {
    }

    static final int ERROR_CODE = 1;
    static final String NO_FILTERS = "At least one filter must be specified";
    static final String INVALID_FILTER = "The following filter is either not valid or hidden: %s";
    static final String INVALID_FILTER_OPERATOR = "The filter operator is not valid in the given context: %s";
    static final String INVALID_GROUP_OPERATOR = "The group operator is not valid: %s";
    static final String UNRECOGNIZED_ATTRIBUTE = "The following filter attribute is unrecognized: %s";
    static final String PARSE_ERROR = "An unknown parsing error occurred";
    /** Blank dates are "not allowed" [DOC S1]; the wording is [ASSUME]. */
    static final String BLANK_DATE = "Blank date values are not allowed for filter: %s";
    static final String MISSING_VALUE = "A value must be specified for filter: %s";
    static final String INVALID_NUMBER = "The following filter value is not a valid number: %s";
    static final String INVALID_STALENESS = "The staleness parameter must be a non-negative integer: %s";
}
