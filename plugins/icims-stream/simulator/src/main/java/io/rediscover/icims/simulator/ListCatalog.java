package io.rediscover.icims.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated tenant's list nodes. Real node ids are tenant-specific [open question 12]; these follow the
 * {@code D#####} look of the ids in iCIMS examples ({@code D10100} "Recently Applied", {@code D31001}
 * "Approved") [DOC S11, OBS C2]. Open-ended lists (states, countries, schools, degrees, majors, position
 * categories) get ids derived from the value's hash so the same value always has the same id, even when
 * it is first seen lazily.
 */
public final class ListCatalog {
    private ListCatalog() {
    }

    // Person folders. "Purge" is where merged/discarded profiles wait for purging [DOC S18, S19].
    public static final ListNode CANDIDATE = new ListNode("D20001", "Candidate");
    public static final ListNode EMPLOYEE = new ListNode("D20002", "Employee");
    public static final ListNode PROSPECT = new ListNode("D20003", "Prospect");
    public static final ListNode INACTIVE = new ListNode("D20004", "Inactive Candidate");
    public static final ListNode HIRED = new ListNode("D20005", "Hired");
    public static final ListNode PERSON_PURGE = new ListNode("D20099", "Purge");
    public static final List<ListNode> PERSON_FOLDERS = List.of(CANDIDATE, EMPLOYEE, PROSPECT, INACTIVE, HIRED, PERSON_PURGE);

    // Job folders.
    public static final ListNode JOB_APPROVED = new ListNode("D31001", "Approved");
    public static final ListNode JOB_OPEN = new ListNode("D31002", "Open");
    public static final ListNode JOB_ON_HOLD = new ListNode("D31003", "On Hold");
    public static final ListNode JOB_CLOSED = new ListNode("D31004", "Closed");
    public static final ListNode JOB_FILLED = new ListNode("D31005", "Filled");
    public static final ListNode JOB_PURGE = new ListNode("D31099", "Purge");
    public static final List<ListNode> JOB_FOLDERS = List.of(JOB_APPROVED, JOB_OPEN, JOB_ON_HOLD, JOB_CLOSED, JOB_FILLED, JOB_PURGE);

    // Recruiting-workflow bins (stage groups) and statuses; every status belongs to one bin.
    public static final ListNode BIN_NEW = new ListNode("D10000", "New Submissions");
    public static final ListNode BIN_SCREENING = new ListNode("D11000", "Screening");
    public static final ListNode BIN_INTERVIEW = new ListNode("D12000", "Interview");
    public static final ListNode BIN_OFFER = new ListNode("D13000", "Offer");
    public static final ListNode BIN_HIRED = new ListNode("D14000", "Hired");
    public static final ListNode BIN_NOT_SELECTED = new ListNode("D15000", "Not Selected");
    public static final List<ListNode> BINS = List.of(BIN_NEW, BIN_SCREENING, BIN_INTERVIEW, BIN_OFFER, BIN_HIRED, BIN_NOT_SELECTED);

    /** A status and the bin it sits in. */
    public record Status(ListNode node, ListNode bin) {
    }

    public static final List<Status> STATUSES = List.of(
            new Status(new ListNode("D10100", "Recently Applied"), BIN_NEW),
            new Status(new ListNode("D10105", "Reviewed"), BIN_NEW),
            new Status(new ListNode("D11100", "Phone Screen Scheduled"), BIN_SCREENING),
            new Status(new ListNode("D11110", "Recruiter Screen Complete"), BIN_SCREENING),
            new Status(new ListNode("D12100", "First Interview"), BIN_INTERVIEW),
            new Status(new ListNode("D12110", "Second Interview"), BIN_INTERVIEW),
            new Status(new ListNode("D12120", "Final Interview"), BIN_INTERVIEW),
            new Status(new ListNode("D13100", "Offer Extended"), BIN_OFFER),
            new Status(new ListNode("D13110", "Offer Accepted"), BIN_OFFER),
            new Status(new ListNode("D14100", "Hired"), BIN_HIRED),
            new Status(new ListNode("D15100", "Rejected - Not Qualified"), BIN_NOT_SELECTED),
            new Status(new ListNode("D15110", "Candidate Withdrew"), BIN_NOT_SELECTED),
            new Status(new ListNode("D15120", "Position Filled"), BIN_NOT_SELECTED));

    public static final List<ListNode> SOURCES = List.of(
            new ListNode("D00005", "Career Site"), new ListNode("D00006", "LinkedIn"),
            new ListNode("D00007", "Indeed"), new ListNode("D00008", "Employee Referral"),
            new ListNode("D00009", "Agency"), new ListNode("D00010", "Glassdoor"),
            new ListNode("D00011", "Job Fair"), new ListNode("D00012", "Internal Mobility"));

    public static final ListNode PHONE_MOBILE = new ListNode("D00002", "Mobile");
    public static final ListNode PHONE_HOME = new ListNode("D00020", "Home");
    public static final ListNode PHONE_WORK = new ListNode("D00021", "Work");
    public static final List<ListNode> PHONE_TYPES = List.of(PHONE_MOBILE, PHONE_HOME, PHONE_WORK);

    /** Finds a person folder by id or text. */
    public static Optional<ListNode> personFolder(String idOrValue) {
        return PERSON_FOLDERS.stream().filter(n -> n.matches(idOrValue)).findFirst();
    }

    /** Finds a job folder by id or text. */
    public static Optional<ListNode> jobFolder(String idOrValue) {
        return JOB_FOLDERS.stream().filter(n -> n.matches(idOrValue)).findFirst();
    }

    /** Finds a workflow status by id or text. */
    public static Optional<Status> status(String idOrValue) {
        return STATUSES.stream().filter(s -> s.node().matches(idOrValue)).findFirst();
    }

    /** Finds a source by id or text. */
    public static Optional<ListNode> source(String idOrValue) {
        return SOURCES.stream().filter(n -> n.matches(idOrValue)).findFirst();
    }

    /** Finds a phone type by id or text. */
    public static Optional<ListNode> phoneType(String idOrValue) {
        return PHONE_TYPES.stream().filter(n -> n.matches(idOrValue)).findFirst();
    }

    public static ListNode state(String value) {
        return hashed("D4", value);
    }

    public static ListNode country(String value) {
        return hashed("D5", value);
    }

    public static ListNode school(String value) {
        return hashed("D6", value);
    }

    public static ListNode degree(String value) {
        return hashed("D7", value);
    }

    public static ListNode major(String value) {
        return hashed("D8", value);
    }

    public static ListNode positionCategory(String value) {
        return hashed("D9", value);
    }

    /** Shared instances: 100,000 people in 60 cities need 60 state nodes, not 100,000. */
    private static final Map<String, ListNode> HASHED = new ConcurrentHashMap<>();

    /** Open-ended list node whose id is a stable function of its text. */
    private static ListNode hashed(String prefix, String value) {
        return HASHED.computeIfAbsent(prefix + "|" + value, k -> {
            int h = Math.floorMod(value.toLowerCase(Locale.ROOT).hashCode(), 10_000);
            return new ListNode(prefix + String.format(Locale.ROOT, "%04d", h), value);
        });
    }
}
