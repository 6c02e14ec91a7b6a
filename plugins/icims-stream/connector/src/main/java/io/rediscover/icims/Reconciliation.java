package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ConnectorLog;
import io.rediscover.pluginapi.sync.SyncSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds deletions nobody reported (§6: iCIMS has no deleted-records endpoint, and a purge may happen out of sight):
 * every id of each type is listed through search only and reported as seen; the ids the host mirrors that iCIMS did not
 * list are then read one by one, so each becomes a deletion (404 code 2), an access loss (code 3) or, if it is there
 * after all, an update.
 *
 * <p>It lives on its own small share of the daily budget ({@code reconcileSharePercent}): a type whose enumeration
 * (one search per 1,000 ids its last one listed) does not fit in what is left of that share today waits for a day when
 * it does, so reconciling never eats into what the changes need.
 */
final class Reconciliation {

    private final IcimsSettings settings;
    private final IcimsClient client;
    private final RecordEmitter records;
    private final Progress progress;
    private final BudgetPlan plan;
    private final RequestCounter counter;
    private final ConnectorLog log;

    Reconciliation(IcimsSettings settings, IcimsClient client, RecordEmitter records, Progress progress, BudgetPlan plan,
                   RequestCounter counter, ConnectorLog log) {
        this.settings = settings;
        this.client = client;
        this.records = records;
        this.progress = progress;
        this.plan = plan;
        this.counter = counter;
        this.log = log;
    }

    /** Reconciles the types that are due and fit the share, checkpointing after each; returns the state after. */
    IcimsState run(IcimsState start, long now, SyncSink sink) throws ConnectorException {
        IcimsState state = start;
        long share = plan.limit() == Long.MAX_VALUE ? Long.MAX_VALUE : plan.limit() * settings.reconcileShare() / 100;
        long spentBefore = counter.quotaRequests();
        for (IcimsType type : IcimsState.TYPES) {
            if (now - state.reconciled(type) < settings.reconcileEvery().toMillis()) {
                continue;
            }
            long cost = state.sizes().getOrDefault(type.segment, 0L) / IcimsClient.PAGE + 1;
            long left = share == Long.MAX_VALUE ? share : share - (counter.quotaRequests() - spentBefore);
            if (cost > left || !plan.affords(cost)) {
                log.warn("reconciliation of {} waits: listing its ids takes about {} requests, and its share of today's "
                        + "budget has {} left", type.segment, cost, Math.max(0, Math.min(left, plan.remaining())));
                continue;
            }
            long listed = reconcile(type, sink);
            state = state.reconciledAt(type, now, listed);
            sink.checkpoint(state.write());
        }
        return state;
    }

    private long reconcile(IcimsType type, SyncSink sink) throws ConnectorException {
        progress.phase("reconciliation " + type.segment, 0, -1);
        long[] listed = {0};
        client.forEachPage(type, List.of(), 0, -1, (after, page) -> {
            page.forEach(id -> sink.seen(type.kind, Long.toString(id)));
            listed[0] += page.size();
            progress.handled(page.size());
            progress.report(sink);
        });
        List<Long> unseen = new ArrayList<>();
        sink.forEachUnseen(type.kind, id -> unseen.add(Long.parseLong(id)));
        for (List<Long> chunk : Chunks.of(new TreeSet<>(unseen))) {
            records.emit(type, chunk, Set.of(), sink);
        }
        return listed[0];
    }
}
