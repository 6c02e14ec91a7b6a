package io.rediscover.insights;

import io.indextables.tantivy4java.aggregation.TermsAggregation;
import io.indextables.tantivy4java.aggregation.TermsResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.rediscover.index.CandidateFields;

import java.util.HashMap;
import java.util.Map;

/**
 * How many documents of a result set hold values of each field, and how many values they hold: one terms aggregation
 * over {@link CandidateFields#VALUE_COUNTS} per shard, summed here. A category's "unknown" is the result set's size
 * less its documents with values; its "other", its values less those of the values shown.
 */
final class FieldCounts {

    /** The aggregation's name in a shard's search. */
    static final String AGGREGATION = "valuecounts";
    /**
     * Buckets listed, per segment too: every one there is, as one number is one field and one count, so a result set
     * has no more than the fields times the distinct counts a document holds (a few hundred).
     */
    private static final int BUCKETS = 10_000;

    private final Map<String, long[]> byField = new HashMap<>(); // documents, values

    /** @return the aggregation to add to a shard's search */
    static SplitAggregation aggregation() {
        return new TermsAggregation(AGGREGATION, CandidateFields.VALUE_COUNTS, BUCKETS, BUCKETS);
    }

    /**
     * @param shard the aggregation's result on one shard
     * @throws IllegalStateException when it lists as many buckets as asked: some may be missing, and a count would be
     *                               short with no sign of it
     */
    void add(TermsResult shard) {
        if (shard.getBuckets().size() >= BUCKETS) {
            throw new IllegalStateException("value counts need more than " + BUCKETS + " buckets");
        }
        for (TermsResult.TermsBucket b : shard.getBuckets()) {
            long encoded = b.getKey() instanceof Number n ? n.longValue() : Long.parseLong(b.getKeyAsString());
            CandidateFields.ValueCount count = CandidateFields.ValueCount.of(encoded);
            long[] sums = byField.computeIfAbsent(count.field(), f -> new long[2]);
            sums[0] += b.getDocCount();
            sums[1] += b.getDocCount() * count.values();
        }
    }

    /** @param field a {@link CandidateFields#COUNTED} field @return documents of the result set with a value of it */
    long documents(String field) {
        long[] sums = byField.get(field);
        return sums == null ? 0 : sums[0];
    }

    /** @param field a {@link CandidateFields#COUNTED} field @return the values of it the result set's documents hold */
    long values(String field) {
        long[] sums = byField.get(field);
        return sums == null ? 0 : sums[1];
    }
}
