package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.sync.SyncSink;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A run after the full download: what changed since the last one, from two sources. The Data Stream's events since the
 * saved key, when the stream can be used; and always, as the safety net, an {@code updateddate >= watermark - overlap}
 * search per type (§2.9). Only the changed records are read again; deletions and merges from events are emitted at
 * once. A record read by the last run inside the overlap window is not read again unless an event reports a change,
 * and only when this run has the events: without them the search is all there is, so everything it lists is read.
 *
 * <p>The watermark advances only when every read of the run succeeded (C4); reconciliation runs when it is due.
 */
final class IncrementalRun {

    private static final DateTimeFormatter SEARCH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a", Locale.US);

    private final IcimsSettings settings;
    private final IcimsClient client;
    private final StreamEvents events;
    private final RecordEmitter records;
    private final Reconciliation reconciliation;
    private final RunLedger ledger;
    private final Progress progress;

    IncrementalRun(IcimsSettings settings, IcimsClient client, StreamEvents events, RecordEmitter records,
                   Reconciliation reconciliation, RunLedger ledger, Progress progress) {
        this.settings = settings;
        this.client = client;
        this.events = events;
        this.records = records;
        this.reconciliation = reconciliation;
        this.ledger = ledger;
        this.progress = progress;
    }

    void run(IcimsState state, long now, SyncSink sink) throws ConnectorException {
        Map<IcimsType, TreeSet<Long>> changed = new EnumMap<>(IcimsType.class);
        IcimsState.STAGES.forEach(t -> changed.put(t, new TreeSet<>()));
        progress.phase("events", 0, -1);
        String streamKey = events.read(state.streamKey(), e -> onEvent(e, changed, sink));
        state.retry().forEach((segment, ids) -> {
            IcimsType type = IcimsType.ofSegment(segment);
            if (type != null) {
                changed.get(type).addAll(ids);
            }
        });
        Map<IcimsType, TreeSet<Long>> reported = new EnumMap<>(IcimsType.class);
        changed.forEach((t, ids) -> reported.put(t, new TreeSet<>(ids)));
        progress.phase("changes", 0, -1);
        for (IcimsType type : IcimsState.STAGES) {
            searchWindow(type, state, reported.get(type), changed.get(type));
        }
        for (IcimsType type : IcimsState.STAGES) {
            progress.phase(type.segment, 0, changed.get(type).size());
            for (List<Long> chunk : Chunks.of(changed.get(type))) {
                records.emit(type, chunk, sink);
                sink.checkpoint(state.write()); // records only: the watermark moves at the end
            }
        }
        long reconciled = state.lastReconciliation();
        if (now - reconciled >= settings.reconcileEvery().toMillis()) {
            reconciliation.run(sink);
            reconciled = now;
        }
        // C4: a run in which any read failed keeps its watermark, so the next run reads that window again.
        boolean failed = ledger.anyFailed();
        sink.checkpoint(state.incremental(failed ? state.watermark() : now, failed ? state.streamKey() : streamKey,
                reconciled, failed ? state.recent() : ledger.recentIds(), ledger.unreadIds()).write());
        progress.report(sink);
    }

    /** An event: a deletion or merge is emitted at once; anything else marks the record as changed. */
    private static void onEvent(JsonNode e, Map<IcimsType, TreeSet<Long>> changed, SyncSink sink) {
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
                    changed.get(type).add(survivor);
                }
            }
            default -> changed.get(type).add(id);
        }
    }

    /** The safety net: every record of {@code type} updated since the watermark, less the overlap. */
    private void searchWindow(IcimsType type, IcimsState state, TreeSet<Long> reported, TreeSet<Long> changed)
            throws ConnectorException {
        String since = LocalDateTime.ofInstant(Instant.ofEpochMilli(state.watermark()).minus(settings.overlap()), ZoneOffset.UTC)
                .format(SEARCH_DATE);
        List<IcimsClient.Filter> window = List.of(IcimsClient.Filter.of(type.prefix + ".updateddate", ">=", since));
        List<Long> alreadyRead = state.recent().getOrDefault(type.segment, List.of());
        client.forEachPage(type, window, 0, settings.staleness(), (after, page) -> {
            for (long id : page) {
                // Listed only because the window overlaps the last run, read then, and no event says it changed since.
                boolean unchanged = events.used() && alreadyRead.contains(id) && !reported.contains(id);
                if (!unchanged) {
                    changed.add(id);
                }
            }
        });
    }
}
