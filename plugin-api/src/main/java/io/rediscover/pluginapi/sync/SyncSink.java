package io.rediscover.pluginapi.sync;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsJob;

import java.util.Optional;

/**
 * The host's side of a sync run. Called by one thread, the one running {@link SyncSource#read}.
 *
 * <p>Records are buffered until {@link #checkpoint(SyncState)}, which commits them together with the state; see the
 * package documentation for the durability rules.
 *
 * <h2>Reconciliation: deletions no one reported</h2>
 * Some ATSs never report deletions. To find them, a plugin occasionally enumerates every id of a kind (ids only, no
 * record reads) and reports each with {@link #seen}; then {@link #forEachUnseen} hands back the ids the host mirrors
 * that were not seen. The plugin checks each of those with the ATS: gone ⇒ {@link #deleted}; still there but no
 * longer visible to the integration user ⇒ {@link #accessLost} (never deleted: access can come back). The host keeps
 * the seen ids off the Java heap, so millions of ids are fine.
 *
 * <h2>What the host already holds</h2>
 * Requests cost budget ({@link io.rediscover.pluginapi.RequestBudget}). {@link #mirrored} and {@link #mirroredJob} say
 * what the host holds as of this run's emissions, so a plugin can skip reading again a record, a resume or a job that
 * did not change. Both answer "nothing" by default (a host that cannot tell): then read as before.
 */
public interface SyncSink {

    /**
     * Upserts a candidate. A candidate older ({@link AtsCandidate#updatedAt()}) than the one the host holds is
     * ignored. A field the ATS did not return must be left {@code null}/empty; the host keeps the stored value.
     *
     * @param candidate the candidate as read from the ATS
     */
    void candidate(AtsCandidate candidate);

    /**
     * Upserts a job, with the same rules as {@link #candidate}.
     *
     * @param job the job as read from the ATS
     */
    void job(AtsJob job);

    /**
     * Upserts an application (a candidate's workflow for one job), with the same rules as {@link #candidate}. The
     * candidate need not have been emitted in the same run.
     *
     * @param application the application as read from the ATS
     */
    void application(AtsApplication application);

    /**
     * Reports a record that no longer exists in the ATS (deleted, purged, or merged into another). The host keeps a
     * tombstone for a while, so a replayed older version cannot resurrect it.
     *
     * @param kind       the kind of record
     * @param externalId its id in the ATS
     */
    void deleted(RecordKind kind, String externalId);

    /**
     * Reports a record that could not be read or mapped ({@link io.rediscover.pluginapi.ErrorKind#ATS_DATA}). The
     * host lists it with the reason in the run's failures, so nothing is dropped silently, and the run carries on.
     *
     * @param kind       the kind of record
     * @param externalId its id in the ATS
     * @param reason     what was wrong with it
     */
    void failed(RecordKind kind, String externalId, String reason);

    /**
     * Reports a record that still exists in the ATS but that the integration user may no longer see (iCIMS: 404 with
     * error code 3). The host flags it and keeps it; it is never deleted for this reason.
     *
     * @param kind       the kind of record
     * @param externalId its id in the ATS
     */
    void accessLost(RecordKind kind, String externalId);

    /**
     * Reconciliation: reports that the ATS listed this id in the current enumeration of its kind.
     *
     * @param kind       the kind of record
     * @param externalId its id in the ATS
     */
    void seen(RecordKind kind, String externalId);

    /**
     * Reconciliation: calls {@code handler} for every id of {@code kind} the host mirrors as live that was not reported
     * with {@link #seen} in this run, then forgets the seen ids of that kind. Call it only after every id of the kind
     * was enumerated; an enumeration that failed part-way must not be followed by this call.
     *
     * @param kind    the kind of record
     * @param handler receives each unseen id; may call {@link #deleted} or {@link #accessLost}
     * @throws ConnectorException what the handler threw
     */
    void forEachUnseen(RecordKind kind, UnseenHandler handler) throws ConnectorException;

    /**
     * @param kind       the kind of record
     * @param externalId its id in the ATS
     * @return the version the host holds of this live record, including what this run emitted before the call; empty
     *         when it holds none (or only a tombstone), or cannot tell
     */
    default Optional<MirroredVersion> mirrored(RecordKind kind, String externalId) {
        return Optional.empty();
    }

    /**
     * @param externalId a job's id in the ATS
     * @return the job as the host holds it (the latest version emitted, merged over earlier ones), so applications can
     *         show its title and recruiter without reading it again; empty when it holds none, or cannot tell
     */
    default Optional<AtsJob> mirroredJob(String externalId) {
        return Optional.empty();
    }

    /**
     * Reports progress; cheap, call it as often as once per record.
     *
     * @param progress how far the run has come
     */
    void progress(SyncProgress progress);

    /**
     * Commits every record emitted since the previous checkpoint together with {@code next}, then returns.
     *
     * @param next the state from which a later run continues
     * @throws ConnectorException of kind {@link io.rediscover.pluginapi.ErrorKind#INTERNAL} when the host could not
     *                            commit; the plugin must stop the run and let it propagate
     */
    void checkpoint(SyncState next) throws ConnectorException;
}
