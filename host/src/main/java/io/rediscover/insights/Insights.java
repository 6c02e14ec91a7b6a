package io.rediscover.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rediscover.search.IndexCoverage;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code POST /api/insights}: for every category, the most frequent values of the result set with their
 * counts and shares, and how many candidates hold other values or none.
 *
 * @param total      how many candidates the search finds, exactly
 * @param categories every category, in {@link Category#ALL} order
 * @param tookMs     time taken
 * @param indexing   what the counts may be missing because the index does not hold the whole corpus yet (no ATS, a
 *                   first download, candidates waiting to be indexed, a rebuild), or null when it does
 * @param syncedAt   when the newest of the org's successful syncs ended: the ATS data counted is as of then (null for
 *                   the public profiles, and before a sync succeeded)
 */
public record Insights(long total, List<CategoryInsight> categories, long tookMs, IndexCoverage.Notice indexing,
                       Instant syncedAt) {

    /** @param c what the counts cover @return these insights saying so */
    Insights withCoverage(IndexCoverage.Coverage c) {
        return new Insights(total, categories, tookMs, c.indexing(), c.syncedAt());
    }

    /**
     * One category.
     *
     * @param key     its key, which is the search filter key
     * @param label   how it is named
     * @param section {@code main} or {@code other} (the "Other" group: certifications, languages, groups, interests,
     *                honours)
     * @param values  its most frequent values, most frequent first (the year categories: all six buckets, in order)
     * @param other   the counts of the values not shown, added up: candidates whose value is not shown, where a
     *                candidate holds one value (location, current title and company, years); for categories where a
     *                candidate may hold several (skills, schools, …), each value not shown that a candidate holds counts
     * @param unknown candidates of the result set with no value in this category
     */
    public record CategoryInsight(String key, String label, String section, List<Value> values, long other, long unknown) {
    }

    /**
     * One value.
     *
     * @param value how the search filter takes it (a year bucket's label, such as {@code 3–5})
     * @param count candidates of the result set with it; adding the filter to the search gives this total
     * @param share {@code count / total} (0 when nothing is found)
     * @param from  a year bucket's first year (its filter is {@code {from, to}}), else absent
     * @param to    a year bucket's last year, absent for the open-ended last bucket and for other categories
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String value, long count, double share, Long from, Long to) {

        /** @param value a value @param count its candidates @param total the result set's size @return it with its share */
        static Value of(String value, long count, long total, Long from, Long to) {
            return new Value(value, count, total == 0 ? 0 : (double) count / total, from, to);
        }
    }
}
