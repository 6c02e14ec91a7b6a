package io.rediscover.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncSink;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.sync.SyncState;

import java.util.Map;

/**
 * One sync run: pages through the ATS's change order from the last checkpoint and checkpoints after every page, so a
 * run that fails (or a host that dies) costs at most one page, and the next run continues where the last commit
 * was. A full read and an incremental one are the same loop from a different cursor.
 */
final class TemplateSync implements SyncSource {

    private final ConnectorContext context;
    private final TemplateSettings settings;
    private final TemplateApi api;

    TemplateSync(ConnectorContext context, TemplateSettings settings, TemplateApi api) {
        this.context = context;
        this.settings = settings;
        this.api = api;
    }

    @Override
    public void read(SyncState from, SyncSink sink) throws ConnectorException {
        String cursor = TemplateState.cursor(from);
        boolean fromStart = cursor == null;
        context.log().info("reading candidates {}", fromStart ? "from the beginning" : "changed since the last run");
        long done = 0;
        while (true) {
            TemplateApi.Page page = api.page(cursor, settings.pageSize());
            for (JsonNode candidate : page.candidates()) {
                TemplateMapper.emit(candidate, sink);
                done++;
            }
            sink.progress(progress(page.total(), done, fromStart));
            cursor = page.next();
            sink.checkpoint(TemplateState.of(cursor));
            if (!page.hasMore()) {
                context.log().info("read {} candidates in {} requests", done, api.requests());
                return;
            }
        }
    }

    /**
     * @param total     the account's candidates, or -1 when the ATS did not say
     * @param done      candidates read in this run
     * @param fromStart whether this run reads from the beginning: then the account's size tells what is left, and
     *                  the pages still to read are the requests the host plans the budget days with
     */
    private SyncProgress progress(long total, long done, boolean fromStart) {
        long left = fromStart && total >= 0 ? Math.max(0, total - done) : -1;
        long requestsLeft = left < 0 ? -1 : (left + settings.pageSize() - 1) / settings.pageSize();
        return new SyncProgress("candidates", done, fromStart ? total : -1, Map.of(TemplateApi.ENDPOINT, api.requests()),
                requestsLeft);
    }

    @Override
    public void close() {
        // Nothing to release: the HTTP client and its threads are the host's.
    }
}
