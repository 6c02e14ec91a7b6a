package io.rediscover.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.search.FilterCatalog;
import io.rediscover.search.SearchRequest;
import io.rediscover.web.InvalidField;

/**
 * The body of {@code POST /api/insights} and of the export: a search body (validated by the search's rules, with the
 * same answers; its order and page are taken so that a search body can be sent as it is, and change nothing) and how
 * many values each category shows.
 *
 * @param corpus  {@code ats} or {@code public}
 * @param query   the Boolean query, or empty for everything
 * @param filters the search filters
 * @param sort    the search's order (no effect here)
 * @param page    the search's page (no effect here)
 * @param size    the search's page size (no effect here)
 * @param limit   values per category, 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}
 */
public record InsightsRequest(String corpus, String query, JsonNode filters, String sort, Integer page, Integer size,
                              Integer limit) {

    /** Values per category unless asked otherwise. */
    public static final int DEFAULT_LIMIT = 10;
    /** Most values per category. */
    public static final int MAX_LIMIT = 50;

    /** @param search the validated search @param limit values per category */
    public record Valid(SearchRequest.Valid search, int limit) {
    }

    /**
     * @param catalog the filters there are
     * @return the request, validated
     * @throws InvalidField naming the first bad field
     */
    public Valid validate(FilterCatalog catalog) {
        SearchRequest.Valid search = new SearchRequest(corpus, query, filters, sort, page, size).validate(catalog);
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw new InvalidField("limit", "limit (values shown per category) must be between 1 and " + MAX_LIMIT);
        }
        return new Valid(search, l);
    }
}
