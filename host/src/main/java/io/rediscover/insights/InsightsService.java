package io.rediscover.insights;

import io.indextables.tantivy4java.aggregation.AggregationResult;
import io.indextables.tantivy4java.aggregation.CountAggregation;
import io.indextables.tantivy4java.aggregation.CountResult;
import io.indextables.tantivy4java.aggregation.TermsResult;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.indextables.tantivy4java.split.SplitBooleanQuery;
import io.indextables.tantivy4java.split.SplitQuery;
import io.indextables.tantivy4java.split.SplitTermQuery;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.OrgIndex;
import io.rediscover.index.SplitPart;
import io.rediscover.search.Fanout;
import io.rediscover.search.FilterCatalog;
import io.rediscover.search.SearchRequest;
import io.rediscover.search.SearchService;
import io.rediscover.search.ValueLabels;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Insights over a search's result set: every {@link Category} counted with aggregations on the published splits, all
 * of them in one search per shard, never by reading documents; a shown value a shard may have cut is counted there on
 * its own (see {@link TermsCounts}): the counts are exact. The result set is the search's: the same query and filters, compiled
 * by the search.
 */
@Singleton
public final class InsightsService {

    private static final String TOTAL = "total";

    private final SearchService search;
    private final ValueLabels labels;

    /**
     * @param search compiles the search bodies and knows the filters
     * @param labels how values are shown, as the search's facets show them
     */
    @Inject
    public InsightsService(SearchService search, ValueLabels labels) {
        this.search = search;
        this.labels = labels;
    }

    /** @return the filters, for validating a request */
    public FilterCatalog catalog() {
        return search.catalog();
    }

    /** @param request a validated request @param org the caller's org (see SearchService) @return what it reads */
    public OrgIndex collection(InsightsRequest.Valid request, Supplier<String> org) {
        return search.collection(request.search().corpus(), org);
    }

    /**
     * @param index   the collection (the caller's org's candidates, or the public profiles)
     * @param request the validated request
     * @return every category's insight
     */
    public Insights insights(OrgIndex index, InsightsRequest.Valid request) {
        return insights(index, search.splitQuery(request.search()), request.limit());
    }

    /**
     * @param index the collection
     * @param query its result set to aggregate over, compiled
     * @param limit values per category
     * @return every category's insight
     */
    public Insights insights(OrgIndex index, SplitQuery query, int limit) {
        long t0 = System.nanoTime();
        FilterCatalog catalog = search.catalog();
        List<CategoryCounts> categories = Category.ALL.stream().map(c -> counts(c, catalog, limit)).toList();
        try (OrgIndex.Reading reading = index.read()) {
            List<SplitPart> parts = reading.parts();
            // parts answer at once, as for a search; their answers are merged in order
            List<Map<String, AggregationResult>> answers = Fanout.each(parts.size(), s -> {
                Map<String, SplitAggregation> aggregations = new LinkedHashMap<>();
                aggregations.put(TOTAL, new CountAggregation(TOTAL, CandidateFields.KEY));
                aggregations.put(FieldCounts.AGGREGATION, FieldCounts.aggregation());
                categories.forEach(c -> c.aggregations(aggregations, parts.get(s)));
                try (SearchResult r = parts.get(s).search(query, 0, aggregations)) {
                    return r.getAggregations();
                }
            });
            long total = 0;
            FieldCounts fields = new FieldCounts();
            for (int s = 0; s < answers.size(); s++) {
                total += ((CountResult) answers.get(s).get(TOTAL)).getCount();
                fields.add((TermsResult) answers.get(s).get(FieldCounts.AGGREGATION));
                for (CategoryCounts c : categories) {
                    c.add(s, answers.get(s));
                }
            }
            long found = total;
            CategoryCounts.Recount recount = (shard, field, value) -> count(parts.get(shard), query, field, value);
            CategoryCounts.Labels shown = (filter, values) -> labels.of(index, parts, filter, values);
            return new Insights(found, categories.stream().map(c -> c.result(found, fields, recount, shown)).toList(),
                    (System.nanoTime() - t0) / 1_000_000, null, null);
        }
    }

    private static CategoryCounts counts(Category category, FilterCatalog catalog, int limit) {
        FilterCatalog.Filter filter = catalog.find(category.key())
                .orElseThrow(() -> new IllegalStateException("no filter for insight category " + category.key()));
        return filter.kind() == FilterCatalog.Kind.NUMBER_RANGE ? new YearCounts(category, filter)
                : new TermsCounts(category, filter, limit);
    }

    private static long count(SplitPart part, SplitQuery query, String field, String value) {
        SplitQuery one = new SplitBooleanQuery().addMust(query).addMust(new SplitTermQuery(field, value));
        try (SearchResult r = part.search(one, 0, Map.of(TOTAL, new CountAggregation(TOTAL, CandidateFields.KEY)))) {
            return ((CountResult) r.getAggregation(TOTAL)).getCount();
        }
    }
}
