package io.rediscover.insights;

import io.indextables.tantivy4java.aggregation.AggregationResult;
import io.indextables.tantivy4java.aggregation.TermsAggregation;
import io.indextables.tantivy4java.aggregation.TermsResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.rediscover.index.SplitPart;
import io.rediscover.search.FilterCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category of keyword values (location, skills, schools, …), counted with one terms aggregation per shard: the
 * values' folded forms, which filters match, with their counts: one bucket per value whatever its spelling, so a count
 * is what the filter selects (each shown under its best spelling in the collection, as the search's facets are:
 * {@link CategoryCounts.Labels}). Its {@code unknown} and {@code other} come from the {@link FieldCounts}: the documents
 * without a value, and the values the shown ones' counts leave.
 * Each shard returns its {@code limit × OVERFETCH} most frequent values, and the shown counts are exact whatever the
 * data:
 * <ul>
 * <li>no segment cuts its list before the shard merges them ({@link SplitPart#segmentListSize}): a cut segment would
 * drop a value the others keep, with no count error to tell (a split of one segment, as a fold makes the whole
 * shard's, lists as many as asked);</li>
 * <li>a value shown but missing from a shard that returned a full list may have been cut there: it is counted on that
 * shard by a search of its own (rare: shards are filled by hash, so their most frequent values are alike).</li>
 * </ul>
 */
final class TermsCounts implements CategoryCounts {

    /** How many more values than shown each shard returns, so that the ones shown are among each shard's. */
    static final int OVERFETCH = 3;

    private final Category category;
    private final FilterCatalog.Filter filter;
    private final int limit;
    private final int shardValues;
    private final String name;
    private final Map<Integer, Map<String, Long>> returned = new HashMap<>();

    /** @param category the category @param filter its filter @param limit values to show */
    TermsCounts(Category category, FilterCatalog.Filter filter, int limit) {
        this.category = category;
        this.filter = filter;
        this.limit = limit;
        this.shardValues = limit * OVERFETCH;
        this.name = category.key();
    }

    @Override
    public void aggregations(Map<String, SplitAggregation> into, SplitPart part) {
        int segmentValues = part.segmentListSize(shardValues);
        into.put("counts_" + name, new TermsAggregation("counts_" + name, filter.matchField(), shardValues, segmentValues));
    }

    @Override
    public void add(int shard, Map<String, AggregationResult> result) {
        returned.put(shard, buckets((TermsResult) result.get("counts_" + name)));
    }

    private static Map<String, Long> buckets(TermsResult result) {
        Map<String, Long> out = new HashMap<>();
        result.getBuckets().forEach(b -> out.put(b.getKeyAsString(), b.getDocCount()));
        return out;
    }

    @Override
    public Insights.CategoryInsight result(long total, FieldCounts fields, Recount recount, Labels labels) {
        Map<String, Long> counts = new HashMap<>();
        returned.values().forEach(shard -> shard.forEach((value, n) -> counts.merge(value, n, Long::sum)));
        List<String> shown = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
        Map<String, Long> exact = new LinkedHashMap<>();
        for (String value : shown) {
            long n = 0;
            for (Map.Entry<Integer, Map<String, Long>> shard : returned.entrySet()) {
                Long there = shard.getValue().get(value);
                boolean full = shard.getValue().size() >= shardValues;
                n += there != null ? there : full ? recount.count(shard.getKey(), filter.matchField(), value) : 0;
            }
            exact.put(value, n);
        }
        Map<String, String> spelled = labels.of(filter, exact.keySet());
        List<Insights.Value> out = new ArrayList<>();
        exact.forEach((value, n) -> out.add(Insights.Value.of(spelled.getOrDefault(value, value), n, total, null, null)));
        out.sort(Comparator.comparingLong(Insights.Value::count).reversed().thenComparing(Insights.Value::value));
        long shownCount = exact.values().stream().mapToLong(Long::longValue).sum();
        return new Insights.CategoryInsight(category.key(), filter.label(), category.section().name().toLowerCase(),
                out, fields.values(filter.matchField()) - shownCount, total - fields.documents(filter.matchField()));
    }
}
