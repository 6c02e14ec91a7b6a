package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.sync.SyncSink;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds deletions nobody reported (§6: iCIMS has no deleted-records endpoint, and a purge may happen out of sight):
 * every id of each type is listed through search only and reported as seen; the ids the host mirrors that iCIMS did not
 * list are then read one by one, so each becomes a deletion (404 code 2), an access loss (code 3) or, if it is there
 * after all, an update.
 */
final class Reconciliation {

    private final IcimsClient client;
    private final RecordEmitter records;
    private final Progress progress;

    Reconciliation(IcimsClient client, RecordEmitter records, Progress progress) {
        this.client = client;
        this.records = records;
        this.progress = progress;
    }

    void run(SyncSink sink) throws ConnectorException {
        for (IcimsType type : IcimsState.STAGES) {
            progress.phase("reconciliation " + type.segment, 0, -1);
            client.forEachPage(type, List.of(), 0, -1, (after, page) -> {
                page.forEach(id -> sink.seen(type.kind, Long.toString(id)));
                progress.handled(page.size());
                progress.report(sink);
            });
            List<Long> unseen = new ArrayList<>();
            sink.forEachUnseen(type.kind, id -> unseen.add(Long.parseLong(id)));
            for (List<Long> chunk : Chunks.of(new TreeSet<>(unseen))) {
                records.emit(type, chunk, sink);
            }
        }
    }
}
