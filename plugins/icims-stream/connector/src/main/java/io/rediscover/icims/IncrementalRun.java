package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.sync.SyncSink;

/**
 * A run after the first download: the reconciliation of the types it is due for, within its share of the budget, then a
 * {@link ChangeScan} of everything that changed since the last one (or the rest of one the budget stopped).
 */
final class IncrementalRun {

    private final ChangeScan changes;
    private final Reconciliation reconciliation;
    private final Progress progress;

    IncrementalRun(ChangeScan changes, Reconciliation reconciliation, Progress progress) {
        this.changes = changes;
        this.reconciliation = reconciliation;
        this.progress = progress;
    }

    void run(IcimsState start, long now, SyncSink sink) throws ConnectorException {
        IcimsState state = start.scan() == null ? reconciliation.run(start, now, sink) : start;
        state = changes.run(state, now, sink);
        sink.checkpoint(state.write());
        progress.report(sink);
    }
}
