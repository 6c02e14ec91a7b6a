package io.rediscover.insights;

import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitAggregation;

import java.util.Map;

/** One category's counts, gathered from the aggregations it adds to each shard's one search, then merged. */
interface CategoryCounts {

    /** @param into the search's aggregations, to which this category adds its own (names prefixed by its key) */
    void aggregations(Map<String, SplitAggregation> into);

    /** @param shard the shard's number @param result the shard's search result */
    void add(int shard, SearchResult result);

    /**
     * Asks for the shard's second search, when the first one's counts there may be short.
     *
     * @param shard the shard's number, after {@link #add}
     * @param into  the second search's aggregations, to which this category adds what it needs (nothing by default)
     */
    default void recheck(int shard, Map<String, SplitAggregation> into) {
    }

    /** @param shard the shard's number @param result its second search's result, when {@link #recheck} asked for one */
    default void rechecked(int shard, SearchResult result) {
    }

    /**
     * @param total   the result set's size
     * @param recount counts one value on one shard exactly, where the shard's aggregation may have cut it
     * @return the category's insight
     */
    Insights.CategoryInsight result(long total, Recount recount);

    /** Counts the result set's documents with one value, on one shard: a second search, needed only rarely. */
    @FunctionalInterface
    interface Recount {
        /** @param shard a shard @param field a keyword field @param value a value of it @return its documents there */
        long count(int shard, String field, String value);
    }
}
