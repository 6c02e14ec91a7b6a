package io.rediscover.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.Host;
import io.rediscover.icims.simulator.SampleProfileWriter;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.index.ProfileIndexer;
import io.rediscover.profiles.ProfileImport;
import io.rediscover.profiles.ProfileImports;
import io.rediscover.testing.TestHosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: the public-profile index at scale. Generates {@code -Dbenchmark.publicProfiles} profiles (default 200,000),
 * imports them into a fresh host while the profile indexer follows the journal, then rebuilds the index from the corpus
 * (as {@code reindex} does), and runs a fixed set of public searches (Boolean queries and filters) on one thread; prints
 * indexing throughput in profiles/s, index size, heap and RSS, and search latency percentiles. Figures, no thresholds:
 * <pre>./mvnw -q -pl host -am -Ppublic-search-benchmark verify -DskipTests [-Dbenchmark.publicProfiles=N -Dbenchmark.xmx=1g]</pre>
 */
public final class PublicSearchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP = 5;
    private static final int ROUNDS = 40;

    private PublicSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("benchmark.publicProfiles", 200_000);
        Path dir = Files.createTempDirectory("public-search-benchmark");
        Path corpus = dir.resolve("corpus.jsonl.gz");
        long t0 = System.nanoTime();
        new SampleProfileWriter().write(corpus, count, 42);
        System.out.printf("generated %,d profiles in %.1f s%n", count, seconds(t0));
        try (Host host = Host.start(TestHosts.config(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")),
                Map.of("log.level", "warn")))) {
            ProfileIndexer indexer = host.injector().getInstance(ProfileIndexer.class);
            OrgIndex index = host.injector().getInstance(Indexes.class).profiles();

            long t1 = System.nanoTime();
            ProfileImport end = host.injector().getInstance(ProfileImports.class).importFile(corpus, "benchmark", p -> { });
            double imported = seconds(t1);
            awaitIndexed(indexer, index, count);
            double fed = seconds(t1);
            System.out.printf("import of %,d profiles: %.1f s; the indexer, following the journal, had them searchable"
                    + " %.1f s after the import began: %,.0f profiles/s end to end%n", end.counts().imported(), imported, fed,
                    count / fed);

            long t2 = System.nanoTime();
            indexer.rebuild();
            awaitIndexed(indexer, index, count);
            double rebuilt = seconds(t2);
            System.out.printf("rebuild from the corpus: %,d profiles in %.1f s: %,.0f profiles/s (%d shards); index on disk"
                    + " %,d MB%n", count, rebuilt, count / rebuilt, index.shardCount(), BenchmarkMemory.sizeMb(dir.resolve("data/index/profiles")));

            searches(host);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after GC %,d MB of %,d MB; RSS %s; load average %.1f on %d cores%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, BenchmarkMemory.rss(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    rt.availableProcessors());
        }
    }

    private static void awaitIndexed(ProfileIndexer indexer, OrgIndex index, long documents) throws InterruptedException {
        long last = 0;
        while (!indexer.idle() || index.publishedDocuments() != documents) {
            Thread.sleep(200);
            if (System.nanoTime() - last > 30_000_000_000L) {
                last = System.nanoTime();
                ProfileIndexer.Status s = indexer.status();
                System.out.printf("  … %,d waiting in the journal, rebuild %s%n", s.pending(), s.rebuild() == null ? "-"
                        : s.rebuild().done() + "/" + s.rebuild().total() + " at " + s.rebuild().perSecond() + "/s");
            }
        }
    }

    /** A fixed set of public searches, from plain keywords to Boolean queries with three filters, values from the facets. */
    private static void searches(Host host) throws IOException {
        SearchService service = host.injector().getInstance(SearchService.class);
        OrgIndex index = host.injector().getInstance(Indexes.class).profiles();
        SearchResponse all = run(service, index, "{\"corpus\":\"public\"}");
        String skill = all.facets().get("skill").get(0).value();
        String skill2 = all.facets().get("skill").get(1).value();
        String title = all.facets().get("title").get(0).value();
        String location = all.facets().get("location").get(0).value();
        String industry = all.facets().get("industry").get(0).value();
        String company = all.facets().get("company").get(0).value();
        String school = all.facets().get("school").get(0).value();
        List<String> bodies = List.of(
                "{\"corpus\":\"public\"}",
                body("engineer", ""),
                body("title:\\\"" + title + "\\\"", ""),
                body("skill:\\\"" + skill + "\\\" AND skill:\\\"" + skill2 + "\\\"", ""),
                body("(manager OR director) AND NOT company:\\\"" + company + "\\\"", ""),
                body("\\\"software engineer\\\"~2", ""),
                body("engin* OR develop*", ""),
                body("", "\"skill\":[\"" + skill + "\"]"),
                body("engineer", "\"location\":[\"" + location + "\"]"),
                body("title:manager", "\"industry\":[\"" + industry + "\"],\"yearsexperience\":{\"from\":5,\"to\":20}"),
                body("skill:\\\"" + skill + "\\\" OR skill:\\\"" + skill2 + "\\\"", "\"location\":[\"" + location
                        + "\"],\"diversity\":[\"female\"],\"companysize\":[\"1001-5000\",\"5001-10000\"]"),
                body("name:maria OR name:john", "\"school\":[\"" + school + "\"],\"yearsinrole\":{\"from\":1},"
                        + "\"diversity\":[\"veteran\",\"hispanic\"]"));
        System.out.println("public search, one thread, " + ROUNDS + " rounds after " + WARMUP + " of warm-up (ms):");
        for (int r = 0; r < WARMUP; r++) {
            bodies.forEach(b -> run(service, index, b));
        }
        List<Latencies> times = bodies.stream().map(b -> new Latencies()).toList();
        long[] totals = new long[bodies.size()];
        for (int r = 0; r < ROUNDS; r++) {
            for (int q = 0; q < bodies.size(); q++) {
                long t = System.nanoTime();
                totals[q] = run(service, index, bodies.get(q)).total();
                times.get(q).add(System.nanoTime() - t);
            }
        }
        for (int q = 0; q < bodies.size(); q++) {
            Latencies l = times.get(q);
            System.out.printf("  p50 %6.1f  p95 %6.1f  p99 %6.1f  total %,9d  %s%n", l.percentile(50), l.percentile(95),
                    l.percentile(99), totals[q], bodies.get(q));
        }
        Latencies overall = Latencies.of(times);
        System.out.printf("  all queries: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (each with facets of every offered filter)%n",
                overall.percentile(50), overall.percentile(95), overall.percentile(99));
    }

    private static String body(String query, String filters) {
        return "{\"corpus\":\"public\",\"query\":\"" + query + "\"" + (filters.isEmpty() ? "" : ",\"filters\":{" + filters + "}") + "}";
    }

    private static SearchResponse run(SearchService service, OrgIndex index, String body) {
        try {
            SearchRequest.Valid request = JSON.readValue(body, SearchRequest.class).validate(service.vocabulary().catalog());
            ParsedQuery parsed = request.query().isBlank() ? null : service.vocabulary().parser().parse(request.query());
            return service.search(index, request, parsed, (connection, external) -> new HitIds.Ids(external, null));
        } catch (IOException | QuerySyntaxException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
