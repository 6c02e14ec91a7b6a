package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.sync.SyncSink;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.sync.SyncState;

/**
 * One sync run against iCIMS: the {@link FullDownload} from the initial state (or a saved state in the middle of one),
 * else an {@link IncrementalRun}. The parts of a run are made for that run and share its {@link RunLedger},
 * {@link Progress} and {@link BudgetPlan}; the sink is handed to them, never kept.
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
        // A download catches up with the changes since its last run once a day has passed; its first run has none.
        boolean scan = !state.downloading() || now - state.watermark() > settings.overlap().toMillis();
        RunLedger ledger = new RunLedger((scan ? now : state.watermark()) - settings.overlap().toMillis());
        if (!scan) {
            ledger.carry(state.retry(), state.recent());
        }
        RequestCounter counter = client.http().counter();
        Progress progress = new Progress(counter);
        BudgetPlan plan = new BudgetPlan(context);
        RecordEmitter records = new RecordEmitter(context, settings, client, ledger,
                state.downloading() ? state.download().mostWorkflows() : 0);
        ChangeScan changes = new ChangeScan(settings, client, events, records, ledger, progress, plan);
        if (state.downloading()) {
            new FullDownload(client, records, changes, ledger, progress, plan, counter, context.log())
                    .run(state, now, scan, sink);
        } else {
            new IncrementalRun(changes, new Reconciliation(settings, client, records, progress, plan, counter,
                    context.log()), progress).run(state, now, sink);
        }
    }

    @Override
    public void close() {
        // Nothing outlives a run: its reads were waited for, and the HTTP client and threads belong to the host.
    }
}
