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
    private final int segments;

    /**
     * @param searcher the split's searcher
     * @param replaced the keys of its documents that newer changes replaced or deleted
     * @param segments how many segments the split holds
     */
    SplitPart(SplitSearcher searcher, Set<String> replaced, int segments) {
        this.searcher = searcher;
        this.mask = replaced.isEmpty() ? null : mask(replaced);
        this.segments = segments;
    }

    /**
     * @return the split this part reads, the same object in every publication that reads it (what a split holds can
     *         be worked out once), whatever each masks of it
     */
    public Object split() {
        return searcher;
    }

    /**
     * A terms aggregation lists the most frequent values of each segment, then of the split from those lists: a value
     * cut from one segment's list is counted short, with no error to tell. Over one segment the split's list is that
     * segment's, exact at any length.
     *
     * @param size how many values a terms aggregation of this part lists
     * @return how many each segment must list for those to be the part's most frequent values with exact counts: as
     *         many when the split is one segment (as a fold makes the whole shard's), every value otherwise
     */
    public int segmentListSize(int size) {
        return segments == 1 ? size : Integer.MAX_VALUE;
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
