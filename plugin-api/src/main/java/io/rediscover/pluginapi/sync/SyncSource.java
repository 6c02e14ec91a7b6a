package io.rediscover.pluginapi.sync;

import io.rediscover.pluginapi.ConnectorException;

/**
 * One sync run of one connection, opened by {@link io.rediscover.pluginapi.AtsConnector#openSync}. Used by one thread
 * and always closed by the host, also after a failure.
 */
public interface SyncSource extends AutoCloseable {

    /**
     * Reads from {@code from} and emits into {@code sink} until the ATS has nothing newer, then checkpoints and returns.
     * {@link SyncState#initial()} means a full download; any other state means "only what changed since".
     *
     * @param from the last committed state
     * @param sink where to emit records, progress and checkpoints
     * @throws ConnectorException when the run cannot go on; records emitted after the last checkpoint are discarded
     *                            and the next run starts from that checkpoint
     */
    void read(SyncState from, SyncSink sink) throws ConnectorException;

    /** Releases what the run holds. Must not throw for an already failed run. */
    @Override
    void close();
}
