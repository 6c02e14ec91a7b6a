package io.rediscover.search;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes every timed search of a benchmark a request nobody has made before. tantivy4java's split searcher keeps
 * Quickwit's leaf-search result cache (64 MB in 0.31; neither its size nor the flush calls reach it from Java), so a
 * request repeated word for word is answered from memory: counts and facets in about a millisecond instead of tens.
 * Recruiters seldom repeat a search exactly, so benchmarks add to each query an exclusion of a word no document has,
 * different each time: the same result set and ranking, computed afresh, on both sides ({@code
 * -Dbenchmark.repeat=true} measures repeats instead).
 */
final class FreshQueries {

    private static final AtomicLong SERIAL = new AtomicLong();
    private static final boolean REPEAT = Boolean.getBoolean("benchmark.repeat");

    private FreshQueries() {
    }

    /**
     * @param root a parsed query, or null for everything
     * @return the same query excluding a word that is nowhere, unique to this call (unchanged when repeating)
     */
    static QueryNode fresh(QueryNode root) {
        if (REPEAT) {
            return root;
        }
        String word = "zqfresh" + SERIAL.incrementAndGet();
        QueryNode.Not nowhere = new QueryNode.Not(new QueryNode.Term(Optional.of("name"), word, word, 0), 0);
        return new QueryNode.And(root == null ? List.of(nowhere) : List.of(root, nowhere));
    }

    /** @return what the header of a latency table says about it */
    static String describe() {
        return REPEAT ? "each request repeated word for word: result caches answer"
                : "each request made fresh by excluding a word nobody has, unique to each call: no result cache answers";
    }
}
