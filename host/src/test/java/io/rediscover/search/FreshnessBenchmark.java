package io.rediscover.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.Host;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorChange;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.Outbox;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.Education;
import io.rediscover.pluginapi.record.Location;
import io.rediscover.pluginapi.record.WorkHistory;
import io.rediscover.pluginapi.sync.RecordKind;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * How long a change a sync commits takes to become searchable, through the real path: a real host, whose org has N
 * candidates (default 100,000) that came into its mirror as a sync writes them and through the pipeline into the index;
 * then changes are committed to the mirror one by one — alone, and inside a sync checkpoint of 2,000 changed candidates
 * — and {@link SearchService} is asked every 25 ms until the change is found. Measured from just before the mirror
 * commit to the first search that finds it: commit, outbox, pipeline, index stage, publication, search.
 */
final class FreshnessBenchmark {

    private static final String ORG = "fresh";
    private static final int CHECKPOINT = 2_000;
    private static final long POLL_MILLIS = 25;

    private final MirrorStore mirror;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final SearchService search;
    private final Indexes indexes;
    private final ConnectionRef ref = new ConnectionRef(ORG, "c1");
    private final BenchmarkCandidates generator = new BenchmarkCandidates();
    private final AtomicLong version = new AtomicLong();

    private FreshnessBenchmark(Host host) {
        mirror = host.injector().getInstance(MirrorStore.class);
        outbox = host.injector().getInstance(Outbox.class);
        json = host.injector().getInstance(ObjectMapper.class);
        search = host.injector().getInstance(SearchService.class);
        indexes = host.injector().getInstance(Indexes.class);
    }

    static void run(Path dir, long n, int changes) throws Exception {
        try (Host host = SearchBenchmark.host(dir)) {
            new FreshnessBenchmark(host).measure(n, changes);
        }
    }

    private void measure(long n, int changes) throws Exception {
        System.out.printf(Locale.ROOT, "%n== freshness at %,d candidates: mirror commit → searchable, through the real path%n", n);
        long t0 = System.nanoTime();
        for (long from = 0; from < n; from += CHECKPOINT) {
            List<MirrorChange> batch = LongStream.range(from, Math.min(n, from + CHECKPOINT)).parallel()
                    .mapToObj(i -> upsert(generator.candidate(i), null)).toList();
            commit(batch);
        }
        double mirrored = (System.nanoTime() - t0) / 1e9;
        while (outbox.size() > 0 || indexes.candidates(ORG).publishedDocuments() < n) {
            Thread.sleep(100);
        }
        OrgIndex index = indexes.candidates(ORG);
        System.out.printf(Locale.ROOT, "seeded through the real path: %,d candidates committed to the mirror in checkpoints of"
                        + " %,d (%.1f s), drained by the pipeline, indexed and published %.1f s after the first commit;"
                        + " %d shard(s); RSS %s%n", n, CHECKPOINT, mirrored, (System.nanoTime() - t0) / 1e9,
                index.shardCount(), BenchmarkMemory.rss());

        SplittableRandom r = new SplittableRandom(7);
        Latencies alone = new Latencies();
        Latencies inCheckpoint = new Latencies();
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < changes * 2; k++) {
            boolean withOthers = k % 2 == 1;
            long who = r.nextLong(n);
            String marker = "Fresh" + k + "x" + Long.toString(r.nextLong(1L << 40), 36);
            List<MirrorChange> batch = new ArrayList<>();
            batch.add(upsert(generator.candidate(who), marker));
            if (withOthers) {
                LongStream.range(1, CHECKPOINT).map(j -> (who + j * 7919) % n).distinct().filter(o -> o != who)
                        .forEach(o -> batch.add(upsert(generator.candidate(o), null))); // never the marked one again
            }
            while (outbox.size() > 0) { // the previous checkpoint's other changes are still being indexed
                Thread.sleep(POLL_MILLIS);
            }
            Thread.sleep(500 + r.nextInt(2_500)); // changes arrive at any moment of the publisher's cycle
            long start = System.nanoTime();
            commit(batch);
            long committed = System.nanoTime();
            long drained = -1;
            while (found(index, marker) == 0) {
                if (drained < 0 && outbox.size() == 0) {
                    drained = System.nanoTime();
                }
                Thread.sleep(POLL_MILLIS);
            }
            long searchable = System.nanoTime();
            (withOthers ? inCheckpoint : alone).add(searchable - start);
            lines.add(String.format(Locale.ROOT, "  %-28s commit %5.0f ms, indexed by %6s ms, searchable after %6.0f ms",
                    withOthers ? "in a checkpoint of " + CHECKPOINT : "alone", (committed - start) / 1e6,
                    drained < 0 ? "≤" + Math.round((searchable - start) / 1e6) : Long.toString(Math.round((drained - start) / 1e6)),
                    (searchable - start) / 1e6));
        }
        lines.forEach(System.out::println);
        System.out.println("| change | changes | p50 | p95 | max |");
        System.out.println("|---|---|---|---|---|");
        for (var e : List.of(List.of("alone", alone), List.of("in a checkpoint of " + CHECKPOINT, inCheckpoint))) {
            Latencies l = (Latencies) e.get(1);
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f s | %.2f s | %.2f s |%n", e.get(0), l.count(),
                    l.percentile(50) / 1000, l.percentile(95) / 1000, l.max() / 1000);
        }
    }

    /** @return how many candidates the search {@code name:<marker>} finds, as {@code POST /api/search} would */
    private long found(OrgIndex index, String marker) {
        String query = "name:" + marker;
        return search.search(index, new SearchRequest.Valid(SearchRequest.Corpus.ATS, query, List.of(),
                SearchRequest.Sort.RELEVANCE, 1, 20), search.vocabulary().parser().parse(query),
                (connection, external) -> new HitIds.Ids(external, external)).total();
    }

    /** One mirror commit, as a sync's checkpoint makes it (the changes and their outbox entries together). */
    private void commit(List<MirrorChange> changes) {
        mirror.apply(ref, changes, Optional.empty(), Instant.now(), (batch, applied) -> { });
    }

    /** @return the candidate as the iCIMS connector emits it, newer than any earlier version, renamed if asked */
    private MirrorChange upsert(BenchmarkCandidates.Candidate c, String lastName) {
        Instant updated = BenchmarkCandidates.NOW.plusSeconds(version.getAndIncrement());
        String[] name = c.name().split(" ", 2);
        AtsCandidate.Builder b = AtsCandidate.builder(c.id(), updated)
                .name(name[0], null, lastName == null ? name[1] : lastName)
                .location(new Location(c.location(), null, null, null));
        b.work(new WorkHistory(c.company(), c.title(), Integer.toString(2026 - (int) c.yearsInRole()), null, true));
        for (int i = 0; i < c.pastTitles().size(); i++) {
            int end = 2026 - (int) c.yearsInRole() - 2 * i;
            b.work(new WorkHistory(c.pastCompanies().get(i), c.pastTitles().get(i), Integer.toString(end - 2),
                    Integer.toString(end), false));
        }
        c.education().forEach(s -> b.education(new Education(s.school(), s.degree(), s.major(), null, null)));
        c.skills().forEach(b::skill);
        c.ats().forEach(b::attribute);
        b.attribute("lastUpdated", c.lastUpdated().toString());
        AtsCandidate candidate = b.build();
        return new MirrorChange.Upsert(RecordKind.CANDIDATE, candidate.externalId(), null, candidate.updatedAt(),
                json.valueToTree(candidate), null);
    }
}
