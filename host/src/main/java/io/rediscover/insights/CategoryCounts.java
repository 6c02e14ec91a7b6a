package io.rediscover.insights;

import io.indextables.tantivy4java.aggregation.AggregationResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.rediscover.index.SplitPart;
import io.rediscover.search.FilterCatalog;

import java.util.Collection;
import java.util.Map;

/** One category's counts, gathered from the aggregations it adds to each shard's one search, then merged. */
interface CategoryCounts {

    /**
     * @param into the search's aggregations, to which this category adds its own (names prefixed by its key)
     * @param part the part they are asked of (how much its segments must list depends on how many it has)
     */
    void aggregations(Map<String, SplitAggregation> into, SplitPart part);

    /**
     * @param shard   the shard's number
     * @param results the aggregations of the shard's search, by name (read from the result once: tantivy4java converts
     *                every aggregation of a result on each {@code getAggregation})
     */
    void add(int shard, Map<String, AggregationResult> results);

    /**
     * @param total   the result set's size
     * @param fields  how many documents of the result set hold values of each field, and how many values
     * @param recount counts one value on one shard exactly, where the shard's aggregation may have cut it
     * @param labels  how values are shown
     * @return the category's insight
     */
    Insights.CategoryInsight result(long total, FieldCounts fields, Recount recount, Labels labels);

    /** How a category's values are shown: as the search's facets show them ({@code search/ValueLabels}). */
    @FunctionalInterface
    interface Labels {
        /** @param filter a filter @param values values as it matches them @return each one's label */
        Map<String, String> of(FilterCatalog.Filter filter, Collection<String> values);
    }

    /** Counts the result set's documents with one value, on one shard: a second search, needed only rarely. */
    @FunctionalInterface
    interface Recount {
        /** @param shard a shard @param field a keyword field @param value a value of it @return its documents there */
        long count(int shard, String field, String value);
    }
}
