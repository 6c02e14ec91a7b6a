package io.rediscover.pluginapi.testkit;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsJob;
import io.rediscover.pluginapi.sync.MirroredVersion;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncSink;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.sync.UnseenHandler;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory {@link SyncSink} for plugin tests: keeps the latest emitted version of every record (merged as the host
 * merges: an older version is ignored, a field left empty keeps the stored value), deletions, access losses, failures,
 * progress and checkpoints, and answers reconciliation and {@link #mirrored} from what it holds. It commits nothing, so
 * "committed" means "emitted before the last checkpoint"; {@link #crashAtCheckpoint(int)} simulates a host that dies
 * while committing checkpoint K, discarding everything after checkpoint K-1.
 */
public final class RecordingSink implements SyncSink {

    /** Thrown at the simulated crash. */
    public static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(int checkpoint) {
            super("simulated host crash at checkpoint " + checkpoint);
        }
    }

    private final Map<RecordKind, Map<String, Object>> live = new EnumMap<>(RecordKind.class);
    private final Map<RecordKind, Set<String>> deleted = new EnumMap<>(RecordKind.class);
    private final Map<RecordKind, Set<String>> accessLost = new EnumMap<>(RecordKind.class);
    private final Map<RecordKind, Set<String>> seen = new EnumMap<>(RecordKind.class);
    private final List<String> failures = new ArrayList<>();
    private final List<SyncState> checkpoints = new ArrayList<>();
    private final List<SyncProgress> progress = new ArrayList<>();
    private final List<Runnable> uncommitted = new ArrayList<>();
    /** What was emitted since the last checkpoint, by kind and id: the record, or empty for a deletion. */
    private final Map<RecordKind, Map<String, Optional<Object>>> pending = new EnumMap<>(RecordKind.class);
    private int crashAt = -1;
    private long emitted;

    /** Starts empty. */
    public RecordingSink() {
        for (RecordKind k : RecordKind.values()) {
            live.put(k, new LinkedHashMap<>());
            deleted.put(k, new HashSet<>());
            accessLost.put(k, new HashSet<>());
            seen.put(k, new HashSet<>());
            pending.put(k, new HashMap<>());
        }
    }

    /**
     * @param checkpoint the 1-based checkpoint at which the "host" dies (records since the previous one are lost)
     * @return this sink
     */
    public RecordingSink crashAtCheckpoint(int checkpoint) {
        this.crashAt = checkpoint;
        return this;
    }

    private void later(Runnable r) {
        emitted++;
        uncommitted.add(r);
    }

    @Override
    public void candidate(AtsCandidate c) {
        upsert(RecordKind.CANDIDATE, c.externalId(), c);
    }

    @Override
    public void job(AtsJob j) {
        upsert(RecordKind.JOB, j.externalId(), j);
    }

    @Override
    public void application(AtsApplication a) {
        upsert(RecordKind.APPLICATION, a.externalId(), a);
    }

    private void upsert(RecordKind kind, String id, Object record) {
        Object merged = Merged.over(held(kind, id).orElse(null), record);
        if (merged != null) {
            pending.get(kind).put(id, Optional.of(merged));
        }
        later(() -> {
            if (merged != null) {
                live.get(kind).put(id, merged);
                deleted.get(kind).remove(id);
                accessLost.get(kind).remove(id);
            }
        });
    }

    /** The latest version emitted, committed or not; empty when none or deleted. */
    private Optional<Object> held(RecordKind kind, String id) {
        Optional<Object> p = pending.get(kind).get(id);
        return p != null ? p : Optional.ofNullable(live.get(kind).get(id));
    }

    @Override
    public void deleted(RecordKind kind, String externalId) {
        pending.get(kind).put(externalId, Optional.empty());
        later(() -> {
            live.get(kind).remove(externalId);
            deleted.get(kind).add(externalId);
        });
    }

    @Override
    public Optional<MirroredVersion> mirrored(RecordKind kind, String externalId) {
        return held(kind, externalId).map(r -> new MirroredVersion(Merged.updatedAt(r),
                r instanceof AtsCandidate c && c.resume() != null));
    }

    @Override
    public Optional<AtsJob> mirroredJob(String externalId) {
        return held(RecordKind.JOB, externalId).map(AtsJob.class::cast);
    }

    @Override
    public void failed(RecordKind kind, String externalId, String reason) {
        failures.add(kind + " " + externalId + ": " + reason);
    }

    @Override
    public void accessLost(RecordKind kind, String externalId) {
        later(() -> accessLost.get(kind).add(externalId));
    }

    @Override
    public void seen(RecordKind kind, String externalId) {
        seen.get(kind).add(externalId);
    }

    @Override
    public void forEachUnseen(RecordKind kind, UnseenHandler handler) throws ConnectorException {
        commit();
        for (String id : new ArrayList<>(live.get(kind).keySet())) {
            if (!seen.get(kind).contains(id)) {
                handler.accept(id);
            }
        }
        seen.get(kind).clear();
    }

    @Override
    public void progress(SyncProgress p) {
        progress.add(p);
    }

    @Override
    public void checkpoint(SyncState next) {
        if (checkpoints.size() + 1 == crashAt) {
            uncommitted.clear();
            pending.values().forEach(Map::clear);
            throw new SimulatedCrash(crashAt);
        }
        commit();
        checkpoints.add(next);
    }

    private void commit() {
        uncommitted.forEach(Runnable::run);
        uncommitted.clear();
        pending.values().forEach(Map::clear);
    }

    /** @param kind a kind @return the committed live records of that kind by external id */
    public Map<String, Object> live(RecordKind kind) {
        return live.get(kind);
    }

    /** @param kind a kind @return ids reported deleted */
    public Set<String> deleted(RecordKind kind) {
        return deleted.get(kind);
    }

    /** @param kind a kind @return ids reported access-lost */
    public Set<String> accessLost(RecordKind kind) {
        return accessLost.get(kind);
    }

    /** @return failure lines */
    public List<String> failures() {
        return failures;
    }

    /** @return every checkpointed state, in order */
    public List<SyncState> checkpoints() {
        return checkpoints;
    }

    /** @return the last checkpointed state, or the initial state */
    public SyncState lastState() {
        return checkpoints.isEmpty() ? SyncState.initial() : checkpoints.get(checkpoints.size() - 1);
    }

    /** @return every progress report */
    public List<SyncProgress> progress() {
        return progress;
    }

    /** @return records emitted (upserts, deletions, access losses), committed or not */
    public long emitted() {
        return emitted;
    }
}
