package io.rediscover.search;

import io.indextables.tantivy4java.aggregation.TermsResult;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One filter's most frequent values over the parts of a collection (its shards' splits), from a short top list per
 * part. A long list is what a terms aggregation costs (tantivy4java turns every bucket of its answer into an object),
 * so each part lists a few more values than are shown; the values shown are the most frequent by what the lists tell,
 * and a part whose list is full but does not name a shown value is then asked for that value's count alone
 * ({@link #refine}), so that every count shown is exact — what Solr's facet refinement does. A value that no part
 * lists among its top ones is not shown even if, summed over the parts, it would have made the list (with a few more
 * listed than shown, that takes a value spread evenly over the shards just below the top).
 *
 * <p>A part's list is exact for what it lists (each of its segments lists enough: {@code SplitPart#segmentListSize})
 * and complete when it is shorter than asked. Parts list the values as the filter matches them — a power filter's
 * folded, one bucket per value (a list of spellings could name "Boston" and leave out "BOSTON", counting the value
 * short); how a value is shown is {@link ValueLabels}' business.
 */
final class FacetMerge {

    /** Asking for this many buckets lists every value. */
    static final int ALL = Integer.MAX_VALUE;
    /** How many times more buckets than shown each part lists, so that it seldom has to be asked for a shown value. */
    static final int OVERFETCH = 3;

    /** A value as the filter matches it, and how many candidates have it. */
    record Value(String value, long count) {
    }

    private final FilterCatalog.Filter filter;
    private final int shown;
    private final Map<Integer, Listing> listings = new TreeMap<>();

    /** One part's counts: its values', and the values counted exactly beyond its top list. */
    private record Listing(int asked, Map<String, Long> values, Set<String> refined) {
        boolean complete() {
            return values.size() < asked;
        }

        boolean knows(String value) {
            return complete() || values.containsKey(value) || refined.contains(value);
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

    /** @return the filter whose values are counted */
    FilterCatalog.Filter filter() {
        return filter;
    }

    /**
     * @param part   the part's position in the collection's reading
     * @param asked  how many buckets it was asked for
     * @param result its terms aggregation of the field the filter matches ({@link FilterCatalog.Filter#matchField})
     */
    void put(int part, int asked, TermsResult result) {
        Listing listing = new Listing(asked, new HashMap<>(), new HashSet<>());
        result.getBuckets().forEach(b -> listing.values().put(b.getKeyAsString(), b.getDocCount()));
        listings.put(part, listing);
    }

    /**
     * @return per part whose list is full, the shown values it does not name, whose counts there
     *         must be asked for; empty when every shown count is exact
     */
    Map<Integer, Set<String>> unknownCounts() {
        List<String> top = top().stream().map(Value::value).toList();
        Map<Integer, Set<String>> unknown = new TreeMap<>();
        listings.forEach((part, l) -> top.stream().filter(v -> !l.knows(v))
                .forEach(v -> unknown.computeIfAbsent(part, p -> new TreeSet<>()).add(v)));
        return unknown;
    }

    /**
     * @param part   a part asked for the counts of some values
     * @param values those values
     * @param result its terms aggregation of the field the filter matches, listing every value, over the part's matches or over
     *               those of them holding any of the values (then other values those documents hold are in it too,
     *               partly counted): only the values asked for are taken
     */
    void refine(int part, Set<String> values, TermsResult result) {
        Listing listing = listings.get(part);
        result.getBuckets().stream().filter(b -> values.contains(b.getKeyAsString()))
                .forEach(b -> listing.values().put(b.getKeyAsString(), b.getDocCount()));
        listing.refined().addAll(values);
    }

    /**
     * @return the values shown, most frequent first (ties by value), with what the lists tell of their counts: exact
     *         once no count is unknown
     */
    List<Value> top() {
        Map<String, Long> listed = new HashMap<>();
        listings.values().forEach(l -> l.values().forEach((v, n) -> listed.merge(v, n, Long::sum)));
        return listed.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
                .limit(shown).map(e -> new Value(e.getKey(), e.getValue())).toList();
    }
}
