package io.rediscover.search;

import io.indextables.tantivy4java.split.SplitCacheManager;
import io.rediscover.Host;
import io.rediscover.config.HostConfig;
import io.rediscover.index.BenchmarkIndexes;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.IndexedCandidate;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.insights.InsightsService;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

/**
 * Benchmark, not a test: N generated candidates (default 1,000,000) written into an org index exactly as the host
 * shards, writes and publishes it, and the same candidates in Lucene 9.12 with the same analysis; a fixed set of Boolean
 * and filter queries runs against both alternately, with 1 and 2 threads, each search answering what
 * {@code POST /api/search} answers (exact total, the offered facets, a page of 20 ranked hits). Prints percentiles,
 * ratios, the cost of facets, build times, sizes, heap and resident memory; then (mode {@code all} or
 * {@code insights}) {@link InsightsBenchmark} on the same two indexes, and (mode {@code all} or {@code freshness})
 * {@link FreshnessBenchmark}. How to run it and what the figures mean: docs/benchmarks.md.
 */
public final class SearchBenchmark {

    private static final int PAGE = 20;
    private static final int BATCH = 5_000;
    private static final String OURS = "ours";
    private static final String LUCENE = "lucene";

    private SearchBenchmark() {
    }

    /** A query of the fixed set. @param name short name @param kind its class @param text what a recruiter types */
    record BenchQuery(String name, String kind, String text, List<SearchRequest.Selection> selections, boolean madeFresh) {
        BenchQuery(String name, String kind, String text, List<SearchRequest.Selection> selections) {
            this(name, kind, text, selections, false);
        }

        /** @return this query as a request never made before, each time it is parsed ({@link FreshQueries}) */
        BenchQuery fresh() {
            return new BenchQuery(name, kind, text, selections, true);
        }
    }

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(System.getProperty("benchmark.candidates", "1000000"));
        String mode = System.getProperty("benchmark.mode", "all");
        int rounds = Integer.parseInt(System.getProperty("benchmark.rounds", "20"));
        Path dir = Path.of(System.getProperty("benchmark.dir", "target/search-benchmark")).toAbsolutePath();
        boolean reuse = Boolean.getBoolean("benchmark.reuse");
        if (!reuse) {
            BenchmarkMemory.deleteTree(dir);
        }
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, JVM %s, max heap %,d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        Set<String> modes = Set.of(mode.split(","));
        boolean search = modes.contains("all") || modes.contains("search");
        boolean insights = modes.contains("all") || modes.contains("insights");
        if (search || insights) {
            searchBenchmark(dir.resolve("search"), n, rounds, search, insights, reuse);
        }
        if (modes.contains("all") || modes.contains("freshness")) {
            BenchmarkMemory.deleteTree(dir.resolve("freshness")); // always measured from a fresh host
            FreshnessBenchmark.run(dir.resolve("freshness"),
                    Long.parseLong(System.getProperty("benchmark.freshCandidates", "100000")),
                    Integer.parseInt(System.getProperty("benchmark.changes", "20")));
        }
    }

    /** @return a host with the iCIMS connector installed (its filters are index fields), syncing nothing */
    static Host host(Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        return Host.start(TestHosts.config(dir.resolve("data"), plugins, Map.of("sync.enabled", "false", "log.level", "warn")));
    }

    /**
     * Builds both sides, then compares searches and (or) insights on them.
     *
     * @param reuse whether to search the indexes a previous run left in {@code dir} for the same number of candidates
     *              (ours also with as many shards), instead of building them again (a million take about 20 minutes)
     */
    private static void searchBenchmark(Path dir, long n, int rounds, boolean searches, boolean insights, boolean reuse)
            throws Exception {
        Files.createDirectories(dir);
        Path hostDir = dir.resolve("host");
        BenchmarkMemory.deleteTree(hostDir); // the host is new each run; only the two indexes are kept
        try (Host host = host(hostDir)) {
            System.out.printf("host started: RSS %s, heap after GC %,d MB%n", BenchmarkMemory.rss(),
                    BenchmarkMemory.heapAfterGcMb());
            SearchService search = host.injector().getInstance(SearchService.class);
            CandidateFields fields = host.injector().getInstance(Indexes.class).fields();
            HostConfig.Index config = host.injector().getInstance(HostConfig.class).index();
            BenchmarkCandidates generator = new BenchmarkCandidates();
            SplitCacheManager cache = BenchmarkIndexes.cache(config);
            Path oursBuilt = dir.resolve("ours-built.txt");
            String oursLayout = n + " candidates, " + BenchmarkIndexes.shards(n, config) + " shards, fields "
                    + fields.fingerprint(); // an index of other fields is emptied when opened: build it again
            boolean oursReused = reused(reuse, oursBuilt, oursLayout, dir.resolve("ours"));
            Path luceneBuilt = dir.resolve("lucene-built.txt");
            boolean luceneReused = reused(reuse, luceneBuilt, n + " candidates", dir.resolve("lucene"));
            try (OrgIndex ours = BenchmarkIndexes.open(dir.resolve("ours"), fields, n, config, cache)) {
                System.out.printf(Locale.ROOT, "%n== %,d candidates; ours: %d shard(s) (index.maxShardDocuments %,d), "
                        + "written %,d per commit; Lucene: one index, one commit%n", n, ours.shardCount(),
                        config.maxShardDocuments(), BATCH);
                long oursNanos = 0;
                long generateNanos = 0;
                for (long from = 0; from < n && !oursReused; from += BATCH) {
                    long t0 = System.nanoTime();
                    List<BenchmarkCandidates.Candidate> batch = generate(generator, from, Math.min(n, from + BATCH));
                    long t1 = System.nanoTime();
                    List<IndexedCandidate> docs = batch.stream().map(c -> c.indexed(fields)).toList();
                    ours.write(docs, List.of());
                    long t2 = System.nanoTime();
                    generateNanos += t1 - t0;
                    oursNanos += t2 - t1;
                    progress(from + batch.size(), n, "ours");
                }
                long t0 = System.nanoTime();
                BenchmarkIndexes.publish(ours);
                long publishNanos = System.nanoTime() - t0;
                oursNanos += publishNanos;
                Files.writeString(oursBuilt, oursLayout);
                System.out.printf(Locale.ROOT, "%nours %s: %.1f s (analysis + writes + commits %.1f s, publication %.1f s),"
                                + " %,d documents published; generating the data took %.1f s more (not counted)%n",
                        oursReused ? "reused (-Dbenchmark.reuse=true: opened and published)" : "built",
                        oursNanos / 1e9, (oursNanos - publishNanos) / 1e9, publishNanos / 1e9, ours.publishedDocuments(),
                        generateNanos / 1e9);

                List<FilterCatalog.Filter> offered = search.offered(ours, search.vocabulary().catalog());
                List<String> facetKeys = offered.stream().filter(f -> f.kind() == FilterCatalog.Kind.TERMS)
                        .map(FilterCatalog.Filter::key).toList();
                List<BenchQuery> queries = queries(search.vocabulary().catalog());
                Side oursSide = oursSide(search, ours);
                warm(queries, oursSide, 3);
                long oursHeap = BenchmarkMemory.heapAfterGcMb();
                BenchmarkMemory.Rss oursRss = BenchmarkMemory.rss();
                long oursIndexMb = BenchmarkMemory.sizeMb(dir.resolve("ours"));
                System.out.printf("ours warm: RSS %s, heap after GC %,d MB, on disk %,d MB (Tantivy index + published splits)%n",
                        oursRss, oursHeap, oursIndexMb);

                LuceneSide lucene = new LuceneSide(dir.resolve("lucene"), facetKeys, fields.atsTerms(), luceneReused);
                long luceneNanos = 0;
                for (long from = 0; from < n && !luceneReused; from += BATCH) {
                    List<BenchmarkCandidates.Candidate> batch = generate(generator, from, Math.min(n, from + BATCH));
                    long t1 = System.nanoTime();
                    batch.forEach(lucene::add);
                    luceneNanos += System.nanoTime() - t1;
                    progress(from + batch.size(), n, "lucene");
                }
                t0 = System.nanoTime();
                lucene.commit();
                long commitNanos = System.nanoTime() - t0;
                luceneNanos += commitNanos;
                Files.writeString(luceneBuilt, n + " candidates");
                System.out.printf(Locale.ROOT, "%nLucene %s: %.1f s (analysis + addDocument %.1f s, commit and open %.1f s)%n",
                        luceneReused ? "reused (-Dbenchmark.reuse=true: opened)" : "built",
                        luceneNanos / 1e9, (luceneNanos - commitNanos) / 1e9, commitNanos / 1e9);
                Side luceneSide = (q, facets) -> {
                    ParsedQuery parsed = parsed(search, q);
                    return lucene.search(parsed == null ? null : parsed.root(), q.selections(), PAGE, facets).total();
                };
                warm(queries, luceneSide, 3);
                long bothHeap = BenchmarkMemory.heapAfterGcMb();
                BenchmarkMemory.Rss bothRss = BenchmarkMemory.rss();
                long luceneMb = BenchmarkMemory.sizeMb(dir.resolve("lucene"));
                System.out.printf("both warm: RSS %s, heap after GC %,d MB; Lucene on disk %,d MB%n", bothRss, bothHeap, luceneMb);

                if (searches) {
                    checkTotals(queries, oursSide, luceneSide);
                    Map<String, Map<String, Latencies>> one = run(queries, oursSide, luceneSide, rounds, 1, true);
                    Map<String, Map<String, Latencies>> two = run(queries, oursSide, luceneSide, rounds, 2, true);
                    Map<String, Map<String, Latencies>> bare = run(queries, oursSide, luceneSide, Math.max(1, rounds / 2), 1, false);

                    System.out.printf(Locale.ROOT, "%n== latency, ms (%d rounds; each query run by ours and Lucene in turn; %s)%n",
                            rounds, FreshQueries.describe());
                    table("1 thread", queries, one);
                    table("2 threads", queries, two);
                    System.out.printf(Locale.ROOT, "%n== facet cost, 1 thread, all queries (%d facets counted per search)%n",
                            facetKeys.size());
                    System.out.println("| side | p50 with | p50 without | p95 with | p95 without |");
                    System.out.println("|---|---|---|---|---|");
                    for (String side : List.of(OURS, LUCENE)) {
                        Latencies with = Latencies.of(one.get(side).values());
                        Latencies without = Latencies.of(bare.get(side).values());
                        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", side, with.percentile(50),
                                without.percentile(50), with.percentile(95), without.percentile(95));
                    }
                    System.out.printf(Locale.ROOT, "%n== build and memory%n| | ours | Lucene |%n|---|---|---|%n");
                    System.out.printf(Locale.ROOT, "| index build | %.1f s | %.1f s |%n", oursNanos / 1e9, luceneNanos / 1e9);
                    System.out.printf(Locale.ROOT, "| on disk | %,d MB | %,d MB |%n", oursIndexMb, luceneMb);
                    System.out.printf(Locale.ROOT, "| heap after GC | %,d MB | %+,d MB |%n", oursHeap, bothHeap - oursHeap);
                    System.out.printf(Locale.ROOT, "| process RSS | %,d MB (ours alone, warm) | %+,d MB (after Lucene was added) |%n",
                            oursRss.totalMb(), bothRss.totalMb() - oursRss.totalMb());
                }
                if (insights) {
                    InsightsBenchmark.run(host.injector().getInstance(InsightsService.class), search, ours, lucene, rounds);
                }
                lucene.close();
            }
            cache.close();
        }
    }

    /**
     * @param reuse  whether reusing was asked for
     * @param marker the file a previous run wrote once it had built the index
     * @param layout what the index must have been built for
     * @param dir    the index's directory
     * @return whether the index in {@code dir} is what a previous run built for this layout; if not, it is deleted
     */
    private static boolean reused(boolean reuse, Path marker, String layout, Path dir) throws IOException {
        boolean same = reuse && Files.isDirectory(dir) && Files.isRegularFile(marker)
                && Files.readString(marker).strip().equals(layout);
        if (!same) {
            BenchmarkMemory.deleteTree(dir);
            Files.deleteIfExists(marker);
        }
        return same;
    }

    /** One engine, as the loop sees it: runs a query of the set and says how many matched. */
    @FunctionalInterface
    interface Side {
        long search(BenchQuery q, boolean facets);
    }

    private static Side oursSide(SearchService search, OrgIndex ours) {
        HitIds ids = (connection, external) -> new HitIds.Ids(connection + "/" + external, external);
        return (q, facets) -> search.search(ours, new SearchRequest.Valid(SearchRequest.Corpus.ATS, q.text(),
                q.selections(), SearchRequest.Sort.RELEVANCE, 1, PAGE), parsed(search, q), ids, facets).total();
    }

    /** Parsing is part of a search on both sides (the API parses every request). */
    private static ParsedQuery parsed(SearchService search, BenchQuery q) {
        ParsedQuery parsed = q.text().isBlank() ? null : search.vocabulary().parser().parse(q.text());
        if (!q.madeFresh()) {
            return parsed;
        }
        return new ParsedQuery(FreshQueries.fresh(parsed == null ? null : parsed.root()),
                parsed == null ? List.of() : parsed.warnings());
    }

    private static List<BenchmarkCandidates.Candidate> generate(BenchmarkCandidates g, long from, long to) {
        return LongStream.range(from, to).parallel().mapToObj(g::candidate).toList();
    }

    private static void progress(long done, long n, String side) {
        if (done % (n >= 200_000 ? 100_000 : 10_000) == 0 || done == n) {
            System.out.printf(Locale.ROOT, "  %s: %,d of %,d written, RSS %s%n", side, done, n, BenchmarkMemory.rss());
        }
    }

    private static void warm(List<BenchQuery> queries, Side side, int times) {
        for (int i = 0; i < times; i++) {
            queries.forEach(q -> side.search(q, true));
        }
    }

    private static void checkTotals(List<BenchQuery> queries, Side ours, Side lucene) {
        System.out.printf("%n== the queries, with the totals each engine found (they must be equal)%n");
        System.out.println("| query | class | text | filters | total ours | total Lucene |");
        System.out.println("|---|---|---|---|---|---|");
        for (BenchQuery q : queries) {
            long a = ours.search(q, true);
            long b = lucene.search(q, true);
            System.out.printf(Locale.ROOT, "| %s | %s | `%s` | %s | %,d | %,d%s |%n", q.name(), q.kind(), q.text(),
                    describe(q.selections()), a, b, a == b ? "" : " **differs**");
        }
    }

    private static String describe(List<SearchRequest.Selection> selections) {
        List<String> out = new ArrayList<>();
        for (SearchRequest.Selection s : selections) {
            out.add(s.filter().key() + (s.values().isEmpty() ? " " + (s.from() == null ? "…" : bound(s, s.from())) + "–"
                    + (s.to() == null ? "…" : bound(s, s.to())) : " " + s.values()));
        }
        return out.isEmpty() ? "—" : String.join("; ", out);
    }

    private static String bound(SearchRequest.Selection s, long v) {
        return s.filter().kind() == FilterCatalog.Kind.DATE_RANGE
                ? LocalDate.ofInstant(Instant.ofEpochSecond(v), ZoneOffset.UTC).toString() : Long.toString(v);
    }

    /**
     * Runs every query {@code rounds} times on both sides, in turn (which side goes first alternates by round); with two
     * threads, both run a search on the same side at once (different queries), then both on the other side.
     *
     * @return side → query name → samples
     */
    private static Map<String, Map<String, Latencies>> run(List<BenchQuery> queries, Side ours, Side lucene, int rounds,
                                                           int threads, boolean facets) throws Exception {
        Map<String, Map<String, Latencies>> out = new LinkedHashMap<>();
        for (String side : List.of(OURS, LUCENE)) {
            Map<String, Latencies> byQuery = new LinkedHashMap<>();
            queries.forEach(q -> byQuery.put(q.name(), new Latencies()));
            out.put(side, byQuery);
        }
        CyclicBarrier together = new CyclicBarrier(threads);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * queries.size() / threads;
            Thread w = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < queries.size(); i++) {
                            BenchQuery q = queries.get((i + offset) % queries.size());
                            boolean oursFirst = r % 2 == 0;
                            for (int k = 0; k < 2; k++) {
                                boolean isOurs = (k == 0) == oursFirst;
                                together.await();
                                BenchQuery asked = q.fresh();
                                long t0 = System.nanoTime();
                                (isOurs ? ours : lucene).search(asked, facets);
                                out.get(isOurs ? OURS : LUCENE).get(q.name()).add(System.nanoTime() - t0);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                    together.reset();
                }
            }, "bench-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("a search failed", failed.get());
        }
        return out;
    }

    private static void table(String title, List<BenchQuery> queries, Map<String, Map<String, Latencies>> samples) {
        System.out.printf("%n%s%n| class | ours p50 | p95 | p99 | Lucene p50 | p95 | p99 | ratio p50 | p95 | p99 |%n", title);
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<String> classes = new ArrayList<>(queries.stream().map(BenchQuery::kind).distinct().toList());
        classes.add("all");
        for (String kind : classes) {
            List<String> names = queries.stream().filter(q -> kind.equals("all") || q.kind().equals(kind))
                    .map(BenchQuery::name).toList();
            row(kind, names, samples);
        }
        for (BenchQuery q : queries) {
            row(q.name(), List.of(q.name()), samples);
        }
    }

    private static void row(String label, List<String> names, Map<String, Map<String, Latencies>> samples) {
        Latencies a = Latencies.of(names.stream().map(samples.get(OURS)::get).toList());
        Latencies b = Latencies.of(names.stream().map(samples.get(LUCENE)::get).toList());
        double[] p = {50, 95, 99};
        StringBuilder line = new StringBuilder("| " + label + " |");
        for (double x : p) {
            line.append(String.format(Locale.ROOT, " %.1f |", a.percentile(x)));
        }
        for (double x : p) {
            line.append(String.format(Locale.ROOT, " %.1f |", b.percentile(x)));
        }
        for (double x : p) {
            line.append(String.format(Locale.ROOT, " %.2f |", a.percentile(x) / b.percentile(x)));
        }
        System.out.println(line);
    }

    /** @return the fixed query set: Boolean only, with one or two filters, with three filters */
    static List<BenchQuery> queries(FilterCatalog catalog) {
        Filters f = new Filters(catalog);
        String bool = "boolean";
        String some = "1-2 filters";
        String three = "3 filters";
        return List.of(
                new BenchQuery("B1", bool, "java AND (spring OR kotlin) NOT intern", List.of()),
                new BenchQuery("B2", bool, "\"machine learning\"~2 skill:python", List.of()),
                new BenchQuery("B3", bool, "title:(engineer OR developer) -manager", List.of()),
                new BenchQuery("B4", bool, "devel*", List.of()),
                new BenchQuery("B5", bool, "kub?rnetes OR dock*", List.of()),
                new BenchQuery("B6", bool, "company:google OR pastcompany:(amazon OR microsoft)", List.of()),
                new BenchQuery("B7", bool, "status:interviewing AND recruiter:smith", List.of()),
                new BenchQuery("B8", bool, "\"data scientist\" OR \"data engineer\" -junior", List.of()),
                new BenchQuery("F1", some, "react AND (typescript OR javascript)", List.of(f.terms("location", "San Francisco, CA"))),
                new BenchQuery("F2", some, "c++ OR c#", List.of(f.terms("degree", "Master of Science"),
                        f.terms("major", "Computer Science"))),
                new BenchQuery("F3", some, "sales -engineer", List.of(f.terms("source", "LinkedIn"))),
                new BenchQuery("T1", three, "python", List.of(f.terms("location", "San Francisco, CA", "New York, NY"),
                        f.terms("skill", "Machine Learning"), f.terms("status", "Interviewing", "Phone Screen"))),
                new BenchQuery("T2", three, "engineer", List.of(f.range("yearsexperience", 5L, 15L),
                        f.terms("skill", "Java"), f.dates("lastUpdated", "2025-01-01", null))),
                new BenchQuery("T3", three, "(aws OR azure OR gcp) AND kubernetes", List.of(f.terms("location", "Seattle, WA"),
                        f.terms("status", "Hired"), f.dates("lastUpdated", "2024-06-01", "2026-06-30"))),
                new BenchQuery("T4", three, "", List.of(f.terms("location", "New York, NY"), f.terms("skill", "SQL"),
                        f.terms("status", "Rejected"))),
                new BenchQuery("T5", three, "senior NOT (junior OR intern)", List.of(f.terms("company", "Google", "Amazon"),
                        f.range("yearsexperience", 10L, null), f.terms("school", "MIT", "Stanford University"))));
    }

    /** Filter selections as a validated request holds them. */
    private record Filters(FilterCatalog catalog) {
        SearchRequest.Selection terms(String key, String... values) {
            return new SearchRequest.Selection(catalog.find(key).orElseThrow(), List.of(values), null, null);
        }

        SearchRequest.Selection range(String key, Long from, Long to) {
            return new SearchRequest.Selection(catalog.find(key).orElseThrow(), List.of(), from, to);
        }

        SearchRequest.Selection dates(String key, String from, String to) {
            return new SearchRequest.Selection(catalog.find(key).orElseThrow(), List.of(),
                    from == null ? null : LocalDate.parse(from).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                    to == null ? null : LocalDate.parse(to).plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1);
        }
    }
}
