package io.rediscover.search;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.rediscover.index.ProfileIndexer;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.Outbox;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.sync.RunHistory;
import io.rediscover.sync.SyncConnections;
import io.rediscover.sync.SyncRun;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Tells a recruiter when an answer cannot hold the whole corpus yet, so that a total or a chart is not taken for all of
 * it: no ATS is connected, the org's first download from its ATS has not finished, candidates wait to be indexed (a sync's changes, the
 * refill after an upgrade changed the index's fields, a {@code reindex}), or the public-profile index is being rebuilt.
 * Cheap enough for every request: counts the store keeps, no scan of records.
 */
@Singleton
public final class IndexCoverage {

    private final SyncConnections connections;
    private final RunHistory history;
    private final MirrorStore mirror;
    private final Outbox outbox;
    private final ProfileIndexer profiles;
    /** Connections whose first download finished: once finished, it stays finished. */
    private final Set<ConnectionRef> downloaded = ConcurrentHashMap.newKeySet();
    /**
     * Per org, when its newest successful sync ended (empty: none yet). Run history grows by a run a day and is read
     * whole to find it, so the answer is kept a little while: a sync ends at most once in that time anyway.
     */
    private final Cache<String, Optional<Instant>> syncedAt = CacheBuilder.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    /**
     * @param connections every org's connections
     * @param history     their runs (whether a first download finished)
     * @param mirror      how many candidates each holds
     * @param outbox      candidates waiting for the pipeline
     * @param profiles    the public-profile index's feed
     */
    @Inject
    public IndexCoverage(SyncConnections connections, RunHistory history, MirrorStore mirror, Outbox outbox,
                         ProfileIndexer profiles) {
        this.connections = connections;
        this.history = history;
        this.mirror = mirror;
        this.outbox = outbox;
        this.profiles = profiles;
    }

    /** Why an answer may be partial. */
    public enum Reason {
        /** The org has no ATS connection: nothing to search until its admins connect one. */
        NOT_CONNECTED,
        /** The org's first download from its ATS has not finished: the mirror holds part of the ATS. */
        FIRST_DOWNLOAD,
        /** Candidates (or profile changes) wait to be indexed: missing from answers, or shown as they were. */
        INDEXING,
        /** The public-profile index is being rebuilt: answers read it as it was before. */
        REBUILDING
    }

    /**
     * @param reason  why
     * @param waiting candidates or profiles not in answers yet (for a first download: candidates the pipeline has still
     *                to index; what the ATS holds beyond the mirror is not known)
     * @param message the same, said to a recruiter
     */
    public record Notice(Reason reason, long waiting, String message) {
    }

    /**
     * What an answer covers.
     *
     * @param indexing what it may be missing because the index does not hold the whole corpus yet, or null when it does
     * @param syncedAt when the newest of the org's successful syncs ended — the ATS data is as of then — or null (the
     *                 public profiles; no sync succeeded yet)
     */
    public record Coverage(Notice indexing, Instant syncedAt) {
    }

    /**
     * @param corpus what is searched
     * @param org    the caller's org (asked only for the org's candidates)
     * @return what an answer from it covers now
     */
    public Coverage of(SearchRequest.Corpus corpus, Supplier<String> org) {
        if (corpus == SearchRequest.Corpus.PUBLIC) {
            return new Coverage(publicProfiles().orElse(null), null);
        }
        String id = org.get();
        Set<ConnectionRef> refs = connectionsOf(id);
        return new Coverage(candidates(id, refs).orElse(null), syncedAt(id, refs).orElse(null));
    }

    /** @return when the newest successful sync of the org's connections ended */
    private Optional<Instant> syncedAt(String org, Set<ConnectionRef> refs) {
        try {
            return syncedAt.get(org, () -> refs.stream().map(this::lastSucceeded).flatMap(Optional::stream)
                    .max(Instant::compareTo));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Optional<Instant> lastSucceeded(ConnectionRef ref) {
        return history.latestSucceeded(ref).map(SyncRun::endedAt);
    }

    /**
     * @return the org's connections syncing now, and those the mirror holds something of (one whose first download
     *         stopped for good, with bad credentials, still left the org with part of its ATS)
     */
    private Set<ConnectionRef> connectionsOf(String org) {
        Set<ConnectionRef> refs = new LinkedHashSet<>();
        connections.active().stream().filter(ref -> ref.org().equals(org)).forEach(refs::add);
        refs.addAll(mirror.connections(org));
        return refs;
    }

    private Optional<Notice> candidates(String org, Set<ConnectionRef> refs) {
        long waiting = outbox.size(org);
        if (refs.isEmpty() && waiting == 0) {
            return Optional.of(new Notice(Reason.NOT_CONNECTED, 0,
                    "No ATS is connected to your org yet: your org's admins connect one under Integrations."));
        }
        List<ConnectionRef> downloading = refs.stream().filter(ref -> !downloaded(ref)).toList();
        if (!downloading.isEmpty()) {
            long mirrored = downloading.stream().mapToLong(ref -> mirror.counts(ref).live().get(RecordKind.CANDIDATE)).sum();
            return Optional.of(new Notice(Reason.FIRST_DOWNLOAD, waiting, "The first download from your ATS has not finished: "
                    + count(mirrored, "candidate") + " so far" + (waiting > 0 ? ", " + number(waiting) + " of them still being indexed" : "")
                    + ". Results and counts cover only those searchable now."));
        }
        if (waiting > 0) {
            return Optional.of(new Notice(Reason.INDEXING, waiting, count(waiting, "candidate") + (waiting == 1 ? " is" : " are")
                    + " still being indexed: results and counts may leave " + (waiting == 1 ? "it" : "them")
                    + " out or show " + (waiting == 1 ? "it" : "them") + " as before."));
        }
        return Optional.empty();
    }

    private boolean downloaded(ConnectionRef ref) {
        if (downloaded.contains(ref)) {
            return true;
        }
        boolean done = history.anySucceeded(ref);
        if (done) {
            downloaded.add(ref);
        }
        return done;
    }

    private Optional<Notice> publicProfiles() {
        ProfileIndexer.Status status = profiles.status();
        ProfileIndexer.RebuildStatus rebuild = status.rebuild();
        if (rebuild != null && rebuild.running()) {
            long left = Math.max(0, rebuild.total() - rebuild.done());
            return Optional.of(new Notice(Reason.REBUILDING, left, "The public-profile index is being rebuilt ("
                    + number(rebuild.done()) + " of about " + count(rebuild.total(), "profile")
                    + " so far): until it finishes, searches read the index as it was before."));
        }
        if (status.pending() > 0) {
            return Optional.of(new Notice(Reason.INDEXING, status.pending(), count(status.pending(), "profile change")
                    + (status.pending() == 1 ? " is" : " are") + " still being indexed: results and counts do not show "
                    + (status.pending() == 1 ? "it" : "them") + " yet."));
        }
        return Optional.empty();
    }

    private static String count(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
