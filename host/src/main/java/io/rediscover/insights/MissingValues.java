package io.rediscover.insights;

import io.indextables.tantivy4java.aggregation.TermsResult;
import io.indextables.tantivy4java.split.SplitAggregation;

/**
 * Counts the documents of a result set that hold no value in a keyword field — exactly, in the same search as the other
 * aggregations. tantivy4java 0.31 has no "missing" or "filter" aggregation and its value count counts values, not
 * documents, so this is a terms aggregation whose {@code missing} option puts the documents without a value into a
 * bucket of their own, ordered by key, descending, and cut to that one bucket. Tantivy numbers that bucket after every
 * term of a segment, so no per-segment cut can drop it, and it is keyed by the greatest string there is, so the final
 * cut keeps it. {@code SplitAggregationsTest} holds these behaviours, over several segments and cuts.
 */
final class MissingValues extends SplitAggregation {

    /** The missing bucket's key: two U+10FFFF, after any value a field can hold. */
    static final String KEY = "\uDBFF\uDFFF\uDBFF\uDFFF";

    private final String field;

    /** @param name the aggregation's name @param field a keyword field */
    MissingValues(String name, String field) {
        super(name);
        this.field = field;
    }

    @Override
    public String toAggregationJson() {
        return "{\"terms\": {\"field\": \"" + field + "\", \"size\": 1, \"missing\": \"\\udbff\\udfff\\udbff\\udfff\","
                + " \"order\": {\"_key\": \"desc\"}}}";
    }

    @Override
    public String getFieldName() {
        return field;
    }

    @Override
    public String getAggregationType() {
        return "terms";
    }

    /** @param result this aggregation's result on one split @return how many documents there hold no value */
    static long count(TermsResult result) {
        return result.getBuckets().stream().filter(b -> KEY.equals(b.getKeyAsString())).mapToLong(TermsResult.TermsBucket::getDocCount)
                .sum();
    }
}
