package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.sync.SyncSink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed since the watermark, from two sources: the Data Stream's events since the saved key, when the stream can
 * be used; and always, as the safety net, an {@code updateddate >= watermark - overlap} search per type (§2.9), bounded
 * above by the scan's start so what changes meanwhile is the next scan's. Only the changed records are read again
 * (people the host did not hold yet with their workflows); deletions and merges from events are emitted at once. A
 * record read by the last scan inside the overlap window is not read again unless an event reports a change, and only
 * when this run has the events: without them the search is all there is, so everything it lists is read.
 *
 * <p>Reads go in batches the budget covers, each with a checkpoint that says how far the scan came ({@link
 * IcimsState.Scan}); when the budget runs out the run stops there, and the next one goes on with the same bounds,
 * reading nothing the scan already read except what the events report. The watermark advances only when every read of
 * the scan succeeded (C4). The incremental runs are change scans; during the first download, each day begins with one
 * (the catch-up), so what changes in the meantime is searchable the next day.
 */
final class ChangeScan {

    private final IcimsSettings settings;
    private final IcimsClient client;
    private final StreamEvents events;
    private final RecordEmitter records;
    private final RunLedger ledger;
    private final Progress progress;
    private final BudgetPlan plan;

    ChangeScan(IcimsSettings settings, IcimsClient client, StreamEvents events, RecordEmitter records, RunLedger ledger,
               Progress progress, BudgetPlan plan) {
        this.settings = settings;
        this.client = client;
        this.events = events;
        this.records = records;
        this.ledger = ledger;
        this.progress = progress;
        this.plan = plan;
    }

    /**
     * Scans up to {@code now} (or, resuming, up to the stopped scan's bound), checkpointing every batch.
     *
     * @return the state after the scan: its watermark at the scan's bound, unless a read failed
     */
    IcimsState run(IcimsState state, long now, SyncSink sink) throws ConnectorException {
        IcimsState.Scan resumed = state.scan();
        long until = resumed != null ? resumed.until() : now;
        int resumedAt = resumed == null ? -1 : IcimsState.TYPES.indexOf(IcimsType.ofSegment(resumed.type()));
        Map<IcimsType, TreeSet<Long>> reported = new EnumMap<>(IcimsType.class);
        IcimsState.TYPES.forEach(t -> reported.put(t, new TreeSet<>()));
        progress.phase("changes", 0, -1);
        progress.report(sink);
        String streamKey = events.read(state.streamKey(), e -> onEvent(e, reported, sink));
        IcimsState at = state;
        for (IcimsType type : IcimsState.TYPES) {
            int order = IcimsState.TYPES.indexOf(type);
            TreeSet<Long> changed = new TreeSet<>(reported.get(type));
            changed.addAll(state.retry().getOrDefault(type.segment, List.of()));
            if (order >= resumedAt) {
                // What the search lists; a resumed scan has read the listed ids of the types before, and up to its
                // cursor of this one.
                long after = order == resumedAt ? resumed.lastId() : 0;
                search(type, state, until, reported.get(type), changed, after);
            }
            at = read(type, changed, reported.get(type), at, until, sink);
        }
        // C4: a scan in which any read failed keeps its watermark, so the next one reads that window again.
        boolean failed = ledger.anyFailed();
        return failed ? at.scanned(state.watermark(), state.streamKey(), state.recent(), ledger.unreadIds())
                : at.scanned(until, streamKey, ledger.recentIds(), ledger.unreadIds());
    }

    /** Reads one type's changes in batches, each with a checkpoint of how far the scan came. */
    private IcimsState read(IcimsType type, TreeSet<Long> changed, TreeSet<Long> reported, IcimsState state, long until,
                            SyncSink sink) throws ConnectorException {
        progress.phase("changes: " + type.segment, 0, changed.size());
        List<Long> ids = new ArrayList<>(changed);
        IcimsState at = state;
        for (int i = 0; i < ids.size(); ) {
            // At worst a person brings its workflows and their jobs, a workflow its job.
            int n = plan.batch(ids.size() - i, type == IcimsType.PEOPLE ? records.worstPerPerson() : 2);
            if (n == 0) {
                throw plan.spent("reading what changed");
            }
            List<Long> batch = ids.subList(i, i + n);
            records.emit(type, batch, reported, sink);
            progress.handled(n);
            progress.report(sink);
            i += n;
            at = at.scanning(new IcimsState.Scan(until, type.segment, batch.get(n - 1)), retry(state));
            sink.checkpoint(at.write());
        }
        return at;
    }

    /** Ids to read again: those the scan was to retry, until it ends, and those it could not read. */
    private Map<String, List<Long>> retry(IcimsState state) {
        Map<String, List<Long>> out = new HashMap<>(state.retry());
        ledger.unreadIds().forEach((segment, ids) -> {
            TreeSet<Long> all = new TreeSet<>(out.getOrDefault(segment, List.of()));
            all.addAll(ids);
            out.put(segment, List.copyOf(all));
        });
        return out;
    }

    /** An event: a deletion or merge is emitted at once; anything else marks the record as changed. */
    private static void onEvent(JsonNode e, Map<IcimsType, TreeSet<Long>> reported, SyncSink sink) {
        IcimsType type = IcimsType.ofEvent(e.path("profileType").asText());
        long id = e.path("systemId").asLong(-1);
        if (type == null || id < 0) {
            return; // a kind of event this connector does not know: the window search covers its record
        }
        switch (e.path("eventType").asText()) {
            case "deleted" -> sink.deleted(type.kind, Long.toString(id));
            case "merged" -> {
                sink.deleted(type.kind, Long.toString(id));
                long survivor = e.path("mergedInto").asLong(-1);
                if (survivor > 0) {
                    reported.get(type).add(survivor);
                }
            }
            default -> reported.get(type).add(id);
        }
    }

    /** The safety net: every record of {@code type} updated in {@code [watermark - overlap, until)}, above {@code after}. */
    private void search(IcimsType type, IcimsState state, long until, TreeSet<Long> reported, TreeSet<Long> changed,
                        long after) throws ConnectorException {
        Instant since = Instant.ofEpochMilli(state.watermark()).minus(settings.overlap());
        List<IcimsClient.Filter> window = List.of(
                IcimsClient.Filter.of(type.prefix + ".updateddate", ">=", Windows.format(since)),
                IcimsClient.Filter.of(type.prefix + ".updateddate", "<", Windows.format(Instant.ofEpochMilli(until))));
        List<Long> alreadyRead = state.recent().getOrDefault(type.segment, List.of());
        client.forEachPage(type, window, after, settings.staleness(), (from, page) -> {
            for (long id : page) {
                // Listed only because the window overlaps the last scan, read then, and no event says it changed since.
                boolean unchanged = events.used() && alreadyRead.contains(id) && !reported.contains(id);
                if (!unchanged) {
                    changed.add(id);
                }
            }
        });
    }
}
