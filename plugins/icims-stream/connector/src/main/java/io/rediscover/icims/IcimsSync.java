package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.record.AtsDocument;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncSink;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.sync.SyncState;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * One sync run against iCIMS.
 * <ul>
 *   <li><b>Full</b> (no state): jobs, then people page by page (≤ 1,000 ids per search), each page's people with their
 *       resumes, then that page's workflows (a search bounded by the page's person-id range); a checkpoint after every
 *       page, so a crash costs at most one page.</li>
 *   <li><b>Incremental</b>: ids from the Data Stream since its last key, plus an {@code updateddate >= watermark -
 *       overlap} search per type as the safety net; only those records are read again. Merges and deletions become
 *       {@code deleted}; 404 code 3 becomes {@code accessLost}. The watermark advances only when every read of the run
 *       succeeded.</li>
 *   <li><b>Reconciliation</b> (every {@code reconcileEveryDays}): every id of each type through search only, reported
 *       as seen; the ids the host holds that iCIMS did not list are checked one by one.</li>
 * </ul>
 * GETs run up to {@code getConcurrency} at a time on the host's HTTP executor; the sink is only called from the
 * thread running {@link #read}.
 */
final class IcimsSync implements SyncSource {

    private static final DateTimeFormatter SEARCH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a", Locale.US);

    private final ConnectorContext context;
    private final IcimsSettings settings;
    private final IcimsHttp http;
    private final IcimsClient client;
    private final String subscriptionId;
    private final IcimsMapper mapper;
    private final Map<Long, IcimsMapper.JobInfo> jobs = new HashMap<>();
    private SyncSink sink;
    private String phase = "starting";
    private long done;
    private boolean anyFailed;
    /** Ids read in this run whose update time is at or after {@link #recentSince}, per type. */
    private final Map<IcimsType, TreeSet<Long>> recent = new HashMap<>();
    private long recentSince = Long.MAX_VALUE;
    /** Ids that could not be read, per type: carried in the state so the next run reads them again. */
    private final Map<IcimsType, TreeSet<Long>> unread = new HashMap<>();

    IcimsSync(ConnectorContext context, IcimsSettings settings, IcimsHttp http, IcimsClient client, String subscriptionId) {
        this.context = context;
        this.settings = settings;
        this.http = http;
        this.client = client;
        this.subscriptionId = subscriptionId;
        this.mapper = new IcimsMapper(settings.linkedinFieldIds());
    }

    @Override
    public void read(SyncState from, SyncSink target) throws ConnectorException {
        this.sink = target;
        long now = context.clock().millis();
        IcimsState state = from.isInitial() ? IcimsState.fresh(now, streamEnd(null)) : IcimsState.read(from);
        recentSince = (state.full() ? state.fullStartedAt() : now) - settings.overlap().toMillis();
        if (state.full()) {
            state.retry().forEach((segment, ids) -> unreadOf(segment).addAll(ids)); // failures of earlier pages
        }
        if (state.full()) {
            full(state);
        } else {
            incremental(state, now);
        }
    }

    // ---- full download ----------------------------------------------------------------------------------------------

    private void full(IcimsState state) throws ConnectorException {
        if (IcimsState.JOBS.equals(state.stage())) {
            phase = "jobs";
            long last = state.lastId();
            List<Long> page;
            do {
                page = client.searchPage(IcimsType.JOBS, List.of(), last, -1);
                emitJobs(page);
                if (!page.isEmpty()) {
                    last = page.get(page.size() - 1);
                }
                sink.checkpoint(state.at(IcimsState.JOBS, last, unreadIds()).write());
            } while (page.size() == IcimsClient.PAGE);
            state = state.at(IcimsState.PEOPLE, 0, unreadIds());
            sink.checkpoint(state.write());
        }
        phase = "people";
        done = 0;
        long last = state.lastId();
        List<Long> page;
        do {
            page = client.searchPage(IcimsType.PEOPLE, List.of(), last, -1);
            if (!page.isEmpty()) {
                emitPeople(page);
                emitWorkflowsOfPeople(page.get(0), page.get(page.size() - 1));
                last = page.get(page.size() - 1);
            }
            sink.checkpoint(state.at(IcimsState.PEOPLE, last, unreadIds()).write());
        } while (page.size() == IcimsClient.PAGE);
        // Everything changed since the download started is picked up by the first incremental run's window.
        sink.checkpoint(state.incremental(state.fullStartedAt(), state.streamKey(), state.fullStartedAt(), recentIds(),
                unreadIds()).write());
        report();
    }

    private void emitWorkflowsOfPeople(long firstPerson, long lastPerson) throws ConnectorException {
        List<IcimsClient.Filter> range = List.of(
                IcimsClient.Filter.of(IcimsType.WORKFLOWS.prefix + ".person.id", ">=", Long.toString(firstPerson)),
                IcimsClient.Filter.of(IcimsType.WORKFLOWS.prefix + ".person.id", "<=", Long.toString(lastPerson)));
        long after = 0;
        List<Long> page;
        do {
            page = client.searchPage(IcimsType.WORKFLOWS, range, after, -1);
            emitWorkflows(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1);
            }
        } while (page.size() == IcimsClient.PAGE);
    }

    // ---- incremental ------------------------------------------------------------------------------------------------

    private void incremental(IcimsState state, long now) throws ConnectorException {
        phase = "changes";
        Map<IcimsType, TreeSet<Long>> changed = new HashMap<>();
        for (IcimsType t : IcimsType.values()) {
            changed.put(t, new TreeSet<>());
        }
        String streamKey = readEvents(state.streamKey(), changed);
        state.retry().forEach((segment, ids) -> {
            for (IcimsType t : IcimsType.values()) {
                if (t.segment.equals(segment)) {
                    changed.get(t).addAll(ids);
                }
            }
        });
        Map<IcimsType, TreeSet<Long>> reported = new HashMap<>();
        changed.forEach((t, ids) -> reported.put(t, new TreeSet<>(ids)));
        String since = LocalDateTime.ofInstant(Instant.ofEpochMilli(state.watermark()).minus(settings.overlap()), ZoneOffset.UTC)
                .format(SEARCH_DATE);
        for (IcimsType t : IcimsType.values()) {
            List<IcimsClient.Filter> window = List.of(IcimsClient.Filter.of(t.prefix + ".updateddate", ">=", since));
            long after = 0;
            List<Long> page;
            do {
                page = client.searchPage(t, window, after, settings.staleness());
                List<Long> alreadyRead = state.recent().getOrDefault(t.segment, List.of());
                for (long id : page) {
                    // Listed only because the window overlaps the last run, read then, and no event says it changed since.
                    if (!(alreadyRead.contains(id) && !reported.get(t).contains(id))) {
                        changed.get(t).add(id);
                    }
                }
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1);
                }
            } while (page.size() == IcimsClient.PAGE);
        }
        phase = "jobs";
        for (List<Long> chunk : chunks(changed.get(IcimsType.JOBS))) {
            emitJobs(chunk);
        }
        phase = "people";
        for (List<Long> chunk : chunks(changed.get(IcimsType.PEOPLE))) {
            emitPeople(chunk);
            sink.checkpoint(state.write()); // records only: the watermark moves at the end
        }
        phase = "workflows";
        for (List<Long> chunk : chunks(changed.get(IcimsType.WORKFLOWS))) {
            emitWorkflows(chunk);
            sink.checkpoint(state.write());
        }
        long reconciled = state.lastReconciliation();
        if (now - reconciled >= settings.reconcileEvery().toMillis()) {
            reconcile();
            reconciled = now;
        }
        // C4: a run in which any read failed keeps its watermark, so the next run reads that window again.
        long watermark = anyFailed ? state.watermark() : now;
        sink.checkpoint(state.incremental(watermark, anyFailed ? state.streamKey() : streamKey, reconciled,
                anyFailed ? state.recent() : recentIds(), unreadIds()).write());
        report();
    }

    /** Reads stream events after {@code key} into {@code changed}; deletions are emitted at once. Returns the new key. */
    private String readEvents(String key, Map<IcimsType, TreeSet<Long>> changed) throws ConnectorException {
        phase = "events";
        String last = key;
        while (true) {
            IcimsClient.EventPage page = client.events(subscriptionId, last);
            for (JsonNode e : page.events()) {
                IcimsType type = IcimsType.ofEvent(e.path("profileType").asText());
                long id = e.path("systemId").asLong(-1);
                if (type == null || id < 0) {
                    continue;
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
            if (page.lastEvaluatedKey() == null || page.events().isEmpty()) {
                return page.lastEvaluatedKey() != null ? page.lastEvaluatedKey() : last;
            }
            last = page.lastEvaluatedKey();
        }
    }

    /** The stream's current end, so a full download starts reading events from now on. */
    private String streamEnd(String from) throws ConnectorException {
        String last = from;
        while (true) {
            IcimsClient.EventPage page = client.events(subscriptionId, last);
            if (page.lastEvaluatedKey() == null || page.events().isEmpty()) {
                return page.lastEvaluatedKey() != null ? page.lastEvaluatedKey() : last;
            }
            last = page.lastEvaluatedKey();
        }
    }

    // ---- reconciliation ---------------------------------------------------------------------------------------------

    private void reconcile() throws ConnectorException {
        for (IcimsType t : List.of(IcimsType.JOBS, IcimsType.PEOPLE, IcimsType.WORKFLOWS)) {
            phase = "reconciliation " + t.segment;
            long after = 0;
            List<Long> page;
            do {
                page = client.searchPage(t, List.of(), after, -1);
                for (long id : page) {
                    sink.seen(t.kind, Long.toString(id));
                }
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1);
                }
                report();
            } while (page.size() == IcimsClient.PAGE);
            List<Long> unseen = new ArrayList<>();
            sink.forEachUnseen(t.kind, id -> unseen.add(Long.parseLong(id)));
            for (List<Long> chunk : chunks(new TreeSet<>(unseen))) {
                switch (t) {
                    case JOBS -> emitJobs(chunk);
                    case PEOPLE -> emitPeople(chunk);
                    case WORKFLOWS -> emitWorkflows(chunk);
                }
            }
        }
    }

    // ---- reading and emitting records -------------------------------------------------------------------------------

    private void emitJobs(List<Long> ids) throws ConnectorException {
        for (Fetched f : fetchAll(IcimsType.JOBS, ids, false)) {
            if (emitFate(IcimsType.JOBS, f)) {
                jobs.put(f.id, IcimsMapper.jobInfo(f.body));
                io.rediscover.pluginapi.record.AtsJob job = mapper.job(f.id, f.body, context.clock().instant());
                remember(IcimsType.JOBS, f.id, job.updatedAt());
                sink.job(job);
            }
        }
        report();
    }

    private void emitPeople(List<Long> ids) throws ConnectorException {
        List<Long> survivors = new ArrayList<>();
        for (Fetched f : fetchAll(IcimsType.PEOPLE, ids, true)) {
            if (!emitFate(IcimsType.PEOPLE, f)) {
                continue;
            }
            if (IcimsMapper.mergedAway(f.body)) {
                sink.deleted(RecordKind.CANDIDATE, Long.toString(f.id));
                IcimsMapper.mergedInto(f.body).filter(s -> !ids.contains(s)).ifPresent(survivors::add);
                continue;
            }
            io.rediscover.pluginapi.record.AtsCandidate candidate = mapper.candidate(f.id, f.body, f.resume, context.clock().instant());
            remember(IcimsType.PEOPLE, f.id, candidate.updatedAt());
            sink.candidate(candidate);
        }
        report();
        if (!survivors.isEmpty()) {
            emitPeople(survivors);
        }
    }

    private void emitWorkflows(List<Long> ids) throws ConnectorException {
        for (Fetched f : fetchAll(IcimsType.WORKFLOWS, ids, false)) {
            if (!emitFate(IcimsType.WORKFLOWS, f)) {
                continue;
            }
            String jobId = IcimsMapper.linkId(f.body.get(IcimsAssumptions.JOB_LINK));
            IcimsMapper.JobInfo job = jobId == null ? null : jobInfo(Long.parseLong(jobId));
            Optional<io.rediscover.pluginapi.record.AtsApplication> app = mapper.application(f.id, f.body, job,
                    context.clock().instant());
            if (app.isPresent()) {
                remember(IcimsType.WORKFLOWS, f.id, app.get().updatedAt());
                sink.application(app.get());
            } else {
                anyFailed = true;
                unreadOf(IcimsType.WORKFLOWS.segment).add(f.id);
                sink.failed(RecordKind.APPLICATION, Long.toString(f.id), "the workflow names no person");
            }
        }
        report();
    }

    private void remember(IcimsType type, long id, Instant updatedAt) {
        if (updatedAt.toEpochMilli() >= recentSince) {
            recent.computeIfAbsent(type, t -> new TreeSet<>()).add(id);
        }
    }

    private TreeSet<Long> unreadOf(String segment) {
        for (IcimsType t : IcimsType.values()) {
            if (t.segment.equals(segment)) {
                return unread.computeIfAbsent(t, k -> new TreeSet<>());
            }
        }
        return new TreeSet<>(); // a type this version does not know: dropped
    }

    private Map<String, List<Long>> unreadIds() {
        Map<String, List<Long>> out = new HashMap<>();
        unread.forEach((t, ids) -> out.put(t.segment, List.copyOf(ids)));
        return out;
    }

    private Map<String, List<Long>> recentIds() {
        Map<String, List<Long>> out = new HashMap<>();
        recent.forEach((t, ids) -> out.put(t.segment, List.copyOf(ids)));
        return out;
    }

    /** A job's title and recruiter for its applications: from this run's jobs, else one GET (cached for the run). */
    private IcimsMapper.JobInfo jobInfo(long jobId) throws ConnectorException {
        IcimsMapper.JobInfo known = jobs.get(jobId);
        if (known != null) {
            return known;
        }
        IcimsClient.Got got = client.get(IcimsType.JOBS, jobId, IcimsType.JOBS.fields);
        IcimsMapper.JobInfo info = got instanceof IcimsClient.Got.Found found ? IcimsMapper.jobInfo(found.body())
                : new IcimsMapper.JobInfo(null, null);
        jobs.put(jobId, info);
        return info;
    }

    /** Emits a deletion or access loss for a record that is not there; returns whether it was found. */
    private boolean emitFate(IcimsType type, Fetched f) {
        done++;
        if (f.failure != null) {
            anyFailed = true;
            unreadOf(type.segment).add(f.id);
            sink.failed(type.kind, Long.toString(f.id), f.failure);
            return false;
        }
        if (f.got instanceof IcimsClient.Got.Gone) {
            sink.deleted(type.kind, Long.toString(f.id));
            return false;
        }
        if (f.got instanceof IcimsClient.Got.AccessLost) {
            sink.accessLost(type.kind, Long.toString(f.id));
            return false;
        }
        return true;
    }

    /** The outcome of reading one record (and its resume). */
    private record Fetched(long id, IcimsClient.Got got, JsonNode body, AtsDocument resume, String failure) {
    }

    /** Reads records with bounded concurrency on the host's executor; results in the order of {@code ids}. */
    private List<Fetched> fetchAll(IcimsType type, List<Long> ids, boolean withResume) throws ConnectorException {
        List<String> fields = new ArrayList<>(type.fields);
        if (type == IcimsType.PEOPLE) {
            fields.addAll(settings.linkedinFieldIds());
        }
        Executor executor = http.executor().orElse(Runnable::run);
        Semaphore slots = new Semaphore(settings.getConcurrency());
        List<CompletableFuture<Fetched>> futures = new ArrayList<>(ids.size());
        try {
            for (long id : ids) {
                context.cancellation().throwIfRequested();
                slots.acquire();
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return fetch(type, id, fields, withResume);
                    } catch (ConnectorException e) {
                        throw new CompletionException(e);
                    } finally {
                        slots.release();
                    }
                }, executor));
            }
            List<Fetched> out = new ArrayList<>(ids.size());
            for (CompletableFuture<Fetched> f : futures) {
                out.add(f.join());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorKind.TRANSIENT, "stopped on request");
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof ConnectorException ce) {
                throw ce;
            }
            throw new ConnectorException(ErrorKind.INTERNAL, "reading iCIMS " + type.segment + " failed", e.getCause());
        }
    }

    private Fetched fetch(IcimsType type, long id, List<String> fields, boolean withResume) throws ConnectorException {
        try {
            IcimsClient.Got got = client.get(type, id, fields);
            if (!(got instanceof IcimsClient.Got.Found found)) {
                return new Fetched(id, got, null, null, null);
            }
            AtsDocument resume = withResume && !IcimsMapper.mergedAway(found.body()) ? client.resume(id).orElse(null) : null;
            return new Fetched(id, got, found.body(), resume, null);
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.ATS_DATA) {
                return new Fetched(id, null, null, null, e.getMessage());
            }
            throw e;
        }
    }

    private static List<List<Long>> chunks(TreeSet<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        for (long id : ids) {
            current.add(id);
            if (current.size() == IcimsClient.PAGE) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private void report() {
        sink.progress(new SyncProgress(phase, done, -1, http.counter().snapshot()));
    }

    @Override
    public void close() {
        jobs.clear();
    }
}
