package io.rediscover.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /api/search}.
 *
 * @param total    how many candidates match, exactly
 * @param page     the page
 * @param size     the page size
 * @param hits     the page's hits, best first (or newest first)
 * @param facets   for each offered terms filter, its values in the result set with counts, most frequent first
 * @param filters  the filters offered: those for which the corpus holds values (an ATS filter nobody has is not offered)
 * @param warnings how the query was read, where it may not be what was meant
 * @param explain  the query as read, fully parenthesised
 * @param capped   whether results beyond {@value SearchRequest#MAX_DEPTH} exist that paging cannot reach
 * @param tookMs   time taken
 * @param indexing what the answer may be missing because the index does not hold the whole corpus yet (no ATS, a first
 *                 download, candidates waiting to be indexed, a rebuild), or null when it does
 * @param syncedAt when the newest of the org's successful syncs ended: the ATS data searched is as of then (null for
 *                 the public profiles, and before a sync succeeded)
 */
public record SearchResponse(long total, int page, int size, List<Hit> hits, Map<String, List<Bucket>> facets,
                             List<OfferedFilter> filters, List<Warning> warnings, String explain, boolean capped,
                             long tookMs, IndexCoverage.Notice indexing, Instant syncedAt) {

    /** @param hits the page's hits (with snippets) @return this answer with them */
    SearchResponse withHits(List<Hit> hits) {
        return new SearchResponse(total, page, size, hits, facets, filters, warnings, explain, capped, tookMs, indexing,
                syncedAt);
    }

    /** @param c what the answer covers @return this answer saying so */
    SearchResponse withCoverage(IndexCoverage.Coverage c) {
        return new SearchResponse(total, page, size, hits, facets, filters, warnings, explain, capped, tookMs, c.indexing(),
                c.syncedAt());
    }

    /**
     * @param id       the candidate's (or profile's) API id
     * @param atsId    its id in the ATS (null for public profiles)
     * @param name     display name
     * @param title    current title
     * @param company  current company
     * @param location where
     * @param updated  when its ATS data last changed (null for public profiles)
     * @param snippets highlighted fragments by field
     * @param matched  whether matched to a public profile (always true for a public profile)
     */
    public record Hit(String id, String atsId, String name, String title, String company, String location,
                      Instant updated, Map<String, List<Snippets.Fragment>> snippets, boolean matched) {
    }

    /** @param value a filter value, spelled as the filter takes it @param count candidates with it */
    public record Bucket(String value, long count) {
    }

    /**
     * @param key   the filter's API key
     * @param label its label
     * @param group power, diversity or ats
     * @param kind  TERMS, NUMBER_RANGE or DATE_RANGE
     */
    public record OfferedFilter(String key, String label, String group, FilterCatalog.Kind kind) {
    }

    /** @param message what @param column where in the query (1-based) */
    public record Warning(String message, int column) {
    }
}
