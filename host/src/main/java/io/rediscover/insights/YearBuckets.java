package io.rediscover.insights;

import io.indextables.tantivy4java.aggregation.RangeAggregation;

import java.util.List;

/**
 * The fixed buckets of the two year categories (years of experience, years in the current role): 0–2, 3–5, 6–10,
 * 11–15, 16–20 and 20+. Years are whole numbers, so the buckets do not overlap: "20+" means more than 20 (21 and up).
 * Each bucket is the range filter {@code {from, to}} (both inclusive) that selects its candidates.
 */
final class YearBuckets {

    /**
     * @param label how it is shown, and its value in the answer
     * @param from  its first year
     * @param to    its last year, or null for no end
     */
    record Bucket(String label, long from, Long to) {
    }

    static final List<Bucket> ALL = List.of(new Bucket("0–2", 0, 2L), new Bucket("3–5", 3, 5L), new Bucket("6–10", 6, 10L),
            new Bucket("11–15", 11, 15L), new Bucket("16–20", 16, 20L), new Bucket("20+", 21, null));

    private YearBuckets() {
    }

    /**
     * @param name  the aggregation's name
     * @param field the number field
     * @return a range aggregation with one range per bucket, keyed by its label (a range's end is exclusive there)
     */
    static RangeAggregation aggregation(String name, String field) {
        RangeAggregation ranges = new RangeAggregation(name, field);
        ALL.forEach(b -> ranges.addRange(b.label(), (double) b.from(), b.to() == null ? null : b.to() + 1.0));
        return ranges;
    }
}
