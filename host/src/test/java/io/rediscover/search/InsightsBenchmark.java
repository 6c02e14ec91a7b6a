package io.rediscover.search;

import com.google.common.io.CountingOutputStream;
import io.rediscover.index.OrgIndex;
import io.rediscover.insights.Category;
import io.rediscover.insights.Insights;
import io.rediscover.insights.InsightsReport;
import io.rediscover.insights.InsightsRequest;
import io.rediscover.insights.InsightsService;
import io.rediscover.insights.InsightsWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Benchmark, not a test: {@code POST /api/insights} (every category's top values, other and unknown, and the total)
 * over {@link SearchBenchmark}'s collection, against Lucene's facets on the same documents
 * ({@link LuceneSide#insights}: {@code SortedSetDocValuesFacetCounts} and {@code LongRangeFacetCounts}), for everything
 * and for Boolean queries; then the XLSX export of the largest result set. Both sides first answer every query once and
 * their counts are compared: they must be equal.
 */
final class InsightsBenchmark {

    private static final int LIMIT = InsightsRequest.DEFAULT_LIMIT;

    private InsightsBenchmark() {
    }

    /** A query of the set. @param name short name @param text what a recruiter types, empty for everything */
    private record InsightQuery(String name, String text) {
    }

    private static final List<InsightQuery> QUERIES = List.of(
            new InsightQuery("I1", ""),
            new InsightQuery("I2", "java AND (spring OR kotlin) NOT intern"),
            new InsightQuery("I3", "title:(engineer OR developer) -manager"),
            new InsightQuery("I4", "\"data scientist\" OR \"data engineer\" -junior"));

    private static QueryNode root(SearchService search, InsightQuery q) {
        return q.text().isBlank() ? null : search.vocabulary().parser().parse(q.text()).root();
    }

    static void run(InsightsService insights, SearchService search, OrgIndex ours, LuceneSide lucene, int rounds)
            throws IOException {
        FilterCatalog catalog = search.catalog();
        List<String> termKeys = new ArrayList<>();
        List<String> yearKeys = new ArrayList<>();
        for (Category c : Category.ALL) {
            FilterCatalog.Filter f = catalog.find(c.key()).orElseThrow();
            (f.kind() == FilterCatalog.Kind.TERMS ? termKeys : yearKeys).add(c.key());
        }
        Map<String, String> yearFields = new LinkedHashMap<>();
        yearKeys.forEach(k -> yearFields.put(catalog.find(k).orElseThrow().matchField(), k));

        Map<String, InsightsRequest.Valid> requests = new LinkedHashMap<>();
        for (InsightQuery q : QUERIES) {
            requests.put(q.name(), new InsightsRequest.Valid(new SearchRequest.Valid(SearchRequest.Corpus.ATS, q.text(),
                    List.of(), SearchRequest.Sort.RELEVANCE, 1, 20), LIMIT));
        }
        List<Insights.Value> buckets = insights.insights(ours, requests.get("I1")).categories().stream()
                .filter(c -> c.key().equals(yearKeys.get(0))).findFirst().orElseThrow().values();
        List<String> fields = List.copyOf(yearFields.keySet());
        Function<InsightQuery, Insights> oursSide = q -> insights.insights(ours, requests.get(q.name()));
        // timed: each request fresh (FreshQueries), parsed and compiled on both sides
        Function<InsightQuery, Insights> oursFresh = q -> insights.insights(ours, search.vocabulary().compiler()
                .split(FreshQueries.fresh(root(search, q)), List.of()), LIMIT);
        // parsing is part of an insights request on both sides
        Function<InsightQuery, Map.Entry<Long, Map<String, LuceneSide.Insight>>> luceneSide = q -> lucene.insights(
                root(search, q), List.of(), termKeys, fields, buckets, LIMIT);
        Function<InsightQuery, Map.Entry<Long, Map<String, LuceneSide.Insight>>> luceneFresh = q -> lucene.insights(
                FreshQueries.fresh(root(search, q)), List.of(), termKeys, fields, buckets, LIMIT);
        QUERIES.forEach(q -> compare(q, oursSide.apply(q), luceneSide.apply(q), yearFields));
        for (int i = 0; i < 3; i++) {
            QUERIES.forEach(oursSide::apply);
            QUERIES.forEach(luceneSide::apply);
        }
        Map<String, Latencies> a = new LinkedHashMap<>();
        Map<String, Latencies> b = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (InsightQuery q : QUERIES) {
                for (int k = 0; k < 2; k++) {
                    boolean isOurs = (k == 0) == (r % 2 == 0);
                    long t0 = System.nanoTime();
                    if (isOurs) {
                        oursFresh.apply(q);
                    } else {
                        luceneFresh.apply(q);
                    }
                    (isOurs ? a : b).computeIfAbsent(q.name(), n -> new Latencies()).add(System.nanoTime() - t0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n== insights: %d categories (%d keyword, %d year buckets), top %d values each, "
                        + "ms (%d rounds, 1 thread, ours and Lucene in turn; %s)%n", Category.ALL.size(), termKeys.size(),
                yearKeys.size(), LIMIT, rounds, FreshQueries.describe());
        System.out.println("| query | text | total | ours p50 | p95 | Lucene p50 | p95 | ratio p50 | p95 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (InsightQuery q : QUERIES) {
            row(q.name(), "`" + (q.text().isEmpty() ? "(everything)" : q.text()) + "`",
                    oursSide.apply(q).total(), a.get(q.name()), b.get(q.name()));
        }
        row("**all**", "", -1, Latencies.of(a.values()), Latencies.of(b.values()));
        export(insights, ours, requests.get("I1"));
    }

    private static void row(String name, String text, long total, Latencies a, Latencies b) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |%n", name, text,
                total < 0 ? "" : String.format(Locale.ROOT, "%,d", total), a.percentile(50), a.percentile(95),
                b.percentile(50), b.percentile(95), a.percentile(50) / b.percentile(50), a.percentile(95) / b.percentile(95));
    }

    /** Both sides must count alike: the totals, each category's top counts and its unknown. */
    private static void compare(InsightQuery q, Insights ours, Map.Entry<Long, Map<String, LuceneSide.Insight>> lucene,
                                Map<String, String> yearFields) {
        List<String> differences = new ArrayList<>();
        if (ours.total() != lucene.getKey()) {
            differences.add("total " + ours.total() + " vs " + lucene.getKey());
        }
        Map<String, LuceneSide.Insight> byKey = new LinkedHashMap<>();
        lucene.getValue().forEach((k, v) -> byKey.put(yearFields.getOrDefault(k, k), v));
        for (Insights.CategoryInsight c : ours.categories()) {
            LuceneSide.Insight l = byKey.get(c.key());
            List<Long> mine = c.values().stream().map(Insights.Value::count).sorted().toList();
            List<Long> theirs = l.top().values().stream().sorted().toList();
            if (!mine.equals(theirs) || c.unknown() != l.unknown() || c.other() != l.other()) {
                differences.add(c.key() + ": top " + mine + " other " + c.other() + " unknown " + c.unknown() + " vs top "
                        + theirs + " other " + l.other() + " unknown " + l.unknown());
            }
        }
        System.out.printf(Locale.ROOT, "insights %s: %,d found; %s%n", q.name(), ours.total(),
                differences.isEmpty() ? "every category counted alike by both" : "**differs**: " + differences);
    }

    /** Times the export of the largest result set (insights, then the workbook) and says how large the file is. */
    private static void export(InsightsService insights, OrgIndex ours, InsightsRequest.Valid everything) throws IOException {
        Latencies took = new Latencies();
        long bytes = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            Insights found = insights.insights(ours, everything);
            CountingOutputStream out = new CountingOutputStream(OutputStream.nullOutputStream());
            InsightsWorkbook.write(InsightsReport.of("Benchmark Org", everything, Instant.now(), found), out);
            took.add(System.nanoTime() - t0);
            bytes = out.getCount();
        }
        System.out.printf(Locale.ROOT, "%n== XLSX export of everything (%d sheets with a chart each, and the summary): "
                + "p50 %.0f ms, slowest %.0f ms of 5, %,d bytes%n", Category.ALL.size(), took.percentile(50), took.max(), bytes);
    }
}
