package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ConnectorLog;
import io.rediscover.pluginapi.sync.SyncSink;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The first download of everything, type by type: jobs (so applications can show their job), people with their
 * resumes, then recruiting workflows. Each type is paged by its own id (§2.6, {@code <prefix>.id >} the last seen, 1,000
 * at a time) with its own cursor in the state, and a checkpoint after every page, so a crash costs at most one page.
 *
 * <p>Workflows are paged by {@code applicantworkflow.id} and linked to their people by {@code associatedprofile}; no
 * range filter on a reference field is needed, which no public page says iCIMS supports.
 *
 * <p>Before reading, the number of records of every type still to download is estimated ({@link CountEstimator}), so
 * progress shows a total from the first minute; the pages refine it as they arrive.
 */
final class FullDownload {

    private final IcimsClient client;
    private final RecordEmitter records;
    private final RunLedger ledger;
    private final Progress progress;
    private final ConnectorLog log;

    FullDownload(IcimsClient client, RecordEmitter records, RunLedger ledger, Progress progress, ConnectorLog log) {
        this.client = client;
        this.records = records;
        this.ledger = ledger;
        this.progress = progress;
        this.log = log;
    }

    void run(IcimsState start, SyncSink sink) throws ConnectorException {
        ledger.carry(start.retry()); // failures of earlier pages, read again by the first incremental run
        progress.phase("estimating", 0, -1);
        progress.report(sink);
        Map<IcimsType, CountEstimator> estimates = new EnumMap<>(IcimsType.class);
        for (IcimsType type : IcimsState.STAGES) {
            if (start.pending(type)) {
                estimates.put(type, CountEstimator.probe(client, type));
            }
        }
        log.info("iCIMS holds about {} jobs, {} people and {} workflows still to download", estimated(estimates, IcimsType.JOBS),
                estimated(estimates, IcimsType.PEOPLE), estimated(estimates, IcimsType.WORKFLOWS));
        IcimsState state = start;
        for (IcimsType type : IcimsState.STAGES) {
            if (state.pending(type)) {
                state = download(type, state, estimates.get(type), sink);
            }
        }
        // Everything changed since the download started is picked up by the first incremental run's window.
        sink.checkpoint(state.incremental(state.fullStartedAt(), state.streamKey(), state.fullStartedAt(),
                ledger.recentIds(), ledger.unreadIds()).write());
    }

    private static String estimated(Map<IcimsType, CountEstimator> estimates, IcimsType type) {
        CountEstimator e = estimates.get(type);
        return e == null ? "no more" : Long.toString(e.total());
    }

    /** Pages through one type from its cursor; returns the state with that type done. */
    private IcimsState download(IcimsType type, IcimsState state, CountEstimator estimate, SyncSink sink)
            throws ConnectorException {
        IcimsState.Cursor from = state.cursor(type);
        progress.phase(type.segment, from.done(), estimate.total());
        progress.report(sink);
        IcimsState[] at = {state.at(type, from, ledger.unreadIds())};
        client.forEachPage(type, List.of(), from.last(), -1, (after, page) -> {
            records.emit(type, page, sink);
            estimate.observe(after, page);
            progress.estimate(estimate.total());
            long last = page.isEmpty() ? after : page.get(page.size() - 1);
            at[0] = at[0].at(type, new IcimsState.Cursor(last, progress.done()), ledger.unreadIds());
            sink.checkpoint(at[0].write());
        });
        progress.estimate(progress.done());
        progress.report(sink);
        return at[0];
    }
}
