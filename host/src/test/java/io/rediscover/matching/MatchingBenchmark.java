package io.rediscover.matching;

import io.rediscover.Host;
import io.rediscover.documents.TextStage;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.MatchTruth;
import io.rediscover.icims.simulator.SampleProfileWriter;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.integrations.Connection;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.Outbox;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.profiles.ProfileChanges;
import io.rediscover.profiles.ProfileImport;
import io.rediscover.profiles.ProfileImports;
import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;
import io.rediscover.store.Store;
import io.rediscover.sync.SyncConnections;
import io.rediscover.sync.SyncRun;
import io.rediscover.sync.SyncRunner;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import io.rediscover.testing.TestTenants;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Not a test: the matching quality and speed benchmark. Generates a corpus of {@code -Dbenchmark.profiles} profiles
 * (default 100,000), imports it into a fresh host in this JVM (run it with a bounded heap), derives a simulated iCIMS
 * tenant of {@code -Dbenchmark.people} people (default 10,000) from it with the labelled truths, runs the real sync and
 * pipeline (text, match, index stages) and prints precision and recall per method and per variant against the truths;
 * then times extraction and matching alone, over the candidates with PDF resumes, with DOCX resumes and all of them:
 * <pre>./mvnw -q -pl host -am -Pmatching-benchmark verify -DskipTests [-Dbenchmark.matching.profiles=N -Dbenchmark.matching.people=N -Dbenchmark.xmx=1g]</pre>
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int profiles = Integer.getInteger("benchmark.profiles", 100_000);
        int people = Integer.getInteger("benchmark.people", 10_000);
        Path dir = Files.createTempDirectory("matching-benchmark");
        Path corpus = dir.resolve("corpus.jsonl.gz");
        long t0 = System.nanoTime();
        new SampleProfileWriter().write(corpus, profiles, 42);
        System.out.printf("generated %,d profiles in %.1f s%n", profiles, seconds(t0));
        try (IcimsSimulator sim = IcimsSimulator.start(SimulatorConfig.builder().people(people).profiles(corpus).seed(3)
                .credentials("bench", "bench-secret").dailyQuota(0).noise(false).build())) {
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
            try (Host host = Host.start(TestHosts.config(dir.resolve("data"), plugins, Map.of("sync.enabled", "false",
                    "log.level", "warn", "connectors.icims-stream.apiBaseUrl", sim.baseUrl(),
                    "connectors.icims-stream.tokenUrl", sim.tokenUrl(), "connectors.icims-stream.streamBaseUrl", sim.baseUrl(),
                    "connectors.icims-stream.audience", sim.audience(), "connectors.icims-stream.linkedinFieldIds", "field4711")))) {
                run(host, sim, corpus, profiles);
            }
        }
    }

    private static void run(Host host, IcimsSimulator sim, Path corpus, int profiles) throws Exception {
        long t0 = System.nanoTime();
        ProfileImport imported = host.injector().getInstance(ProfileImports.class).importFile(corpus, "benchmark", p -> { });
        System.out.printf("imported %,d profiles in %.1f s%n", imported.counts().imported(), seconds(t0));
        ProfileChanges journal = host.injector().getInstance(ProfileChanges.class);
        await(() -> journal.size(ProfileChanges.Reader.MATCHER) == 0);

        Connection c = TestTenants.connected(host, "bench", Map.of("clientId", sim.clientId(), "clientSecret", "bench-secret",
                "streamId", sim.streamId()));
        ConnectionRef ref = new ConnectionRef(c.org(), c.id());
        t0 = System.nanoTime();
        SyncRun full = host.injector().getInstance(SyncRunner.class).run(
                host.injector().getInstance(SyncConnections.class).load(ref).orElseThrow(), Cancellation.never());
        double syncSeconds = seconds(t0);
        Outbox outbox = host.injector().getInstance(Outbox.class);
        await(() -> outbox.size() == 0);
        System.out.printf("sync %s in %.1f s; pipeline drained %.1f s after the sync began%n", full.result(), syncSeconds,
                seconds(t0));

        quality(host, sim, ref);
        speed(host, ref, profiles);
    }

    private static void quality(Host host, IcimsSimulator sim, ConnectionRef ref) {
        Matches matches = host.injector().getInstance(Matches.class);
        Map<Match.Method, long[]> byMethod = new EnumMap<>(Match.Method.class); // [matches, correct]
        Map<MatchTruth.Variant, long[]> byVariant = new EnumMap<>(MatchTruth.Variant.class); // [people, right, wrong]
        long matchable = 0;
        long right = 0;
        long made = 0;
        for (Map.Entry<Long, MatchTruth> e : new TreeMap<>(sim.tenant().truths()).entrySet()) {
            MatchTruth truth = e.getValue();
            Optional<Match> m = matches.match(ref, Long.toString(e.getKey()));
            long[] v = byVariant.computeIfAbsent(truth.variant(), k -> new long[3]);
            v[0]++;
            matchable += truth.matchable() ? 1 : 0;
            if (m.isPresent()) {
                made++;
                boolean correct = m.get().profileId().equals(truth.profileId());
                long[] mm = byMethod.computeIfAbsent(m.get().method(), k -> new long[2]);
                mm[0]++;
                mm[1] += correct ? 1 : 0;
                v[correct ? 1 : 2]++;
                right += correct ? 1 : 0;
                if (!correct && Boolean.getBoolean("benchmark.verbose")) {
                    System.out.printf("  wrong: person %d %s → %s %s%n", e.getKey(), truth, m.get().profileId(), m.get().evidence());
                }
            }
        }
        System.out.printf("%nQUALITY over %,d people (%,d matchable)%n", byVariant.values().stream().mapToLong(v -> v[0]).sum(),
                matchable);
        byMethod.forEach((method, n) -> System.out.printf("  %-14s %,7d matches, %,7d right: precision %.4f%n", method, n[0],
                n[1], n[1] / (double) n[0]));
        byVariant.forEach((variant, n) -> System.out.printf("  %-24s %,6d people: %,6d matched right, %,4d wrong%s%n",
                variant, n[0], n[1], n[2], variant == MatchTruth.Variant.LOOK_ALIKE || variant == MatchTruth.Variant.NOT_IN_CORPUS
                        ? "" : String.format(": recall %.4f", n[1] / (double) n[0])));
        System.out.printf("  OVERALL precision %.4f (%,d of %,d matches right), recall %.4f (%,d of %,d matchable)%n",
                right / (double) made, right, made, right / (double) matchable, right, matchable);
    }

    /** Times the text and match stages alone over the synced candidates, grouped by their resume's format. */
    private static void speed(Host host, ConnectionRef ref, int profiles) throws Exception {
        MirrorStore mirror = host.injector().getInstance(MirrorStore.class);
        List<String> pdf = new ArrayList<>();
        List<String> docx = new ArrayList<>();
        List<String> all;
        try (var ids = mirror.liveIds(ref, RecordKind.CANDIDATE)) {
            all = ids.toList();
        }
        for (String id : all) {
            Optional<String> type = mirror.record(ref, RecordKind.CANDIDATE, id).map(MirrorRecord::resume)
                    .map(r -> r.fileName().toLowerCase(Locale.ROOT));
            type.filter(n -> n.endsWith(".pdf")).ifPresent(n -> pdf.add(id));
            type.filter(n -> n.endsWith(".docx")).ifPresent(n -> docx.add(id));
        }
        TextStage text = host.injector().getInstance(TextStage.class);
        MatchStage match = host.injector().getInstance(MatchStage.class);
        Store store = host.injector().getInstance(Store.class);
        System.out.printf("%nSPEED against %,d profiles, heap max %,d MB (stages called directly, 500 a batch, writes"
                + " committed)%n", profiles, Runtime.getRuntime().maxMemory() >> 20);
        long[] version = {Long.MAX_VALUE / 2};
        for (Map.Entry<String, List<String>> group : Map.of("PDF resumes", pdf, "DOCX resumes", docx, "all candidates", all)
                .entrySet()) {
            text.reindexing(); // every text extracted afresh
            double extract = time(text, group.getValue(), ref, store, version);
            double matching = time(match, group.getValue(), ref, store, version);
            int n = group.getValue().size();
            System.out.printf("  %-15s %,6d: extraction %,7.0f /s, matching %,7.0f /s, both %,7.0f /s; heap after GC %,d MB%n",
                    group.getKey(), n, n / extract, n / matching, n / (extract + matching), heapAfterGc());
        }
    }

    private static double time(PipelineStage stage, List<String> ids, ConnectionRef ref, Store store, long[] version)
            throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < ids.size(); i += 500) {
            List<PipelineItem> items = new ArrayList<>();
            for (String id : ids.subList(i, Math.min(ids.size(), i + 500))) {
                items.add(new PipelineItem(ref, id, ++version[0]));
            }
            List<Consumer<Store.Batch>> writes = new ArrayList<>();
            stage.process(items, new PipelineStage.Results() {
                @Override
                public void failed(PipelineItem item, String reason) {
                }

                @Override
                public void write(Consumer<Store.Batch> w) {
                    writes.add(w);
                }
            });
            store.write(b -> writes.forEach(w -> w.accept(b)));
        }
        return seconds(t0);
    }

    private static long heapAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage).filter(u -> u != null).mapToLong(u -> u.getUsed()).sum() >> 20;
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            Thread.sleep(200);
        }
    }

    private static double seconds(long from) {
        return (System.nanoTime() - from) / 1e9;
    }
}
