package io.rediscover.icims.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The simulated customer's records and every way the control API can change them. Reads are lock-free
 * (immutable records in concurrent sorted maps, so search pages see a consistent record each); changes are
 * serialised, stamp {@code updateddate} with the simulated clock at minute resolution (B1) and append
 * data-stream events.
 *
 * <p>Record states: present and visible; access revoked (B7: GET ⇒ 404 code 3, hidden from search);
 * gone (purged or hard-deleted, B5/B6: GET ⇒ 404 code 2). Ids are never reused (B2).
 */
public final class Tenant {
    private final ConcurrentSkipListMap<Long, Person> people = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Long, Job> jobs = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Long, Workflow> workflows = new ConcurrentSkipListMap<>();
    private final Map<ProfileType, Set<Long>> revoked = Map.of(
            ProfileType.PERSON, ConcurrentHashMap.newKeySet(),
            ProfileType.JOB, ConcurrentHashMap.newKeySet(),
            ProfileType.APPLICANT_WORKFLOW, ConcurrentHashMap.newKeySet());
    /** Uploaded resumes; an empty Optional means "resume removed". Absent key = the generated resume, if any. */
    private final Map<Long, Optional<StoredResume>> resumeOverrides = new ConcurrentHashMap<>();
    private final Map<ProfileType, Long> highestId = new HashMap<>();
    private final Map<Long, MatchTruth> truths;
    private final SimClock clock;
    private final EventLog events;
    private final PersonDetailsGenerator detailsGenerator;
    private final RecordPatches patches;
    private final long seed;
    private final boolean workflowChangesBumpPerson;
    private final boolean resumeChangesBumpPerson;

    Tenant(TenantData data, SimClock clock, EventLog events, PersonDetailsGenerator detailsGenerator,
           RecordPatches patches, long seed, boolean workflowChangesBumpPerson, boolean resumeChangesBumpPerson) {
        this.clock = clock;
        this.events = events;
        this.detailsGenerator = detailsGenerator;
        this.patches = patches;
        this.seed = seed;
        this.workflowChangesBumpPerson = workflowChangesBumpPerson;
        this.resumeChangesBumpPerson = resumeChangesBumpPerson;
        data.people().forEach(p -> people.put(p.id(), p));
        this.truths = data.truths();
        data.jobs().forEach(j -> jobs.put(j.id(), j));
        data.workflows().forEach(w -> workflows.put(w.id(), w));
        highestId.put(ProfileType.PERSON, people.isEmpty() ? TenantGenerator.FIRST_PERSON_ID - 1 : people.lastKey());
        highestId.put(ProfileType.JOB, jobs.isEmpty() ? TenantGenerator.FIRST_JOB_ID - 1 : jobs.lastKey());
        highestId.put(ProfileType.APPLICANT_WORKFLOW, workflows.isEmpty() ? TenantGenerator.FIRST_WORKFLOW_ID - 1 : workflows.lastKey());
    }

    // ---- reads --------------------------------------------------------------------------------

    /** The person, whether visible or access-revoked; empty when it never existed or is gone. */
    public Optional<Person> person(long id) {
        return Optional.ofNullable(people.get(id));
    }

    public Optional<Job> job(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public Optional<Workflow> workflow(long id) {
        return Optional.ofNullable(workflows.get(id));
    }

    /** The record of any type, or empty. */
    public Optional<Object> record(ProfileType type, long id) {
        return Optional.ofNullable(map(type).get(id));
    }

    /**
     * @param personId a person of the initial tenant
     * @return the ground truth of a person derived from a profile corpus: the profile it is (or none) and the variant
     *         applied; empty for a tenant without a corpus and for people created later
     */
    public Optional<MatchTruth> truth(long personId) {
        return Optional.ofNullable(truths.get(personId));
    }

    /** @return every person's ground truth by person id (empty for a tenant without a corpus) */
    public Map<Long, MatchTruth> truths() {
        return truths;
    }

    /** Work history, education, skills and resume layout: explicit, or derived from the person's seed. */
    public PersonDetails details(Person person) {
        return person.details() != null ? person.details() : detailsGenerator.details(person);
    }

    /** Whether the API user has lost access to the record (B7). */
    public boolean accessRevoked(ProfileType type, long id) {
        return revoked.get(type).contains(id);
    }

    /** Number of stored records of a type (including access-revoked ones). */
    public int size(ProfileType type) {
        return map(type).size();
    }

    /** Ids of all stored records of a type, ascending (including access-revoked ones). */
    public List<Long> ids(ProfileType type) {
        return new ArrayList<>(map(type).keySet());
    }

    /** Workflows of a person, ascending. */
    public List<Workflow> workflowsOf(long personId) {
        return workflows.values().stream().filter(w -> w.personId() == personId).toList();
    }

    /** Records with id &gt; {@code afterId}, ascending: what a search scans. */
    NavigableMap<Long, ?> after(ProfileType type, long afterId) {
        return map(type).tailMap(afterId, false);
    }

    /** An uploaded or removed resume, or empty when the person's generated resume applies. */
    Optional<Optional<StoredResume>> resumeOverride(long personId) {
        return Optional.ofNullable(resumeOverrides.get(personId));
    }

    // ---- changes (control API) ----------------------------------------------------------------

    /** Creates a person from iCIMS field names; {@code firstname} and {@code lastname} are required. */
    public synchronized long createPerson(Map<String, String> fields) {
        long id = nextId(ProfileType.PERSON);
        Instant now = clock.nowMinute();
        Person blank = new Person(id, "?", null, "?", null, List.of(), List.of(), ListCatalog.CANDIDATE, null, now, now,
                Map.of(), null, false, null, seed * 31 + id, null);
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (!all.containsKey(IcimsFieldNames.FIRST_NAME) || !all.containsKey(IcimsFieldNames.LAST_NAME)) {
            throw new IllegalArgumentException("firstname and lastname are required");
        }
        Person created = patches.person(blank, details(blank), all, now);
        // A new profile has no per-field history yet: the stamps equal the created date.
        people.put(id, new Person(id, created.firstname(), created.middlename(), created.lastname(), created.email(),
                created.phones(), created.addresses(), created.folder(), created.externalid(), now, now, Map.of(),
                created.linkedinUrl(), created.linkedinInField(), created.details(), created.detailSeed(), null));
        events.append(ProfileType.PERSON, id, ChangeEvent.Type.CREATED, clock.now(), null);
        return id;
    }

    /** Changes person fields by iCIMS name (see {@link RecordPatches}); stamps {@code updateddate}. */
    public synchronized Person updatePerson(long id, Map<String, String> fields) {
        Person current = existing(ProfileType.PERSON, id, people);
        Person updated = patches.person(current, details(current), fields, clock.nowMinute());
        people.put(id, updated);
        events.append(ProfileType.PERSON, id, ChangeEvent.Type.UPDATED, clock.now(), null);
        return updated;
    }

    /** Creates a job; {@code jobtitle} is required. */
    public synchronized long createJob(Map<String, String> fields) {
        if (!fields.containsKey(IcimsFieldNames.JOB_TITLE)) {
            throw new IllegalArgumentException("jobtitle is required");
        }
        long id = nextId(ProfileType.JOB);
        Instant now = clock.nowMinute();
        Job blank = new Job(id, "?", now.atZone(ZoneOffset.UTC).getYear() + "-" + id, ListCatalog.JOB_OPEN, null, null,
                null, null, null, now, now);
        jobs.put(id, patches.job(blank, fields, now, this));
        events.append(ProfileType.JOB, id, ChangeEvent.Type.CREATED, clock.now(), null);
        return id;
    }

    public synchronized Job updateJob(long id, Map<String, String> fields) {
        Job updated = patches.job(existing(ProfileType.JOB, id, jobs), fields, clock.nowMinute(), this);
        jobs.put(id, updated);
        events.append(ProfileType.JOB, id, ChangeEvent.Type.UPDATED, clock.now(), null);
        return updated;
    }

    /** Person {@code personId} applies to job {@code jobId}; default status "Recently Applied", source "Career Site". */
    public synchronized long createWorkflow(long personId, long jobId, Map<String, String> fields) {
        existing(ProfileType.PERSON, personId, people);
        existing(ProfileType.JOB, jobId, jobs);
        long id = nextId(ProfileType.APPLICANT_WORKFLOW);
        Instant now = clock.nowMinute();
        ListCatalog.Status applied = ListCatalog.STATUSES.get(0);
        Workflow blank = new Workflow(id, personId, jobId, applied.node(), applied.bin(), ListCatalog.SOURCES.get(0),
                null, now, now);
        workflows.put(id, patches.workflow(blank, fields, now));
        events.append(ProfileType.APPLICANT_WORKFLOW, id, ChangeEvent.Type.CREATED, clock.now(), null);
        touchPersonIf(workflowChangesBumpPerson, personId);
        return id;
    }

    /**
     * Changes a workflow (status moves the bin with it). Stamps the workflow only, unless the tenant was
     * configured to bump the person too (B1).
     */
    public synchronized Workflow updateWorkflow(long id, Map<String, String> fields) {
        Workflow updated = patches.workflow(existing(ProfileType.APPLICANT_WORKFLOW, id, workflows), fields, clock.nowMinute());
        workflows.put(id, updated);
        events.append(ProfileType.APPLICANT_WORKFLOW, id, ChangeEvent.Type.UPDATED, clock.now(), null);
        touchPersonIf(workflowChangesBumpPerson, updated.personId());
        return updated;
    }

    /**
     * Merges person {@code discardedId} into {@code survivorId} (B5, [DOC S18]): the survivor keeps its
     * name and folder, fills its blanks from the discarded profile, keeps the earlier created date and
     * takes over the recruiting workflows; the discarded profile is renamed
     * "Merged with &lt;survivor&gt; - &lt;yyyy-MM-dd&gt;" (in {@code firstname} [ASSUME which name part]) and moved to
     * the Purge folder. Both get a new {@code updateddate}.
     */
    public synchronized void mergePerson(long discardedId, long survivorId) {
        if (discardedId == survivorId) {
            throw new IllegalArgumentException("cannot merge a person into itself");
        }
        Person discarded = existing(ProfileType.PERSON, discardedId, people);
        Person survivor = existing(ProfileType.PERSON, survivorId, people);
        Instant now = clock.nowMinute();
        Person merged = new Person(survivor.id(), survivor.firstname(),
                orElse(survivor.middlename(), discarded.middlename()), survivor.lastname(),
                orElse(survivor.email(), discarded.email()),
                survivor.phones().isEmpty() ? discarded.phones() : survivor.phones(),
                survivor.addresses().isEmpty() ? discarded.addresses() : survivor.addresses(),
                survivor.folder(), orElse(survivor.externalid(), discarded.externalid()),
                survivor.createddate().isBefore(discarded.createddate()) ? survivor.createddate() : discarded.createddate(),
                now, survivor.fieldStamps(), orElse(survivor.linkedinUrl(), discarded.linkedinUrl()),
                survivor.linkedinInField() || discarded.linkedinInField(), survivor.details(), survivor.detailSeed(),
                survivor.sourceProfileId());
        String newName = "Merged with " + survivorId + " - " + now.atZone(ZoneOffset.UTC).toLocalDate();
        Person renamed = patches.person(discarded, details(discarded), Map.of(
                IcimsFieldNames.FIRST_NAME, newName, IcimsFieldNames.FOLDER, ListCatalog.PERSON_PURGE.id()), now);
        people.put(survivorId, merged);
        people.put(discardedId, renamed);
        events.append(ProfileType.PERSON, discardedId, ChangeEvent.Type.MERGED, clock.now(), survivorId);
        events.append(ProfileType.PERSON, survivorId, ChangeEvent.Type.UPDATED, clock.now(), null);
        for (Workflow w : workflowsOf(discardedId)) {
            workflows.put(w.id(), new Workflow(w.id(), survivorId, w.jobId(), w.status(), w.bin(), w.source(),
                    w.sourcename(), w.createddate(), now));
            events.append(ProfileType.APPLICANT_WORKFLOW, w.id(), ChangeEvent.Type.UPDATED, clock.now(), null);
        }
    }

    /**
     * Purges one record that sits in the Purge folder (people and jobs; workflows have no folder and are
     * purged directly). Afterwards GET ⇒ 404 code 2 and search no longer finds it (B5).
     */
    public synchronized void purge(ProfileType type, long id) {
        Object record = existing(type, id, map(type));
        ListNode folder = record instanceof Person p ? p.folder() : record instanceof Job j ? j.folder() : null;
        if (folder != null && !folder.value().equals("Purge")) {
            throw new IllegalStateException(type.displayName() + " " + id + " is not in the Purge folder");
        }
        remove(type, id);
    }

    /** Purges every person and job in a Purge folder, as an admin emptying the folder; returns how many. */
    public synchronized int purgeFolder() {
        List<Long> persons = people.values().stream().filter(p -> p.folder().equals(ListCatalog.PERSON_PURGE)).map(Person::id).toList();
        List<Long> jobIds = jobs.values().stream().filter(j -> j.folder().equals(ListCatalog.JOB_PURGE)).map(Job::id).toList();
        persons.forEach(id -> remove(ProfileType.PERSON, id));
        jobIds.forEach(id -> remove(ProfileType.JOB, id));
        return persons.size() + jobIds.size();
    }

    /** Hard delete (B6): the record vanishes whatever its folder; its workflows go with a person or job. */
    public synchronized void delete(ProfileType type, long id) {
        existing(type, id, map(type));
        remove(type, id);
    }

    /**
     * Hard delete of many records at once, as a bulk purge leaves gaps in the ids: like {@link #delete} for each, with
     * one pass over the workflows for the orphans. Ids that do not exist are skipped.
     *
     * @return how many records of {@code type} were deleted
     */
    public synchronized int deleteAll(ProfileType type, Collection<Long> ids) {
        Set<Long> gone = new HashSet<>();
        for (long id : ids) {
            if (map(type).containsKey(id)) {
                removeOne(type, id);
                gone.add(id);
            }
        }
        if (type != ProfileType.APPLICANT_WORKFLOW) {
            workflows.values().stream().filter(w -> gone.contains(type == ProfileType.PERSON ? w.personId() : w.jobId()))
                    .map(Workflow::id).toList().forEach(w -> removeOne(ProfileType.APPLICANT_WORKFLOW, w));
        }
        return gone.size();
    }

    /** The API user loses access (B7): GET ⇒ 404 code 3, hidden from search. No data-stream event [ASSUME]. */
    public synchronized void revokeAccess(ProfileType type, long id) {
        existing(type, id, map(type));
        revoked.get(type).add(id);
    }

    public synchronized void restoreAccess(ProfileType type, long id) {
        revoked.get(type).remove(id);
    }

    /**
     * Replaces a person's resume. Whether that bumps {@code person.updateddate} is an open question; the
     * default is no [ASSUME worst case], but the data stream always reports it.
     */
    public synchronized void setResume(long personId, byte[] bytes, String contentType, String filename) {
        existing(ProfileType.PERSON, personId, people);
        resumeOverrides.put(personId, Optional.of(new StoredResume(bytes.clone(), contentType, filename)));
        resumeChanged(personId);
    }

    /** Removes a person's resume: the binary endpoint then answers 404 code 2. */
    public synchronized void removeResume(long personId) {
        existing(ProfileType.PERSON, personId, people);
        resumeOverrides.put(personId, Optional.empty());
        resumeChanged(personId);
    }

    private void resumeChanged(long personId) {
        if (resumeChangesBumpPerson) {
            touchPersonIf(true, personId);
        } else {
            events.append(ProfileType.PERSON, personId, ChangeEvent.Type.UPDATED, clock.now(), null);
        }
    }

    private void touchPersonIf(boolean condition, long personId) {
        Person p = people.get(personId);
        if (condition && p != null) {
            people.put(personId, new Person(p.id(), p.firstname(), p.middlename(), p.lastname(), p.email(), p.phones(),
                    p.addresses(), p.folder(), p.externalid(), p.createddate(), clock.nowMinute(), p.fieldStamps(),
                    p.linkedinUrl(), p.linkedinInField(), p.details(), p.detailSeed(), p.sourceProfileId()));
            events.append(ProfileType.PERSON, personId, ChangeEvent.Type.UPDATED, clock.now(), null);
        }
    }

    private void remove(ProfileType type, long id) {
        removeOne(type, id);
        if (type != ProfileType.APPLICANT_WORKFLOW) {
            List<Long> orphans = workflows.values().stream()
                    .filter(w -> type == ProfileType.PERSON ? w.personId() == id : w.jobId() == id)
                    .map(Workflow::id).toList();
            orphans.forEach(w -> remove(ProfileType.APPLICANT_WORKFLOW, w));
        }
    }

    /** Removes one record, without its workflows. */
    private void removeOne(ProfileType type, long id) {
        map(type).remove(id);
        revoked.get(type).remove(id);
        events.append(type, id, ChangeEvent.Type.DELETED, clock.now(), null);
        if (type == ProfileType.PERSON) {
            resumeOverrides.remove(id);
        }
    }

    private long nextId(ProfileType type) {
        long id = highestId.get(type) + 1;
        highestId.put(type, id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private <R> ConcurrentSkipListMap<Long, R> map(ProfileType type) {
        return (ConcurrentSkipListMap<Long, R>) switch (type) {
            case PERSON -> people;
            case JOB -> jobs;
            case APPLICANT_WORKFLOW -> workflows;
        };
    }

    private static <R> R existing(ProfileType type, long id, Map<Long, R> map) {
        R record = map.get(id);
        if (record == null) {
            throw new NoSuchElementException(type.displayName() + " not found: " + id);
        }
        return record;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
