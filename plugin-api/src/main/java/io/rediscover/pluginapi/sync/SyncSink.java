package io.rediscover.pluginapi.sync;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsJob;

/**
 * The host's side of a sync run. Called by one thread, the one running {@link SyncSource#read}.
 *
 * <p>Records are buffered until {@link #checkpoint(SyncState)}, which commits them together with the state; see the
 * package documentation for the durability rules.
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
