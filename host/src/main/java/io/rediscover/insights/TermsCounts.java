package io.rediscover.insights;

import io.indextables.tantivy4java.aggregation.CountAggregation;
import io.indextables.tantivy4java.aggregation.CountResult;
import io.indextables.tantivy4java.aggregation.TermsAggregation;
import io.indextables.tantivy4java.aggregation.TermsResult;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.rediscover.index.Analyzer;
import io.rediscover.search.FacetCounts;
import io.rediscover.search.FilterCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A category of keyword values (location, skills, schools, …), counted with four aggregations per shard:
 * <ul>
 * <li>the values' folded forms, which filters match, with their counts: one bucket per value whatever its spelling, so a
 * count is what the filter selects;</li>
 * <li>the values as the sources spell them, merged into their folded forms as the search's facets are
 * ({@link FacetCounts}), which gives each shown value its most common spelling;</li>
 * <li>the documents with no value ({@link MissingValues});</li>
 * <li>how many values the documents hold (a value count counts values, not documents), from which {@code other} is
 * what the shown values' counts leave.</li>
 * </ul>
 * Each shard returns its {@code limit × OVERFETCH} most frequent values, each of its segments its
 * {@code max(10 × that, 1000)}. A value shown but missing from a shard that returned a full list may have been cut
 * there: it is counted on that shard again by a search of its own (rare: shards are filled by hash, so their most
 * frequent values are alike).
 */
final class TermsCounts implements CategoryCounts {

    /** How many more values than shown each shard returns, so that the ones shown are among each shard's. */
    static final int OVERFETCH = 3;
    /** The fewest values a segment keeps before the shard merges its segments (Tantivy's default is 10 × size). */
    static final int MIN_SEGMENT_VALUES = 1_000;

    private final Category category;
    private final FilterCatalog.Filter filter;
    private final int limit;
    private final int shardValues;
    private final String name;
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<Integer, Set<String>> returned = new HashMap<>();
    private final Set<Integer> cut = new HashSet<>();
    private final FacetCounts spellings;
    private long missing;
    private long values;

    /** @param category the category @param filter its filter @param limit values to show */
    TermsCounts(Category category, FilterCatalog.Filter filter, int limit) {
        this.category = category;
        this.filter = filter;
        this.limit = limit;
        this.shardValues = limit * OVERFETCH;
        this.name = category.key();
        this.spellings = new FacetCounts(filter);
    }

    @Override
    public void aggregations(Map<String, SplitAggregation> into) {
        int segmentValues = Math.max(10 * shardValues, MIN_SEGMENT_VALUES);
        into.put("counts_" + name, new TermsAggregation("counts_" + name, filter.matchField(), shardValues, segmentValues));
        into.put("spellings_" + name, new TermsAggregation("spellings_" + name, filter.field(), shardValues, segmentValues));
        into.put("missing_" + name, new MissingValues("missing_" + name, filter.matchField()));
        into.put("values_" + name, new CountAggregation("values_" + name, filter.matchField()));
    }

    @Override
    public void add(int shard, SearchResult result) {
        TermsResult folded = (TermsResult) result.getAggregation("counts_" + name);
        Set<String> seen = new HashSet<>();
        folded.getBuckets().forEach(b -> {
            counts.merge(b.getKeyAsString(), b.getDocCount(), Long::sum);
            seen.add(b.getKeyAsString());
        });
        returned.put(shard, seen);
        if (folded.getBuckets().size() >= shardValues) {
            cut.add(shard);
        }
        spellings.add((TermsResult) result.getAggregation("spellings_" + name));
        missing += MissingValues.count((TermsResult) result.getAggregation("missing_" + name));
        values += ((CountResult) result.getAggregation("values_" + name)).getCount();
    }

    @Override
    public Insights.CategoryInsight result(long total, Recount recount) {
        List<String> shown = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
        Map<String, Long> exact = new LinkedHashMap<>();
        for (String value : shown) {
            long n = counts.get(value);
            for (int shard : cut) {
                if (!returned.get(shard).contains(value)) {
                    n += recount.count(shard, filter.matchField(), value);
                }
            }
            exact.put(value, n);
        }
        Map<String, String> spelled = new HashMap<>();
        spellings.top(Integer.MAX_VALUE).forEach(v -> spelled.putIfAbsent(Analyzer.keyword(v.value()), v.value()));
        List<Insights.Value> out = new ArrayList<>();
        exact.forEach((value, n) -> out.add(Insights.Value.of(spelled.getOrDefault(value, value), n, total, null, null)));
        out.sort(Comparator.comparingLong(Insights.Value::count).reversed().thenComparing(Insights.Value::value));
        long shownCount = exact.values().stream().mapToLong(Long::longValue).sum();
        return new Insights.CategoryInsight(category.key(), filter.label(), category.section().name().toLowerCase(),
                out, values - shownCount, missing);
    }
}
