package io.rediscover.search;

import io.indextables.tantivy4java.aggregation.TermsResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One filter's value counts, summed over lists of spellings. Power-filter values arrive as the sources spell them, so
 * "Boston" and "BOSTON" are two buckets; they are one value to a filter (which matches folded forms), so they are
 * merged here under one label: a spelling in mixed case if there is one (as an ATS writes names; public-profile
 * providers write every value in lower case, and some sources shout), else the one most candidates have. A candidate
 * holds one spelling of a value, so the merged count is the number of candidates with it.
 */
public final class FacetCounts {

    /** How many more buckets than shown to ask each shard for, so that spellings of a shown value are merged. */
    public static final int OVERFETCH = 3;

    private final FilterCatalog.Filter filter;
    private final Map<String, Long> bySpelling = new HashMap<>();

    /** @param filter the filter whose values are counted */
    public FacetCounts(FilterCatalog.Filter filter) {
        this.filter = filter;
    }

    /** @param shard one shard's terms aggregation of the filter's field */
    public void add(TermsResult shard) {
        shard.getBuckets().forEach(b -> add(b.getKeyAsString(), b.getDocCount()));
    }

    /** @param spelling a value as spelled @param count how many candidates have it (in one shard) */
    public void add(String spelling, long count) {
        bySpelling.merge(spelling, count, Long::sum);
    }

    /**
     * The best label last: mixed case over a single case, then more candidates; between equals, the spelling that sorts
     * first (a stable label).
     */
    private static final Comparator<Map.Entry<String, Long>> BEST_SPELLING = Comparator
            .comparing((Map.Entry<String, Long> e) -> mixedCase(e.getKey())).thenComparing(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());

    /**
     * @param spelling a value as spelled
     * @return whether it has both capitals and small letters ("Go", not "go" or "GO")
     */
    static boolean mixedCase(String spelling) {
        return spelling.codePoints().anyMatch(Character::isUpperCase)
                && spelling.codePoints().anyMatch(Character::isLowerCase);
    }

    /** A value and how many candidates have it. */
    public record Value(String value, long count) {
    }

    /**
     * @param limit how many values
     * @return the most frequent values, most frequent first (ties by value)
     */
    public List<Value> top(int limit) {
        Map<String, List<Map.Entry<String, Long>>> merged = new LinkedHashMap<>();
        bySpelling.entrySet().forEach(e -> merged.computeIfAbsent(filter.value(e.getKey()), k -> new ArrayList<>()).add(e));
        List<Value> out = new ArrayList<>();
        merged.values().forEach(spellings -> out.add(new Value(
                spellings.stream().max(BEST_SPELLING).orElseThrow().getKey(),
                spellings.stream().mapToLong(Map.Entry::getValue).sum())));
        out.sort(Comparator.comparingLong(Value::count).reversed().thenComparing(Value::value));
        return out.subList(0, Math.min(limit, out.size()));
    }
}
