package io.rediscover.search;

import io.indextables.tantivy4java.aggregation.DateHistogramAggregation;
import io.indextables.tantivy4java.aggregation.DateHistogramResult;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.indextables.tantivy4java.split.SplitBooleanQuery;
import io.indextables.tantivy4java.split.SplitQuery;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.SplitPart;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the newest {@code need} matches begin, for sorting by last update. Tantivy's ranked reader cannot order by a
 * field here, so the cut is found on the published splits by narrowing date histograms (30 days, then hours, then
 * seconds, each only over the bucket that holds the cut): every match updated after the cut second fits in the page
 * depth, and the cut second itself supplies the rest. The ranked reader then fetches just those two windows, which the
 * caller orders by date. Three aggregation passes per shard, whatever the collection's size.
 */
final class NewestFirst {

    private static final String HISTOGRAM = "_updated";
    private static final String FIELD = CandidateFields.DATE_PREFIX + CandidateFields.UPDATED;
    private static final long[] INTERVALS_SECONDS = {30L * 86_400, 3_600, 1};

    /**
     * The cut.
     *
     * @param second the second (epoch) holding the last of the newest matches; {@code Long.MIN_VALUE} when every match
     *               fits in the page depth and no cut is needed
     * @param after  how many matches were updated after that second (fewer than the depth asked for)
     */
    record Cut(long second, long after) {

        static final Cut NONE = new Cut(Long.MIN_VALUE, 0);

        /** @return whether every match is wanted */
        boolean none() {
            return second == Long.MIN_VALUE;
        }

        /** @return the matches updated after the cut second, as a filter */
        SearchRequest.Selection newer() {
            return window(second + 1, null);
        }

        /** @return the matches updated in the cut second, as a filter */
        SearchRequest.Selection at() {
            return window(second, second);
        }
    }

    private NewestFirst() {
    }

    /**
     * @param splits the shards' published splits
     * @param query  the search's split query (words and filters)
     * @param total  how many match
     * @param need   how many of the newest are wanted
     * @return where they begin
     */
    static Cut cut(List<SplitPart> splits, SplitQuery query, long total, int need) {
        if (total <= need) {
            return Cut.NONE;
        }
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        long after = 0;
        for (long interval : INTERVALS_SECONDS) {
            SplitQuery narrowed = from == Long.MIN_VALUE ? query
                    : new SplitBooleanQuery().addMust(query).addMust(QueryCompiler.splitFilter(window(from, to)));
            TreeMap<Long, Long> buckets = histogram(splits, narrowed, interval);
            for (Map.Entry<Long, Long> b : buckets.descendingMap().entrySet()) {
                if (after + b.getValue() >= need) {
                    from = b.getKey();
                    to = b.getKey() + interval - 1;
                    break;
                }
                after += b.getValue();
            }
        }
        return new Cut(from, after);
    }

    /** @return match counts by bucket start (epoch seconds), summed over the shards */
    private static TreeMap<Long, Long> histogram(List<SplitPart> splits, SplitQuery query, long intervalSeconds) {
        TreeMap<Long, Long> buckets = new TreeMap<>();
        Map<String, SplitAggregation> aggs = Map.of(HISTOGRAM, new DateHistogramAggregation(HISTOGRAM, FIELD)
                .setFixedInterval(intervalSeconds + "s").setMinDocCount(1));
        for (SplitPart split : splits) {
            try (SearchResult r = split.search(query, 0, aggs)) {
                if (r.getAggregation(HISTOGRAM) instanceof DateHistogramResult h) {
                    h.getBuckets().forEach(b -> buckets.merge(Math.floorDiv((long) b.getKey(), 1000L), b.getDocCount(), Long::sum));
                }
            }
        }
        return buckets;
    }

    private static SearchRequest.Selection window(Long fromSecond, Long toSecond) {
        return new SearchRequest.Selection(new FilterCatalog.Filter(CandidateFields.UPDATED, "Updated", "sort",
                FilterCatalog.Kind.DATE_RANGE, FIELD), List.of(), fromSecond, toSecond);
    }
}
