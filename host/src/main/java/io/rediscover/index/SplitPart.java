package io.rediscover.index;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.indextables.tantivy4java.split.SplitBooleanQuery;
import io.indextables.tantivy4java.split.SplitParsedQuery;
import io.indextables.tantivy4java.split.SplitQuery;
import io.indextables.tantivy4java.split.SplitSearcher;

import java.util.Map;
import java.util.Set;

/**
 * A published split to count and aggregate on, and which of its documents newer changes replaced or deleted. Its
 * searcher is not handed out: every search goes through {@link #search}, which leaves those documents out, so no
 * caller can count a replaced version by mistake.
 */
public final class SplitPart {

    private final SplitSearcher searcher;
    private final SplitQuery mask; // matches the replaced documents (by key), or null when none are

    /**
     * @param searcher the split's searcher
     * @param replaced the keys of its documents that newer changes replaced or deleted
     */
    SplitPart(SplitSearcher searcher, Set<String> replaced) {
        this.searcher = searcher;
        this.mask = replaced.isEmpty() ? null : mask(replaced);
    }

    /** @return Quickwit's term set query (one lookup per key), which tantivy4java builds from its JSON form */
    private static SplitQuery mask(Set<String> keys) {
        StringBuilder json = new StringBuilder("{\"type\":\"term_set\",\"terms_per_field\":{\"")
                .append(CandidateFields.KEY).append("\":[");
        boolean first = true;
        for (String key : keys) {
            json.append(first ? "" : ",").append('"').append(JsonStringEncoder.getInstance().quoteAsString(key)).append('"');
            first = false;
        }
        return new SplitParsedQuery(json.append("]}}").toString());
    }

    /**
     * Searches the split for what the query matches among its current documents.
     *
     * @param query        the query
     * @param limit        how many hits
     * @param aggregations the aggregations
     * @return the result (close it)
     */
    public SearchResult search(SplitQuery query, int limit, Map<String, SplitAggregation> aggregations) {
        SplitQuery current = mask == null ? query : new SplitBooleanQuery().addMust(query).addMustNot(mask);
        return aggregations.isEmpty() ? searcher.search(current, limit) : searcher.search(current, limit, aggregations);
    }

    /** @param query the query @param limit how many hits @return its hits among the current documents (close it) */
    public SearchResult search(SplitQuery query, int limit) {
        return search(query, limit, Map.of());
    }
}
