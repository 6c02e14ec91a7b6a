package io.rediscover.sync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import io.rediscover.lifecycle.ServiceUnavailableException;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorChange;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.RecordMerge;
import io.rediscover.mirror.ResumeRef;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsDocument;
import io.rediscover.pluginapi.record.AtsJob;
import io.rediscover.pluginapi.sync.MirroredVersion;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncSink;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.sync.UnseenHandler;
import io.rediscover.store.TempIdSet;
import io.rediscover.store.WorkingSets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host's {@link SyncSink} for one run: buffers what the plugin emits and, at each checkpoint, commits the records,
 * the plugin's new state, the run's progress and counts, its per-record failures and the outbox entries of the changed
 * candidates in one store commit. Before committing it passes the {@link BacklogGate}: it waits while the pipeline is
 * too far behind or the disk nearly full, and says so in the run's progress.
 *
 * <p>Memory stays bounded: resumes go to the blob store at once (by content hash, harmless if the run later fails), and
 * when more than {@value #FLUSH_AT} changes are buffered they are committed early without the state — replaying them
 * is harmless, while a state ahead of its records would lose data.
 */
final class MirrorSink implements SyncSink, AutoCloseable {

    static final int FLUSH_AT = 2_000;

    /** Serialises records without the resume bytes (they live in the blob store). */
    @JsonIgnoreProperties({"resume"})
    private interface WithoutResume {
    }

    private final ConnectionRef ref;
    private final MirrorStore mirror;
    private final RunHistory history;
    private final BacklogGate gate;
    private final Cancellation cancellation;
    private final WorkingSets workingSets;
    private final Clock clock;
    private final ObjectMapper json;
    private final List<MirrorChange> pending = new ArrayList<>();
    /** The last pending change of each record, so the plugin learns what it emitted since the last commit. */
    private final Map<String, MirrorChange> lastPending = new HashMap<>();
    private final List<RunFailure> pendingFailures = new ArrayList<>();
    private final Map<RecordKind, TempIdSet> seen = new EnumMap<>(RecordKind.class);
    private SyncRun run;
    private SyncRun.Counts counts = SyncRun.Counts.zero();
    private Map<String, Long> requests = Map.of();
    private SyncProgress lastProgress;
    private volatile String waitingFor;
    private final Instant started;
    private final SyncMeters.Run meter;
    private long recordsEmitted;

    MirrorSink(ConnectionRef ref, SyncRun run, MirrorStore mirror, RunHistory history, BacklogGate gate,
               Cancellation cancellation, WorkingSets workingSets, Clock clock, ObjectMapper json) {
        this(ref, run, mirror, history, gate, cancellation, workingSets, clock, json, null);
    }

    MirrorSink(ConnectionRef ref, SyncRun run, MirrorStore mirror, RunHistory history, BacklogGate gate,
               Cancellation cancellation, WorkingSets workingSets, Clock clock, ObjectMapper json, SyncMeters.Run meter) {
        this.meter = meter;
        this.ref = ref;
        this.run = run;
        this.mirror = mirror;
        this.history = history;
        this.gate = gate;
        this.cancellation = cancellation;
        this.workingSets = workingSets;
        this.clock = clock;
        this.json = json.copy().addMixIn(AtsCandidate.class, WithoutResume.class);
        this.started = clock.instant();
    }

    /** @return the run as it stands; its phase says so while it waits at the gate */
    synchronized SyncRun run() {
        String w = waitingFor;
        if (w == null) {
            return run;
        }
        SyncRun.Progress p = run.progress();
        return run.withProgress(new SyncRun.Progress(w, p.done(), p.estimatedTotal(), p.ratePerSecond(), null,
                p.lastCheckpointAt(), p.requestsLeft()));
    }

    @Override
    public void candidate(AtsCandidate candidate) {
        ResumeRef resume = null;
        AtsDocument doc = candidate.resume();
        if (doc != null) {
            byte[] content = doc.content();
            String sha = Hashing.sha256().hashBytes(content).toString(); // lowercase hex: the blob key
            mirror.putBlob(ref.org(), sha, content);
            resume = new ResumeRef(sha, doc.fileName(), doc.mediaType(), doc.size());
        }
        add(new MirrorChange.Upsert(RecordKind.CANDIDATE, candidate.externalId(), null, candidate.updatedAt(),
                json.valueToTree(candidate), resume));
    }

    @Override
    public void job(AtsJob job) {
        add(new MirrorChange.Upsert(RecordKind.JOB, job.externalId(), null, job.updatedAt(), json.valueToTree(job), null));
    }

    @Override
    public void application(AtsApplication application) {
        add(new MirrorChange.Upsert(RecordKind.APPLICATION, application.externalId(), application.candidateExternalId(),
                application.updatedAt(), json.valueToTree(application), null));
    }

    @Override
    public void deleted(RecordKind kind, String externalId) {
        add(new MirrorChange.Delete(kind, externalId, clock.instant()));
    }

    @Override
    public void accessLost(RecordKind kind, String externalId) {
        add(new MirrorChange.AccessLost(kind, externalId, clock.instant()));
    }

    @Override
    public void failed(RecordKind kind, String externalId, String reason) {
        pendingFailures.add(new RunFailure(run.runId(), kind, externalId, reason, clock.instant()));
    }

    @Override
    public void seen(RecordKind kind, String externalId) {
        seen.computeIfAbsent(kind, k -> workingSets.newIdSet("seen-" + k.name().toLowerCase(java.util.Locale.ROOT)))
                .add(externalId);
    }

    @Override
    public void forEachUnseen(RecordKind kind, UnseenHandler handler) throws ConnectorException {
        flush(Optional.empty());
        TempIdSet ids = seen.remove(kind);
        try (Stream<String> live = mirror.liveIds(ref, kind)) {
            Iterator<String> unseen = (ids == null ? live : ids.notIn(live)).iterator();
            while (unseen.hasNext()) {
                handler.accept(unseen.next());
            }
        } finally {
            if (ids != null) {
                ids.close();
            }
        }
    }

    @Override
    public Optional<MirroredVersion> mirrored(RecordKind kind, String externalId) {
        Optional<MirrorRecord> stored = mirror.record(ref, kind, externalId).filter(MirrorRecord::live);
        MirrorChange emitted = lastPending.get(pendingKey(kind, externalId));
        if (emitted instanceof MirrorChange.Delete) {
            return Optional.empty();
        }
        if (emitted instanceof MirrorChange.Upsert u && stored.map(r -> !u.updatedAt().isBefore(r.updatedAt())).orElse(true)) {
            boolean resume = u.resume() != null || stored.map(r -> r.resume() != null).orElse(false);
            return Optional.of(new MirroredVersion(u.updatedAt(), resume));
        }
        return stored.map(r -> new MirroredVersion(r.updatedAt(), r.resume() != null));
    }

    @Override
    public Optional<AtsJob> mirroredJob(String externalId) {
        Optional<MirrorRecord> stored = mirror.record(ref, RecordKind.JOB, externalId).filter(MirrorRecord::live);
        MirrorChange emitted = lastPending.get(pendingKey(RecordKind.JOB, externalId));
        if (emitted instanceof MirrorChange.Delete) {
            return Optional.empty();
        }
        Optional<ObjectNode> data = emitted instanceof MirrorChange.Upsert u
                ? Optional.of(RecordMerge.merge(stored.map(MirrorRecord::data).orElse(null), u.data()))
                : stored.map(MirrorRecord::data);
        try {
            // Leniently: the stored JSON also holds what records derive (Location's "empty"), which is no field.
            return data.isEmpty() ? Optional.empty() : Optional.of(json.readerFor(AtsJob.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).treeToValue(data.get(), AtsJob.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a stored job this version cannot read: the plugin reads it again
        }
    }

    private static String pendingKey(RecordKind kind, String externalId) {
        return kind.name() + "/" + externalId;
    }

    @Override
    public synchronized void progress(SyncProgress progress) {
        lastProgress = progress;
        requests = progress.requestsByEndpoint();
        run = run.withProgress(toProgress(progress, run.progress().lastCheckpointAt()));
    }

    private SyncRun.Progress toProgress(SyncProgress p, Instant lastCheckpoint) {
        Instant now = clock.instant();
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        double rate = p.done() / seconds;
        Instant eta = p.estimatedTotal() > p.done() && rate > 0
                ? now.plusMillis((long) ((p.estimatedTotal() - p.done()) / rate * 1000)) : null;
        return new SyncRun.Progress(p.phase(), p.done(), p.estimatedTotal(), Math.round(rate * 10) / 10.0, eta, lastCheckpoint,
                p.requestsLeft() < 0 ? null : p.requestsLeft());
    }

    @Override
    public void checkpoint(SyncState next) throws ConnectorException {
        if (next == null || next.isInitial()) {
            throw new ConnectorException(ErrorKind.INTERNAL, "a checkpoint needs a state");
        }
        passGate();
        try {
            flush(Optional.of(next.value()));
        } catch (ServiceUnavailableException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConnectorException(ErrorKind.INTERNAL, "the host could not commit the checkpoint", e);
        }
    }

    private void add(MirrorChange change) {
        pending.add(change);
        lastPending.put(pendingKey(change.kind(), change.externalId()), change);
        recordsEmitted++;
        if (pending.size() >= FLUSH_AT) {
            passGate();
            flush(Optional.empty());
        }
    }

    /** Waits, outside the sink's lock (progress stays readable), while the gate says so. */
    private void passGate() {
        try {
            gate.await(cancellation, reason -> waitingFor = reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits what is buffered, with the state when given. */
    synchronized void flush(Optional<String> state) {
        if (pending.isEmpty() && pendingFailures.isEmpty() && state.isEmpty()) {
            return;
        }
        List<RunFailure> failures = List.copyOf(pendingFailures);
        long accessLost = pending.stream().filter(c -> c instanceof MirrorChange.AccessLost).count();
        Instant now = clock.instant();
        SyncRun.Progress progress = state.isPresent()
                ? (lastProgress == null ? run.progress() : toProgress(lastProgress, now)) : run.progress();
        SyncRun.Progress checkpointed = state.isPresent() ? progress.checkpointedAt(now) : progress;
        SyncRun[] after = new SyncRun[1];
        SyncRun.Counts[] total = new SyncRun.Counts[1];
        mirror.apply(ref, List.copyOf(pending), state, now, (batch, applied) -> {
            failures.forEach(f -> history.put(batch, ref, f));
            // The run's counts commit with the records they count: a crash never leaves them behind the mirror.
            total[0] = new SyncRun.Counts(counts.added() + applied.added(), counts.updated() + applied.updated(),
                    counts.unchanged() + applied.unchanged(), counts.deleted() + applied.deleted(),
                    counts.accessLost() + accessLost, counts.failed() + failures.size());
            after[0] = run.withProgress(checkpointed).withCounts(total[0], requests);
            history.put(batch, ref, after[0]);
        });
        counts = total[0];
        run = after[0];
        pending.clear();
        lastPending.clear();
        pendingFailures.clear();
        if (meter != null) {
            meter.update(counts, requests);
        }
    }

    /** Ends the run's record. Changes buffered since the last checkpoint are committed only on success. */
    synchronized SyncRun finish(SyncRun.Result result, SyncRun.RunError error) {
        if (result == SyncRun.Result.SUCCEEDED) {
            flush(Optional.empty());
        } else {
            pending.clear(); // the next run starts from the last checkpoint and reads them again
            lastPending.clear();
            if (!pendingFailures.isEmpty()) {
                flush(Optional.empty());
            }
        }
        run = run.withCounts(counts, requests);
        if (result == SyncRun.Result.SUCCEEDED) {
            run = run.withProgress(finalProgress());
        }
        run = run.ended(result, clock.instant(), error);
        history.save(ref, run);
        if (meter != null) {
            meter.update(counts, requests); // requests made since the last commit
        }
        return run;
    }

    /** A finished run says so, with its totals: done, nothing left to estimate, no ETA. */
    private SyncRun.Progress finalProgress() {
        SyncRun.Progress p = run.progress();
        double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
        return new SyncRun.Progress("done", recordsEmitted, recordsEmitted, Math.round(recordsEmitted / seconds * 10) / 10.0,
                null, p.lastCheckpointAt(), 0L);
    }

    /** @return how many records the plugin emitted in this run */
    long recordsEmitted() {
        return recordsEmitted;
    }

    @Override
    public void close() {
        seen.values().forEach(TempIdSet::close);
        seen.clear();
    }
}
