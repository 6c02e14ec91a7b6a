package io.rediscover.icims;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything this connector assumes about iCIMS that no public iCIMS page confirms (tagged [ASSUME] in
 * {@code shared/icims-api.md}), in one place, so it can be changed when a real tenant says otherwise. Field names that
 * iCIMS documents are here too, so the mapping reads from one vocabulary.
 *
 * <p>The rule for what is unconfirmed: check it, and when it does not hold, degrade with a visible warning rather than
 * refuse a connection or drop records. How each assumption falls back:
 * <ul>
 *   <li><b>Data Stream</b> (§4, shape [OBS C3] and [ASSUME]): resolved tolerantly ({@link StreamResolver}); a stream
 *       that cannot be used (no licence, an unknown shape, a refusal) leaves the connection connected with a warning,
 *       and changes are found by the {@code updateddate} search and deletions by reconciliation.</li>
 *   <li><b>Workflows</b>: paged by {@code applicantworkflow.id} (not in the published filter list, but used for paging
 *       in practice [OBS C6]); the check warns when a tenant refuses it. Range filters on the reference field
 *       {@code applicantworkflow.person.id} are not used at all: no public page says iCIMS supports them.</li>
 *   <li><b>401</b> (§5.2, [ASSUME] shape): a refused token is renewed once at once, then with backoff; a refusal that
 *       persists is transient (tokens revoked under load), never a configuration error.</li>
 *   <li><b>Counts</b>: there is no count endpoint; estimates rest only on documented search behaviour (ascending ids,
 *       at most 1,000 per page, §2.5), see {@link CountEstimator}.</li>
 * </ul>
 */
final class IcimsAssumptions {

    private IcimsAssumptions() {
    }

    // ---- Person fields (§3.2). Phones, addresses, work experience and education child names are [ASSUME].
    static final String FIRST_NAME = "firstname";
    static final String MIDDLE_NAME = "middlename";
    static final String LAST_NAME = "lastname";
    static final String EMAIL = "email";
    static final String FOLDER = "folder";
    static final String UPDATED = "updateddate";
    static final String PHONES = "phones";
    static final String PHONE_NUMBER = "phonenumber";
    static final String ADDRESSES = "addresses";
    static final String CITY = "addresscity";
    static final String STATE = "addressstate";
    static final String ZIP = "addresszip";
    static final String COUNTRY = "addresscountry";
    static final String WORK = "workexperience";
    static final String WORK_EMPLOYER = "workemployer";
    static final String WORK_TITLE = "worktitle";
    static final String WORK_START = "workstartdate";
    static final String WORK_END = "workenddate";
    static final String WORK_CURRENT = "workiscurrent";
    static final String EDUCATION = "education";
    static final String SCHOOL = "school";
    static final String DEGREE = "degree";
    static final String MAJOR = "major";
    static final String EDUCATION_START = "educationstartdate";
    static final String GRADUATION = "graduationdate";

    /** Person fields requested on every GET ([ASSUME] names above; LinkedIn custom fields are added per tenant). */
    static final List<String> PERSON_FIELDS = List.of("id", FIRST_NAME, MIDDLE_NAME, LAST_NAME, EMAIL, FOLDER, UPDATED,
            "createddate", PHONES, ADDRESSES, WORK, EDUCATION);

    // ---- Job fields (§3.5): jobtitle, jobid, folder, recruiter, hiringmanager, joblocation are [OBS]; dates [ASSUME].
    static final String JOB_TITLE = "jobtitle";
    static final String JOB_NUMBER = "jobid";
    static final String RECRUITER = "recruiter";
    static final String HIRING_MANAGER = "hiringmanager";
    static final String JOB_LOCATION = "joblocation";
    static final List<String> JOB_FIELDS = List.of("id", JOB_TITLE, JOB_NUMBER, FOLDER, RECRUITER, HIRING_MANAGER,
            JOB_LOCATION, UPDATED);

    // ---- Recruiting workflow fields (§3.4): associatedprofile [DOC]; baseprofile GET shape, bin, source [ASSUME].
    static final String PERSON_LINK = "associatedprofile";
    static final String JOB_LINK = "baseprofile";
    static final String STATUS = "status";
    static final String BIN = "bin";
    static final String SOURCE = "source";
    static final String SOURCE_NAME = "sourcename";
    static final List<String> WORKFLOW_FIELDS = List.of("id", PERSON_LINK, JOB_LINK, STATUS, BIN, SOURCE, SOURCE_NAME, UPDATED);

    // ---- Merges and purges (§6): the discarded profile is renamed "Merged with <id> - <date>" and moved to Purge.
    static final String MERGED_PREFIX = "Merged with ";
    static final String PURGE_FOLDER = "Purge";

    // ---- Errors (§5.2): 404 with errorCode 2 = gone, 3 = exists but not visible to this user.
    static final int CODE_NOT_FOUND = 2;
    static final int CODE_ACCESS_DENIED = 3;

    // ---- Tokens (§1.2).
    /**
     * OAuth error codes by which the token endpoint refuses the credentials: RFC 6749 §5.2 and Auth0's
     * {@code access_denied}, which iCIMS's (Auth0-like) login answers for bad credentials [3P S26]. A 401 or 403 from
     * the token endpoint is a refusal whatever its body says.
     */
    static final Set<String> TOKEN_REFUSALS = Set.of("invalid_client", "unauthorized_client", "invalid_grant", "access_denied");

    /**
     * [ASSUME] The token endpoint answers 401 access_denied for both a wrong id and a wrong secret; an unknown client
     * is told apart by its description mentioning the client. Anything else blames the secret. (This only picks the
     * field a failed check names; whether it is a configuration error is decided by the status and error code.)
     */
    static boolean blamesClientId(String errorDescription) {
        String d = errorDescription == null ? "" : errorDescription.toLowerCase(Locale.ROOT);
        return d.contains("client") && !d.contains("secret");
    }

    // ---- Customer (§1.1): customer ids are numeric [DOC S2]. The one public Data Stream client keys the stream path
    // by customer id [OBS C3], so a numeric Stream ID may be the customer id itself: that is how a tenant without a
    // Data Stream licence connects (its Stream ID field then holds the customer id).
    static boolean couldBeCustomerId(String streamId) {
        return !streamId.isEmpty() && streamId.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    // ---- Daily quota (§5.1): 10,000 web-service requests per customer per day on a standard licence [DOC S7], shared
    // with the customer's other integrations. When it resets is not documented: the org admin sets the reset hour.
    static final long DAILY_QUOTA = 10_000;

    /**
     * [ASSUME] A search filter with several values matches a record when any value does (§2.2: values are always
     * arrays), so the workflows of a page of people are found with one {@code applicantworkflow.person.id} search
     * (equality on a reference field, documented [DOC S1]; no range). A tenant that refuses it (400) or ignores all but
     * the first value loses nothing: the download's last step reads every workflow it has not read.
     */
    static final int PEOPLE_PER_WORKFLOW_SEARCH = 200;

    /**
     * [ASSUME] What reading one person costs in requests, until a download has measured it: the person, their resume,
     * about two workflows, now and then a job, and a share of the searches.
     */
    static final double REQUESTS_PER_PERSON = 4.0;

    /**
     * [ASSUME] The most workflows one person has, until a download has seen more: batches near the end of the day's
     * budget are sized for people this busy, so the budget runs out between batches, not in the middle of one.
     */
    static final int WORKFLOWS_PER_PERSON_AT_WORST = 3;

    // ---- Data Stream (§4.2, E1, [ASSUME] shape): streams list {streams:[{streamId, customerId}]}; subscriptions
    // {subscriptions:[{subscriptionId, streamId?, customerId?}]} under /streams/{customerId or streamId}; events
    // {eventId, profileType: person|job|applicantworkflow, systemId, eventType: created|updated|deleted|merged,
    // mergedInto?, last_updated_timestamp}, paged by lastEvaluatedKey / exclusiveStartKey; the last page has no key, and
    // the next run starts after the last event read, whose eventId is its key (as a DynamoDB key is its last item's).
    // Any 4xx from a stream path (403 without a licence) means the stream cannot be used, not that the connection is
    // misconfigured.
    static final String PROFILE_PERSON = "person";
    static final String PROFILE_JOB = "job";
    static final String PROFILE_WORKFLOW = "applicantworkflow";
}
