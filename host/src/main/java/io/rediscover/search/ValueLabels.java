package io.rediscover.search;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.indextables.tantivy4java.aggregation.TermsAggregation;
import io.indextables.tantivy4java.aggregation.TermsResult;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.indextables.tantivy4java.split.SplitQuery;
import io.rediscover.index.OrgIndex;
import io.rediscover.index.SplitPart;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * How a power-filter value is shown: among its frequent spellings in the collection, one in mixed case if there is one
 * (an ATS's "Customer Service" over the "customer service" of public profiles, whose providers lower-case every value),
 * else the one most candidates have ("sql" where most write it so and a few "SQL"). Facets and insights count the
 * folded values, which filters match, so every count is exact whatever the spellings. The most frequent values are
 * labelled from the lists a publication reads anyway to know the offered filters ({@link #seed}), afresh at each
 * publication; another value is looked up the first time it is shown
 * (one small search per filter over the parts, for the documents holding the values not yet labelled) and kept. So a
 * label does not change from one search to the next of a publication: it is a spelling candidates had when it was found.
 */
@Singleton
public final class ValueLabels {

    /**
     * The best label last: mixed case over a single case (public-profile providers write every value in lower case,
     * some sources shout), then more candidates; between equals, the spelling that sorts first (a stable label).
     */
    private static final Comparator<Map.Entry<String, Long>> BEST_SPELLING = Comparator
            .comparing((Map.Entry<String, Long> e) -> mixedCase(e.getKey())).thenComparing(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());

    /** Values kept per collection before its labels are looked up afresh (a bound on memory, never reached by a real ATS). */
    private static final int MAX_PER_COLLECTION = 200_000;

    /** Per collection (weakly: a removed org's collection goes with its labels), "filter key \0 folded value" → label. */
    private final Cache<OrgIndex, Map<String, String>> byCollection = CacheBuilder.newBuilder().weakKeys().build();

    /**
     * @param index  the collection
     * @param parts  its parts, as the caller reads them
     * @param filter a filter
     * @param values values of it as filters match them (folded for power filters)
     * @return each value's label: its best spelling in the collection (the value itself for a filter that does not
     *         fold, or where no document spells it)
     */
    public Map<String, String> of(OrgIndex index, List<SplitPart> parts, FilterCatalog.Filter filter, Collection<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!filter.folds()) {
            values.forEach(v -> out.put(v, v));
            return out;
        }
        Map<String, String> known = known(index);
        Set<String> unknown = new TreeSet<>();
        for (String v : values) {
            String label = known.get(key(filter, v));
            if (label == null) {
                unknown.add(v);
            }
        }
        if (!unknown.isEmpty()) {
            if (known.size() + unknown.size() > MAX_PER_COLLECTION) {
                known.clear();
            }
            lookUp(parts, filter, unknown).forEach((v, label) -> known.put(key(filter, v), label));
        }
        values.forEach(v -> out.put(v, known.getOrDefault(key(filter, v), v)));
        return out;
    }

    /**
     * Labels a filter's most frequent values at once, from lists of its spellings over the whole collection (what a
     * publication reads anyway to know which filters to offer), so that a first search after a start looks up few.
     * They are labelled afresh at each publication: one made early in a first download (when, say, only public
     * profiles' lower-case spellings of a value were in) must not fix a label for good.
     *
     * @param index  the collection
     * @param filter a filter
     * @param lists  each part's most frequent spellings of it, over all its documents
     */
    void seed(OrgIndex index, FilterCatalog.Filter filter, List<TermsResult> lists) {
        if (!filter.folds()) {
            return;
        }
        Map<String, String> known = known(index);
        bestSpellings(filter, lists).forEach((value, label) -> known.put(key(filter, value), label));
    }

    private Map<String, String> known(OrgIndex index) {
        try {
            return byCollection.get(index, ConcurrentHashMap::new);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String key(FilterCatalog.Filter filter, String value) {
        return filter.key() + '\0' + value;
    }

    /**
     * @return the best spelling of each value, over the documents of every part holding any of them: from each
     *         part's most frequent spellings there, ten per value asked (every bucket listed costs; those documents
     *         hold other values too, but each holds one of the values asked, whose common spellings lead), a value none
     *         of whose spellings made a list being shown as it is matched
     */
    private static Map<String, String> lookUp(List<SplitPart> parts, FilterCatalog.Filter filter, Set<String> values) {
        SplitQuery holding = QueryCompiler.splitFilter(new SearchRequest.Selection(filter, List.copyOf(values), null, null));
        int listed = Math.max(100, 10 * values.size());
        List<TermsResult> answers = Fanout.each(parts.size(), p -> {
            SplitPart part = parts.get(p);
            Map<String, SplitAggregation> spellings = Map.of("spellings",
                    new TermsAggregation("spellings", filter.field(), listed, part.segmentListSize(listed)));
            try (SearchResult r = part.search(holding, 0, spellings)) {
                return (TermsResult) r.getAggregations().get("spellings");
            }
        });
        Map<String, String> labels = bestSpellings(filter, answers);
        labels.keySet().retainAll(values); // the documents hold other values too: only those asked for are labelled
        return labels;
    }

    /** @return per value (as the filter matches it), its best spelling in the lists of spellings */
    private static Map<String, String> bestSpellings(FilterCatalog.Filter filter, List<TermsResult> lists) {
        Map<String, Map<String, Long>> byValue = new HashMap<>();
        lists.forEach(list -> list.getBuckets().forEach(b -> byValue.computeIfAbsent(filter.value(b.getKeyAsString()),
                v -> new HashMap<>()).merge(b.getKeyAsString(), b.getDocCount(), Long::sum)));
        Map<String, String> out = new HashMap<>();
        byValue.forEach((value, spellings) -> out.put(value,
                spellings.entrySet().stream().max(BEST_SPELLING).orElseThrow().getKey()));
        return out;
    }

    /**
     * @param spelling a value as spelled
     * @return whether it has both capitals and small letters ("Go", not "go" or "GO")
     */
    private static boolean mixedCase(String spelling) {
        return spelling.codePoints().anyMatch(Character::isUpperCase)
                && spelling.codePoints().anyMatch(Character::isLowerCase);
    }
}
