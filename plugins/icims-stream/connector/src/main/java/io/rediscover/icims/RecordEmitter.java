package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsDocument;
import io.rediscover.pluginapi.record.AtsJob;
import io.rediscover.pluginapi.sync.MirroredVersion;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncSink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads records by id and emits them, spending requests only where something is new: up to {@code getConcurrency} GETs
 * at a time on the host's executor ({@link Reads}), then, on the calling thread and in id order, each record as a
 * candidate, job or application, or its fate: gone (404 code 2, a merge) is a deletion, not visible (404 code 3) is an
 * access loss, and a record that cannot be read is reported as failed and kept for the next run.
 *
 * <p>People come with what makes them searchable: the workflows of people the host does not hold yet (one search per
 * {@value IcimsAssumptions#PEOPLE_PER_WORKFLOW_SEARCH} people, then only the workflows the host does not hold), and the
 * jobs those name that the host does not hold. A resume is read only for a person who is new or changed since the host's
 * version; when the budget is tight, resumes of people without a recent workflow wait ({@link People#deferred()}).
 * The sink is only ever called from the thread that runs the sync.
 */
final class RecordEmitter {

    /** How a page of people is read. */
    enum Mode {
        /** The first download: people the host does not hold, with their workflows; resumes may wait. */
        NEW,
        /** A change scan: people that changed; workflows only for those the host did not hold yet. */
        CHANGED
    }

    /**
     * What reading a page of people did.
     *
     * @param read     people emitted
     * @param deferred ids of people emitted without their resume, which waits for the download's resume step
     */
    record People(int read, List<Long> deferred) {
    }

    private final ConnectorContext context;
    private final IcimsSettings settings;
    private final IcimsClient client;
    private final IcimsMapper mapper;
    private final RunLedger ledger;
    private final Reads reads;
    /** Job title and recruiter by job id, for the applications of this run. */
    private final Map<Long, IcimsMapper.JobInfo> jobs = new HashMap<>();
    /** Workflows read in this run, so a change scan does not read again those it read with their people. */
    private final Set<Long> workflowsRead = new HashSet<>();
    private boolean workflowSearchRefused;
    /** The most workflows one person has had so far, for planning: what a person may cost at worst. */
    private int mostWorkflows;

    /**
     * @param mostWorkflows the most workflows one person had in earlier runs (0 when unknown)
     */
    RecordEmitter(ConnectorContext context, IcimsSettings settings, IcimsClient client, RunLedger ledger, int mostWorkflows) {
        this.mostWorkflows = Math.max(mostWorkflows, IcimsAssumptions.WORKFLOWS_PER_PERSON_AT_WORST);
        this.context = context;
        this.settings = settings;
        this.client = client;
        this.mapper = new IcimsMapper(settings.linkedinFieldIds());
        this.ledger = ledger;
        this.reads = new Reads(context, settings.getConcurrency());
    }

    /**
     * Reads and emits changed records of {@code type} with these ids.
     *
     * @param reported the ids a Data Stream event reported changed: a person among them has its resume read again even
     *                 when its update time did not move (a new resume need not move it)
     */
    void emit(IcimsType type, List<Long> ids, Set<Long> reported, SyncSink sink) throws ConnectorException {
        switch (type) {
            case JOBS -> jobs(ids, sink);
            case PEOPLE -> people(ids, Mode.CHANGED, false, reported, sink);
            case WORKFLOWS -> workflows(ids, sink);
        }
    }

    /**
     * @return the most requests one person may cost: the person, a resume, a search share, and per workflow the
     *         workflow and perhaps its job, for the most workflows one person has had
     */
    double worstPerPerson() {
        return 3 + 2.0 * mostWorkflows;
    }

    /** @return the most workflows one person has had, in this run and the runs before */
    int mostWorkflows() {
        return mostWorkflows;
    }

    void jobs(List<Long> ids, SyncSink sink) throws ConnectorException {
        for (Reads.Fetched<IcimsClient.Got> f : get(IcimsType.JOBS, ids, IcimsType.JOBS.fields)) {
            JsonNode body = found(IcimsType.JOBS, f, sink);
            if (body != null) {
                jobs.put(f.id(), IcimsMapper.jobInfo(body));
                AtsJob job = mapper.job(f.id(), body, context.clock().instant());
                ledger.read(IcimsType.JOBS, f.id(), job.updatedAt());
                sink.job(job);
            }
        }
    }

    /** Reads and emits workflows, less those this run already read (with their people). */
    void workflows(List<Long> ids, SyncSink sink) throws ConnectorException {
        List<Long> unread = ids.stream().filter(id -> !workflowsRead.contains(id)).toList();
        List<Reads.Fetched<IcimsClient.Got>> fetched = get(IcimsType.WORKFLOWS, unread, IcimsType.WORKFLOWS.fields);
        jobsOf(fetched, sink);
        emitApplications(fetched, sink);
    }

    /**
     * Reads a page of people with what makes them searchable, and emits, in this order, the jobs, the people and their
     * applications.
     *
     * @param ids      the people, ascending
     * @param mode     first download or change scan
     * @param tight    whether the budget cannot cover what is left: resumes of people without a recent workflow wait
     * @param reported people a Data Stream event reported changed
     * @return what was read and what waits
     */
    People people(List<Long> ids, Mode mode, boolean tight, Set<Long> reported, SyncSink sink) throws ConnectorException {
        Map<Long, Optional<MirroredVersion>> held = new LinkedHashMap<>();
        ids.forEach(id -> held.put(id, sink.mirrored(RecordKind.CANDIDATE, Long.toString(id))));
        List<Long> survivors = new ArrayList<>();
        Map<Long, JsonNode> people = new LinkedHashMap<>();
        for (Reads.Fetched<IcimsClient.Got> f : get(IcimsType.PEOPLE, ids, personFields())) {
            JsonNode body = found(IcimsType.PEOPLE, f, sink);
            if (body == null) {
                continue;
            }
            if (IcimsMapper.mergedAway(body)) {
                // Merged into another profile (§6): gone here; the survivor is read so it carries the merged data.
                ledger.gone(IcimsType.PEOPLE, f.id());
                sink.deleted(RecordKind.CANDIDATE, Long.toString(f.id()));
                IcimsMapper.mergedInto(body).filter(s -> !ids.contains(s)).ifPresent(survivors::add);
                continue;
            }
            people.put(f.id(), body);
        }
        // Workflows come with the people the host did not hold: the first download's, and new people in a scan.
        List<Long> newcomers = people.keySet().stream().filter(id -> mode == Mode.NEW || held.get(id).isEmpty()).toList();
        Map<Long, Instant> lastWorkflow = new HashMap<>();
        List<Reads.Fetched<IcimsClient.Got>> workflows = workflowsOf(newcomers, lastWorkflow, sink);
        jobsOf(workflows, sink);

        Instant recent = context.clock().instant().minus(settings.resumePriority());
        List<Long> withResume = new ArrayList<>();
        List<Long> deferred = new ArrayList<>();
        for (Map.Entry<Long, JsonNode> p : people.entrySet()) {
            Instant updated = IcimsMapper.instant(p.getValue().get(IcimsAssumptions.UPDATED)).orElse(Instant.MAX);
            Optional<MirroredVersion> h = held.get(p.getKey());
            // Never read again a resume whose person did not change.
            boolean changed = h.isEmpty() || updated.isAfter(h.get().updatedAt()) || reported.contains(p.getKey());
            boolean priority = !lastWorkflow.getOrDefault(p.getKey(), Instant.MIN).isBefore(recent);
            if (!changed) {
                continue;
            }
            if (mode == Mode.NEW && tight && !priority) {
                deferred.add(p.getKey());
            } else {
                withResume.add(p.getKey());
            }
        }
        Map<Long, Reads.Fetched<Optional<AtsDocument>>> resumes = resumes(withResume);

        for (Map.Entry<Long, JsonNode> p : people.entrySet()) {
            Reads.Fetched<Optional<AtsDocument>> resume = resumes.get(p.getKey());
            if (resume != null && resume.failure() != null) {
                // Kept for the next run, which reads the person and its resume again.
                ledger.unread(IcimsType.PEOPLE, p.getKey());
                sink.failed(RecordKind.CANDIDATE, Long.toString(p.getKey()), resume.failure());
                continue;
            }
            AtsCandidate candidate = mapper.candidate(p.getKey(), p.getValue(),
                    resume == null ? null : resume.value().orElse(null), context.clock().instant());
            ledger.read(IcimsType.PEOPLE, p.getKey(), candidate.updatedAt());
            sink.candidate(candidate);
        }
        emitApplications(workflows, sink);
        if (!survivors.isEmpty()) {
            people(survivors, Mode.CHANGED, tight, Set.copyOf(survivors), sink);
        }
        return new People(people.size(), deferred);
    }

    /**
     * The resume step of the first download: the resumes of these people, when the host holds the person without one.
     * Each is emitted as the held version of the person with only the resume, which the host merges in.
     *
     * @return how many of them were read
     */
    int resumesOf(List<Long> ids, SyncSink sink) throws ConnectorException {
        Map<Long, Instant> versions = new LinkedHashMap<>();
        for (long id : ids) {
            sink.mirrored(RecordKind.CANDIDATE, Long.toString(id)).filter(h -> !h.hasResume())
                    .ifPresent(h -> versions.put(id, h.updatedAt()));
        }
        for (Reads.Fetched<Optional<AtsDocument>> r : resumes(new ArrayList<>(versions.keySet())).values()) {
            if (r.failure() != null) {
                sink.failed(RecordKind.CANDIDATE, Long.toString(r.id()), r.failure());
            } else {
                r.value().ifPresent(doc -> sink.candidate(AtsCandidate.builder(Long.toString(r.id()), versions.get(r.id()))
                        .resume(doc).build()));
            }
        }
        return versions.size();
    }

    private List<String> personFields() {
        List<String> fields = new ArrayList<>(IcimsType.PEOPLE.fields);
        fields.addAll(settings.linkedinFieldIds());
        return fields;
    }

    /** The resumes of these people, by person: a document, none, or why it could not be read. */
    private Map<Long, Reads.Fetched<Optional<AtsDocument>>> resumes(List<Long> ids) throws ConnectorException {
        Map<Long, Reads.Fetched<Optional<AtsDocument>>> out = new LinkedHashMap<>();
        reads.fetch(ids, client::resume).forEach(r -> out.put(r.id(), r));
        return out;
    }

    private List<Reads.Fetched<IcimsClient.Got>> get(IcimsType type, List<Long> ids, List<String> fields)
            throws ConnectorException {
        return reads.fetch(ids, id -> client.get(type, id, fields));
    }

    /**
     * Finds and reads the workflows of these people that the host does not hold and this run has not read, noting per
     * person the newest update among all their workflows.
     */
    private List<Reads.Fetched<IcimsClient.Got>> workflowsOf(List<Long> people, Map<Long, Instant> lastWorkflow, SyncSink sink)
            throws ConnectorException {
        TreeSet<Long> ids = new TreeSet<>();
        for (int i = 0; i < people.size() && !workflowSearchRefused; i += IcimsAssumptions.PEOPLE_PER_WORKFLOW_SEARCH) {
            List<Long> some = people.subList(i, Math.min(people.size(), i + IcimsAssumptions.PEOPLE_PER_WORKFLOW_SEARCH));
            Optional<List<Long>> found = client.workflowsOf(some);
            if (found.isEmpty()) {
                workflowSearchRefused = true;
                context.log().warn("iCIMS refused to search workflows by person; workflows of new people are read at the "
                        + "end of the first download, and by the change scans after it");
            }
            found.ifPresent(ids::addAll);
        }
        List<Long> unread = new ArrayList<>();
        for (long id : ids) {
            Optional<MirroredVersion> held = sink.mirrored(RecordKind.APPLICATION, Long.toString(id));
            if (held.isEmpty() && !workflowsRead.contains(id)) {
                unread.add(id);
            }
        }
        List<Reads.Fetched<IcimsClient.Got>> fetched = get(IcimsType.WORKFLOWS, unread, IcimsType.WORKFLOWS.fields);
        Map<Long, Integer> perPerson = new HashMap<>();
        for (Reads.Fetched<IcimsClient.Got> f : fetched) {
            JsonNode body = body(f);
            if (body == null) {
                continue;
            }
            String person = IcimsMapper.linkId(body.get(IcimsAssumptions.PERSON_LINK));
            Instant updated = IcimsMapper.instant(body.get(IcimsAssumptions.UPDATED)).orElse(Instant.MIN);
            if (person != null) {
                lastWorkflow.merge(Long.parseLong(person), updated, (a, b) -> a.isAfter(b) ? a : b);
                perPerson.merge(Long.parseLong(person), 1, Integer::sum);
            }
        }
        perPerson.values().forEach(n -> mostWorkflows = Math.max(mostWorkflows, n));
        return fetched;
    }

    private void emitApplications(List<Reads.Fetched<IcimsClient.Got>> fetched, SyncSink sink) {
        for (Reads.Fetched<IcimsClient.Got> f : fetched) {
            workflowsRead.add(f.id());
            JsonNode body = found(IcimsType.WORKFLOWS, f, sink);
            if (body == null) {
                continue;
            }
            String jobId = IcimsMapper.linkId(body.get(IcimsAssumptions.JOB_LINK));
            IcimsMapper.JobInfo job = jobId == null ? null : jobs.get(Long.parseLong(jobId));
            // Linked to its person by associatedprofile [DOC S11, S12].
            Optional<AtsApplication> app = mapper.application(f.id(), body, job, context.clock().instant());
            if (app.isPresent()) {
                ledger.read(IcimsType.WORKFLOWS, f.id(), app.get().updatedAt());
                sink.application(app.get());
            } else {
                ledger.unread(IcimsType.WORKFLOWS, f.id());
                sink.failed(RecordKind.APPLICATION, Long.toString(f.id()), "the workflow names no person");
            }
        }
    }

    /**
     * Makes sure the jobs these workflows name are known to this run, for their title and recruiter: from this run,
     * else as the host holds them, else read from iCIMS and emitted (the first download brings jobs with their people).
     */
    private void jobsOf(List<Reads.Fetched<IcimsClient.Got>> workflows, SyncSink sink) throws ConnectorException {
        TreeSet<Long> unknown = new TreeSet<>();
        for (Reads.Fetched<IcimsClient.Got> f : workflows) {
            JsonNode body = body(f);
            String jobId = body == null ? null : IcimsMapper.linkId(body.get(IcimsAssumptions.JOB_LINK));
            if (jobId == null) {
                continue;
            }
            long id = Long.parseLong(jobId);
            if (!jobs.containsKey(id)) {
                Optional<AtsJob> held = sink.mirroredJob(jobId);
                if (held.isPresent()) {
                    jobs.put(id, new IcimsMapper.JobInfo(held.get().title(), held.get().recruiter()));
                } else {
                    unknown.add(id);
                }
            }
        }
        jobs(new ArrayList<>(unknown), sink);
        unknown.forEach(id -> jobs.putIfAbsent(id, new IcimsMapper.JobInfo(null, null)));
    }

    /** Emits the fate of a record that was not found or not read; returns its body when it was found. */
    private JsonNode found(IcimsType type, Reads.Fetched<IcimsClient.Got> f, SyncSink sink) {
        if (f.failure() != null) {
            ledger.unread(type, f.id());
            sink.failed(type.kind, Long.toString(f.id()), f.failure());
        } else if (f.value() instanceof IcimsClient.Got.Gone) {
            ledger.gone(type, f.id());
            sink.deleted(type.kind, Long.toString(f.id()));
        } else if (f.value() instanceof IcimsClient.Got.AccessLost) {
            ledger.gone(type, f.id());
            sink.accessLost(type.kind, Long.toString(f.id()));
        }
        return body(f);
    }

    private static JsonNode body(Reads.Fetched<IcimsClient.Got> f) {
        return f.value() instanceof IcimsClient.Got.Found found ? found.body() : null;
    }
}
