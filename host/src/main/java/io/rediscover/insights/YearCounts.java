package io.rediscover.insights;

import io.indextables.tantivy4java.aggregation.AggregationResult;
import io.indextables.tantivy4java.aggregation.RangeResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.rediscover.index.SplitPart;
import io.rediscover.search.FilterCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A year category (a whole number per candidate, or none), counted with a range aggregation over the
 * {@link YearBuckets}; the {@link FieldCounts} tell how many documents have a number. Every bucket is shown, in order,
 * so {@code other} counts only numbers below them all (none, unless a source gives negative years).
 */
final class YearCounts implements CategoryCounts {

    private final Category category;
    private final FilterCatalog.Filter filter;
    private final String name;
    private final Map<String, Long> buckets = new LinkedHashMap<>();

    /** @param category the category @param filter its (range) filter */
    YearCounts(Category category, FilterCatalog.Filter filter) {
        this.category = category;
        this.filter = filter;
        this.name = category.key();
        YearBuckets.ALL.forEach(b -> buckets.put(b.label(), 0L));
    }

    @Override
    public void aggregations(Map<String, SplitAggregation> into, SplitPart part) {
        into.put("ranges_" + name, YearBuckets.aggregation("ranges_" + name, filter.matchField()));
    }

    @Override
    public void add(int shard, Map<String, AggregationResult> result) {
        ((RangeResult) result.get("ranges_" + name)).getBuckets().forEach(b -> buckets.computeIfPresent(b.getKey(),
                (k, n) -> n + b.getDocCount()));
    }

    @Override
    public Insights.CategoryInsight result(long total, FieldCounts fields, Recount recount, Labels labels) {
        long values = fields.documents(filter.matchField());
        List<Insights.Value> out = YearBuckets.ALL.stream()
                .map(b -> Insights.Value.of(b.label(), buckets.get(b.label()), total, b.from(), b.to())).toList();
        long bucketed = out.stream().mapToLong(Insights.Value::count).sum();
        return new Insights.CategoryInsight(category.key(), filter.label(), category.section().name().toLowerCase(),
                out, values - bucketed, total - values);
    }
}
