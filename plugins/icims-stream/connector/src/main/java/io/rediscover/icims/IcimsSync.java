package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.sync.SyncSink;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.sync.SyncState;

/**
 * One sync run against iCIMS: a {@link FullDownload} from the initial state (or a saved state in the middle of one),
 * else an {@link IncrementalRun}, which also starts the {@link Reconciliation} when it is due. The parts of a run are made
 * for that run and share its {@link RunLedger} and {@link Progress}; the sink is handed to them, never kept.
 */
final class IcimsSync implements SyncSource {

    private final ConnectorContext context;
    private final IcimsSettings settings;
    private final IcimsClient client;
    private final DataStreamClient stream;
    private final StreamAccess access;

    IcimsSync(ConnectorContext context, IcimsSettings settings, IcimsClient client, DataStreamClient stream,
              StreamAccess access) {
        this.context = context;
        this.settings = settings;
        this.client = client;
        this.stream = stream;
        this.access = access;
    }

    @Override
    public void read(SyncState from, SyncSink sink) throws ConnectorException {
        long now = context.clock().millis();
        StreamEvents events = new StreamEvents(stream, access.subscription(), context.log());
        context.log().info("iCIMS customer {}; Data Stream: {}", access.customerId(), access.howFound());
        access.warning().ifPresent(w -> context.log().warn("{}", w));
        IcimsState state = from.isInitial() ? IcimsState.fresh(now, events.end()) : IcimsState.read(from);
        RunLedger ledger = new RunLedger((state.full() ? state.fullStartedAt() : now) - settings.overlap().toMillis());
        Progress progress = new Progress(client.http().counter());
        RecordEmitter records = new RecordEmitter(context, settings, client, ledger, progress);
        if (state.full()) {
            new FullDownload(client, records, ledger, progress, context.log()).run(state, sink);
        } else {
            new IncrementalRun(settings, client, events, records, new Reconciliation(client, records, progress), ledger,
                    progress).run(state, now, sink);
        }
    }

    @Override
    public void close() {
        // Nothing outlives a run: its reads were waited for, and the HTTP client and threads belong to the host.
    }
}
