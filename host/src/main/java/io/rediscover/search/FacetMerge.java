package io.rediscover.search;

import io.indextables.tantivy4java.aggregation.TermsResult;
import io.rediscover.index.Analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One filter's most frequent values over the shards of a collection, from a short top list per shard. A long list per
 * shard is what a terms aggregation costs (turning every bucket into its value), so each shard lists a few more values
 * than are shown, and a shard is asked for a longer list only where its short one leaves the answer open: a shown value
 * it does not list, or a value whose count, for all the lists tell, could still pass the last one shown. The shown
 * values' counts are then exact sums, and no value left out can have more candidates than the last one shown (a tie can
 * fall either way).
 *
 * <p>A shard's list is exact for what it lists (its terms aggregation reads every segment whole) and complete when it is
 * shorter than asked; otherwise every value it does not list has at most its last listed count there. Spellings of a
 * power-filter value ("Boston", "BOSTON") are one value, as in {@link FacetCounts}; a second spelling that a shard does
 * not list while it lists another is not counted there.
 */
final class FacetMerge {

    /** Asking for this many buckets lists every value. */
    static final int ALL = Integer.MAX_VALUE;
    /** Beyond this, a shard asked for more is asked for every value. */
    private static final int LONGEST = 4_000;

    private final FilterCatalog.Filter filter;
    private final int shown;
    private final Map<Integer, Listing> listings = new TreeMap<>();

    /** One shard's list: how long it was asked to be, its spellings' counts, and its counts by value. */
    private record Listing(int asked, Map<String, Long> spellings, Map<String, Long> values) {
        boolean complete() {
            return spellings.size() < asked;
        }

        /** @return the most any value it does not list can have in this shard */
        long ceiling() {
            return complete() ? 0 : spellings.values().stream().mapToLong(Long::longValue).min().orElse(0);
        }
    }

    /**
     * @param filter the filter whose values are counted
     * @param shown  how many values are shown
     */
    FacetMerge(FilterCatalog.Filter filter, int shown) {
        this.filter = filter;
        this.shown = shown;
    }

    /**
     * @param shard  the shard's position in the collection's reading
     * @param asked  how many buckets it was asked for
     * @param result its terms aggregation of the filter's field (replaces a shorter list of the same shard)
     */
    void put(int shard, int asked, TermsResult result) {
        Map<String, Long> spellings = new HashMap<>();
        Map<String, Long> values = new HashMap<>();
        for (TermsResult.TermsBucket b : result.getBuckets()) {
            spellings.merge(b.getKeyAsString(), b.getDocCount(), Long::sum);
            values.merge(value(b.getKeyAsString()), b.getDocCount(), Long::sum);
        }
        listings.put(shard, new Listing(asked, spellings, values));
    }

    private String value(String spelling) {
        return filter.folds() ? Analyzer.keyword(spelling) : spelling;
    }

    /**
     * @return the shards whose lists leave the answer open, each with the length to ask for next; empty when the answer
     *         is settled
     */
    Map<Integer, Integer> longerLists() {
        Map<String, Long> listed = new HashMap<>();
        listings.values().forEach(l -> l.values().forEach((v, n) -> listed.merge(v, n, Long::sum)));
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(listed.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
        List<String> top = ranked.stream().limit(shown).map(Map.Entry::getKey).toList();
        long last = top.size() < shown ? 0 : listed.get(top.get(shown - 1));
        Set<Integer> open = new HashSet<>();
        long unlisted = 0; // the most a value no list names can have
        for (Map.Entry<Integer, Listing> e : listings.entrySet()) {
            Listing l = e.getValue();
            if (!l.complete()) {
                unlisted += l.ceiling();
                if (top.stream().anyMatch(v -> !l.values().containsKey(v))) {
                    open.add(e.getKey()); // a shown value's count there is unknown
                }
            }
        }
        for (Map.Entry<String, Long> candidate : ranked.subList(top.size(), ranked.size())) {
            long most = candidate.getValue();
            List<Integer> missing = new ArrayList<>();
            for (Map.Entry<Integer, Listing> e : listings.entrySet()) {
                if (!e.getValue().complete() && !e.getValue().values().containsKey(candidate.getKey())) {
                    most += e.getValue().ceiling();
                    missing.add(e.getKey());
                }
            }
            if (most > last) {
                open.addAll(missing); // it might pass the last one shown
            }
        }
        if (unlisted > last) {
            listings.forEach((shard, l) -> {
                if (!l.complete() && l.ceiling() > 0) {
                    open.add(shard);
                }
            });
        }
        Map<Integer, Integer> longer = new TreeMap<>();
        open.forEach(shard -> {
            int asked = listings.get(shard).asked();
            longer.put(shard, asked >= LONGEST / 4 ? ALL : asked * 4);
        });
        return longer;
    }

    /** @return the shown values, most frequent first, each under its most common spelling */
    List<FacetCounts.Value> top() {
        FacetCounts counts = new FacetCounts(filter);
        listings.values().forEach(l -> l.spellings().forEach(counts::add));
        return counts.top(shown);
    }
}
