package io.rediscover.icims;

import java.util.List;

/**
 * Everything this connector assumes about iCIMS that no public iCIMS page confirms (tagged [ASSUME] in
 * {@code shared/icims-api.md}), in one place, so it can be changed when a real tenant says otherwise. Field names that
 * iCIMS documents are here too, so the mapping reads from one vocabulary.
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

    /**
     * [ASSUME] The token endpoint answers 401 access_denied for both a wrong id and a wrong secret; an unknown client
     * is told apart by its description mentioning the client. Anything else blames the secret.
     */
    static boolean blamesClientId(String errorDescription) {
        String d = errorDescription == null ? "" : errorDescription.toLowerCase(java.util.Locale.ROOT);
        return d.contains("client") && !d.contains("secret");
    }

    // ---- Data Stream (§4.2, E1, [ASSUME] shape): streams list, subscriptions carry streamId and customerId,
    // events {eventId, profileType: person|job|applicantworkflow, systemId, eventType: created|updated|deleted|merged,
    // mergedInto?, last_updated_timestamp}, paged by lastEvaluatedKey / exclusiveStartKey.
    static final String PROFILE_PERSON = "person";
    static final String PROFILE_JOB = "job";
    static final String PROFILE_WORKFLOW = "applicantworkflow";
}
