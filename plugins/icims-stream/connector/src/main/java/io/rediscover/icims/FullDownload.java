package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ConnectorLog;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncSink;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The first download, newest candidates first, over as many days as the budget needs. Each run of it:
 * <ol>
 *   <li>once per download, estimates how many people iCIMS holds ({@link CountEstimator}), so progress shows a total
 *       and the host how many days are left;</li>
 *   <li>catches up ({@link ChangeScan}) with what changed since the last run, from the second day on: what changes
 *       during a download of weeks is searchable the next day, and the windows below, bounded by the download's start,
 *       never list it again;</li>
 *   <li>reads people window by window of {@code updateddate}, newest first ({@link Windows}), each window paged by id,
 *       with their workflows and the jobs those name, so a candidate is searchable with status, source and recruiter
 *       as soon as it is mirrored. People the host already holds are skipped. When the day's budget cannot cover what
 *       is left, the resumes of people without a recent workflow wait;</li>
 *   <li>goes through every id of every type once and reads what the windows did not bring (jobs no workflow names,
 *       workflows of people no search found): what it lists is also what a reconciliation will cost;</li>
 *   <li>reads the resumes that waited, window by window, newest first.</li>
 * </ol>
 * Every batch is sized to the budget and checkpointed with how far the download came; a spent budget ends the run
 * between batches, and the next one goes on from there.
 */
final class FullDownload {

    private final IcimsClient client;
    private final RecordEmitter records;
    private final ChangeScan catchUp;
    private final RunLedger ledger;
    private final Progress progress;
    private final BudgetPlan plan;
    private final RequestCounter counter;
    private final ConnectorLog log;
    private IcimsState state;
    private long spentBefore;

    FullDownload(IcimsClient client, RecordEmitter records, ChangeScan catchUp, RunLedger ledger, Progress progress,
                 BudgetPlan plan, RequestCounter counter, ConnectorLog log) {
        this.client = client;
        this.records = records;
        this.catchUp = catchUp;
        this.ledger = ledger;
        this.progress = progress;
        this.plan = plan;
        this.counter = counter;
        this.log = log;
    }

    /**
     * @param start       the state at the start of the run
     * @param now         the run's start
     * @param catchUpNow  whether to catch up with the changes since the last run first
     */
    void run(IcimsState start, long now, boolean catchUpNow, SyncSink sink) throws ConnectorException {
        state = start;
        spentBefore = start.download().spent();
        if (state.download().estimate() < 0) {
            progress.phase("estimating", 0, -1);
            progress.report(sink);
            long people = CountEstimator.probe(client, IcimsType.PEOPLE).total();
            log.info("iCIMS holds about {} people to download, newest first", people);
            state = state.with(state.download().estimated(people));
        }
        if (catchUpNow) {
            state = catchUp.run(state, now, sink);
            checkpoint(state.download(), sink);
        }
        windows(sink);
        rest(sink);
        resumes(sink);
        state = state.downloaded().recentlyRead(ledger.recentIds(), ledger.unreadIds());
        sink.checkpoint(state.write());
        progress.requestsLeft(0);
        progress.report(sink);
    }

    /** People, newest window first, each with their workflows and jobs. */
    private void windows(SyncSink sink) throws ConnectorException {
        if (state.download().step() != IcimsState.Step.WINDOWS) {
            return;
        }
        List<Windows.Window> windows = Windows.of(state.fullStartedAt());
        for (int w = state.download().window(); w < windows.size(); w++) {
            Windows.Window window = windows.get(w);
            int index = w;
            progress.phase(window.label(), state.download().done(), state.download().estimate());
            report(sink);
            long cursor = state.download().window() == w ? state.download().cursor() : 0;
            List<Long> page;
            do {
                page = client.searchPage(IcimsType.PEOPLE, window.filters(IcimsType.PEOPLE), cursor, -1);
                inBatches(page, id -> !held(sink, RecordKind.CANDIDATE, id) && !ledger.settled(IcimsType.PEOPLE, id),
                        records.worstPerPerson(), "the first download", (batch, last, listed) -> {
                            boolean tight = plan.tight(requestsLeft());
                            RecordEmitter.People read = records.people(batch, RecordEmitter.Mode.NEW, tight, Set.of(), sink);
                            IcimsState.Download d = state.download().windowAt(index, last, listed, spent());
                            if (!read.deferred().isEmpty()) {
                                d = d.deferring(index, read.deferred().get(0), read.deferred().get(read.deferred().size() - 1),
                                        read.deferred().size());
                            }
                            progress.handled(listed);
                            checkpoint(d, sink);
                        });
                cursor = page.isEmpty() ? cursor : page.get(page.size() - 1);
            } while (page.size() == IcimsClient.PAGE);
        }
        checkpoint(state.download().restAt(IcimsType.PEOPLE, 0, 0, spent()), sink);
    }

    /** Every id of every type, reading those the host does not hold. */
    private void rest(SyncSink sink) throws ConnectorException {
        if (state.download().step() != IcimsState.Step.REST) {
            return;
        }
        List<IcimsType> types = List.of(IcimsType.PEOPLE, IcimsType.JOBS, IcimsType.WORKFLOWS);
        for (int t = types.indexOf(IcimsType.ofSegment(state.download().type())); t < types.size(); t++) {
            IcimsType type = types.get(t);
            progress.phase("everything else: " + type.segment, state.download().listed().getOrDefault(type.segment, 0L), -1);
            report(sink);
            long cursor = type.segment.equals(state.download().type()) ? state.download().cursor() : 0;
            double worst = type == IcimsType.PEOPLE ? records.worstPerPerson() : 2; // a workflow may bring its job
            List<Long> page;
            do {
                page = client.searchPage(type, List.of(), cursor, -1);
                inBatches(page, id -> !held(sink, type.kind, id) && !ledger.settled(type, id), worst, "the first download",
                        (batch, last, listed) -> {
                            if (type == IcimsType.PEOPLE) {
                                records.people(batch, RecordEmitter.Mode.NEW, false, Set.of(), sink);
                            } else {
                                records.emit(type, batch, Set.of(), sink);
                            }
                            progress.handled(listed);
                            checkpoint(state.download().restAt(type, last, listed, spent()), sink);
                        });
                cursor = page.isEmpty() ? cursor : page.get(page.size() - 1);
            } while (page.size() == IcimsClient.PAGE);
        }
        checkpoint(state.download().resumesAt(0, 0, 0, spent()), sink);
    }

    /** The resumes that waited, newest window first. */
    private void resumes(SyncSink sink) throws ConnectorException {
        IcimsState.Download d = state.download();
        List<Windows.Window> windows = Windows.of(state.fullStartedAt());
        progress.phase("resumes", d.resumesRead(), d.deferredCount());
        report(sink);
        for (int r = d.range(); r < d.deferred().size(); r++) {
            List<Long> range = d.deferred().get(r);
            int index = r;
            long last = range.get(2);
            long cursor = Math.max(range.get(1) - 1, state.download().range() == r ? state.download().cursor() : 0);
            List<Long> page;
            do {
                page = client.searchPage(IcimsType.PEOPLE, windows.get(range.get(0).intValue()).filters(IcimsType.PEOPLE),
                        cursor, -1).stream().filter(id -> id <= last).toList();
                inBatches(page, id -> lacksResume(id, sink), 1.0, "reading the resumes that waited", (batch, at, listed) -> {
                    int read = batch.isEmpty() ? 0 : records.resumesOf(batch, sink);
                    progress.handled(read);
                    checkpoint(state.download().resumesAt(index, at, read, spent()), sink);
                });
                cursor = page.isEmpty() ? last : page.get(page.size() - 1);
            } while (page.size() == IcimsClient.PAGE && cursor < last);
        }
    }

    private boolean lacksResume(long id, SyncSink sink) {
        return sink.mirrored(RecordKind.CANDIDATE, Long.toString(id)).filter(h -> !h.hasResume()).isPresent()
                && !ledger.settled(IcimsType.PEOPLE, id);
    }

    /** Reads one batch of a page; {@code last} is the page's last id it covers, {@code listed} how many ids those are. */
    @FunctionalInterface
    private interface Batch {
        void read(List<Long> batch, long last, long listed) throws ConnectorException;
    }

    /**
     * Goes through a page of listed ids in batches of those {@code wanted}, each as large as the budget covers, and
     * moves the cursor to the page's end when the rest needs no reading.
     */
    private void inBatches(List<Long> page, Predicate<Long> wanted, double worst, String what, Batch batch)
            throws ConnectorException {
        List<Long> want = page.stream().filter(wanted).toList();
        int covered = 0;
        for (int i = 0; i < want.size(); ) {
            int n = plan.batch(want.size() - i, worst);
            if (n == 0) {
                throw plan.spent(what);
            }
            List<Long> ids = want.subList(i, i + n);
            long last = ids.get(n - 1);
            int upTo = page.indexOf(last) + 1;
            batch.read(ids, last, upTo - covered);
            covered = upTo;
            i += n;
        }
        if (covered < page.size()) {
            batch.read(List.of(), page.get(page.size() - 1), page.size() - covered);
        }
    }

    /** Whether the host holds it: read earlier in this download (by a window, a catch-up, or before a restart). */
    private static boolean held(SyncSink sink, RecordKind kind, long id) {
        return sink.mirrored(kind, Long.toString(id)).isPresent();
    }

    /** Requests counted against the quota by the download, this run included. */
    private long spent() {
        return spentBefore + counter.quotaRequests();
    }

    /** What reading one person (with workflows, jobs and resume) has cost this download, or the prior before enough. */
    private double costPerPerson() {
        IcimsState.Download d = state.download();
        return d.done() < 50 ? IcimsAssumptions.REQUESTS_PER_PERSON : Math.max(1.0, spent() / (double) d.done());
    }

    /** The requests the download still needs: people left, a share of searches for the rest, the resumes that wait. */
    private long requestsLeft() {
        IcimsState.Download d = state.download();
        long people = Math.max(0, d.estimate() - d.done());
        long rest = d.step() == IcimsState.Step.RESUMES ? 0 : Math.max(0, d.estimate()) * 4 / IcimsClient.PAGE;
        return Math.round(people * costPerPerson()) + rest + Math.max(0, d.deferredCount() - d.resumesRead());
    }

    private void report(SyncSink sink) {
        progress.requestsLeft(requestsLeft());
        progress.report(sink);
    }

    private void checkpoint(IcimsState.Download d, SyncSink sink) throws ConnectorException {
        state = state.with(d.busiest(records.mostWorkflows())).recentlyRead(ledger.recentIds(), ledger.unreadIds());
        sink.checkpoint(state.write());
        report(sink);
    }
}
