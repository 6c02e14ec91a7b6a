package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsDocument;
import io.rediscover.pluginapi.record.AtsJob;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads records by id and emits them: up to {@code getConcurrency} GETs at a time on the host's executor
 * ({@link ConnectorContext#executor()}), then, on the calling thread and in id order, each record as a candidate, job or
 * application, or its fate: gone (404 code 2, a merge) is a deletion, not visible (404 code 3) is an access loss, and a
 * record that cannot be read is reported as failed and kept for the next run. The sink is only ever called from the
 * thread that runs the sync.
 */
final class RecordEmitter {

    private final ConnectorContext context;
    private final IcimsSettings settings;
    private final IcimsClient client;
    private final IcimsMapper mapper;
    private final RunLedger ledger;
    private final Progress progress;
    /** Job title and recruiter by job id, for the applications of this run. */
    private final Map<Long, IcimsMapper.JobInfo> jobs = new HashMap<>();

    RecordEmitter(ConnectorContext context, IcimsSettings settings, IcimsClient client, RunLedger ledger, Progress progress) {
        this.context = context;
        this.settings = settings;
        this.client = client;
        this.mapper = new IcimsMapper(settings.linkedinFieldIds());
        this.ledger = ledger;
        this.progress = progress;
    }

    /** Reads and emits the records of {@code type} with these ids, then reports progress. */
    void emit(IcimsType type, List<Long> ids, SyncSink sink) throws ConnectorException {
        switch (type) {
            case JOBS -> jobs(ids, sink);
            case PEOPLE -> people(ids, sink);
            case WORKFLOWS -> workflows(ids, sink);
        }
        progress.report(sink);
    }

    private void jobs(List<Long> ids, SyncSink sink) throws ConnectorException {
        for (Fetched f : fetchAll(IcimsType.JOBS, ids, false)) {
            if (found(IcimsType.JOBS, f, sink)) {
                jobs.put(f.id, IcimsMapper.jobInfo(f.body));
                AtsJob job = mapper.job(f.id, f.body, context.clock().instant());
                ledger.read(IcimsType.JOBS, f.id, job.updatedAt());
                sink.job(job);
            }
        }
    }

    private void people(List<Long> ids, SyncSink sink) throws ConnectorException {
        List<Long> survivors = new ArrayList<>();
        for (Fetched f : fetchAll(IcimsType.PEOPLE, ids, true)) {
            if (!found(IcimsType.PEOPLE, f, sink)) {
                continue;
            }
            if (IcimsMapper.mergedAway(f.body)) {
                // Merged into another profile (§6): gone here; the survivor is read so it carries the merged data.
                sink.deleted(RecordKind.CANDIDATE, Long.toString(f.id));
                IcimsMapper.mergedInto(f.body).filter(s -> !ids.contains(s)).ifPresent(survivors::add);
                continue;
            }
            AtsCandidate candidate = mapper.candidate(f.id, f.body, f.resume, context.clock().instant());
            ledger.read(IcimsType.PEOPLE, f.id, candidate.updatedAt());
            sink.candidate(candidate);
        }
        if (!survivors.isEmpty()) {
            people(survivors, sink);
        }
    }

    private void workflows(List<Long> ids, SyncSink sink) throws ConnectorException {
        for (Fetched f : fetchAll(IcimsType.WORKFLOWS, ids, false)) {
            if (!found(IcimsType.WORKFLOWS, f, sink)) {
                continue;
            }
            String jobId = IcimsMapper.linkId(f.body.get(IcimsAssumptions.JOB_LINK));
            IcimsMapper.JobInfo job = jobId == null ? null : jobInfo(Long.parseLong(jobId));
            // Linked to its person by associatedprofile [DOC S11, S12].
            Optional<AtsApplication> app = mapper.application(f.id, f.body, job, context.clock().instant());
            if (app.isPresent()) {
                ledger.read(IcimsType.WORKFLOWS, f.id, app.get().updatedAt());
                sink.application(app.get());
            } else {
                ledger.unread(IcimsType.WORKFLOWS, f.id);
                sink.failed(RecordKind.APPLICATION, Long.toString(f.id), "the workflow names no person");
            }
        }
    }

    /** A job's title and recruiter for its applications: from this run's jobs, else one GET (kept for the run). */
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

    /** Emits the fate of a record that was not found or not read; returns whether it was found. */
    private boolean found(IcimsType type, Fetched f, SyncSink sink) {
        progress.handled(1);
        if (f.failure != null) {
            ledger.unread(type, f.id);
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

    /**
     * Reads records with bounded concurrency on the host's executor; results in the order of {@code ids}. When one read
     * fails (or the run is stopped) the reads not started yet are skipped, and those in flight are waited for, so no
     * task of this run outlives it.
     */
    private List<Fetched> fetchAll(IcimsType type, List<Long> ids, boolean withResume) throws ConnectorException {
        List<String> fields = new ArrayList<>(type.fields);
        if (type == IcimsType.PEOPLE) {
            fields.addAll(settings.linkedinFieldIds());
        }
        Semaphore slots = new Semaphore(settings.getConcurrency());
        AtomicBoolean abandoned = new AtomicBoolean();
        List<CompletableFuture<Fetched>> futures = new ArrayList<>(ids.size());
        try {
            for (long id : ids) {
                context.cancellation().throwIfRequested();
                slots.acquire();
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return abandoned.get() ? null : fetch(type, id, fields, withResume);
                    } catch (ConnectorException e) {
                        throw new CompletionException(e);
                    } finally {
                        slots.release();
                    }
                }, context.executor()));
            }
            List<Fetched> out = new ArrayList<>(ids.size());
            for (CompletableFuture<Fetched> f : futures) {
                out.add(f.join());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(abandoned, futures, new ConnectorException(ErrorKind.TRANSIENT, "stopped on request"));
        } catch (CompletionException e) {
            throw abandon(abandoned, futures, e.getCause() instanceof ConnectorException ce ? ce
                    : new ConnectorException(ErrorKind.INTERNAL, "reading iCIMS " + type.segment + " failed", e.getCause()));
        } catch (ConnectorException e) {
            throw abandon(abandoned, futures, e);
        }
    }

    private static ConnectorException abandon(AtomicBoolean abandoned, List<CompletableFuture<Fetched>> futures,
                                              ConnectorException cause) {
        abandoned.set(true);
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((r, t) -> null).join();
        return cause;
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
}
