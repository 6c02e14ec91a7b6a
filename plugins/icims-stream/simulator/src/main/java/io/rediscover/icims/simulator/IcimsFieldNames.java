package io.rediscover.icims.simulator;

/**
 * Every iCIMS field and envelope name the simulator speaks, in one place.
 *
 * <p>Names tagged [DOC]/[OBS] come from public iCIMS pages or open-source clients (see
 * shared/icims-api.md). Names tagged [ASSUME] are our reconstruction: nobody outside an iCIMS tenant has
 * published them. When a real tenant's Schema API disagrees, this is the one class to change, and the
 * connector must already tolerate the difference (it requests fields by name and ignores the rest).
 */
public final class IcimsFieldNames {
    private IcimsFieldNames() {
    }

    // ---- common ---------------------------------------------------------------------------------
    /** System id; only in a GET body when requested via {@code fields=id} [OBS C2, C5]. */
    public static final String ID = "id";
    /** Self link array present on every profile [DOC S12]. */
    public static final String LINKS = "links";
    /** Datetime stamps; searchable under these names [DOC S1], returned under the same names [ASSUME]. */
    public static final String CREATED_DATE = "createddate";
    public static final String UPDATED_DATE = "updateddate";
    public static final String FOLDER = "folder";
    public static final String EXTERNAL_ID = "externalid";
    /** Entry id inside every collection group [DOC S10]; the key name "entry" [ASSUME]. */
    public static final String ENTRY = "entry";

    // ---- person ---------------------------------------------------------------------------------
    public static final String FIRST_NAME = "firstname";
    public static final String MIDDLE_NAME = "middlename";
    public static final String LAST_NAME = "lastname";
    /** Single string [OBS NateKeefe Person.cs]. */
    public static final String EMAIL = "email";
    /** Collection name [DOC S10]; children {@link #PHONE_TYPE}, {@link #PHONE_NUMBER} [ASSUME]. */
    public static final String PHONES = "phones";
    public static final String PHONE_TYPE = "phonetype";
    public static final String PHONE_NUMBER = "phonenumber";
    /** Collection name and {@code addresscity} [DOC S10]; {@code addressstate} as list object [OBS C5]. */
    public static final String ADDRESSES = "addresses";
    /** Street line name [ASSUME]. */
    public static final String ADDRESS_STREET1 = "addressstreet1";
    public static final String ADDRESS_CITY = "addresscity";
    public static final String ADDRESS_STATE = "addressstate";
    public static final String ADDRESS_ZIP = "addresszip";
    /** Country as a list object [ASSUME: lists back countries in iCIMS as they back states]. */
    public static final String ADDRESS_COUNTRY = "addresscountry";
    /** Work-experience collection and its children: all names [ASSUME] (Gem writes company, title, start). */
    public static final String WORK_EXPERIENCE = "workexperience";
    public static final String WORK_EMPLOYER = "workemployer";
    public static final String WORK_TITLE = "worktitle";
    public static final String WORK_START_DATE = "workstartdate";
    public static final String WORK_END_DATE = "workenddate";
    /** "Yes"/"No" string [ASSUME]; an entry without end date is current either way. */
    public static final String WORK_IS_CURRENT = "workiscurrent";
    /** Education collection and children [ASSUME names]; School/Degree/Major are list-backed [DOC Person model]. */
    public static final String EDUCATION = "education";
    public static final String SCHOOL = "school";
    public static final String DEGREE = "degree";
    public static final String MAJOR = "major";
    public static final String EDUCATION_START_DATE = "educationstartdate";
    public static final String GRADUATION_DATE = "graduationdate";
    /**
     * Default id of the tenant-specific custom text field holding a LinkedIn URL. iCIMS has no native
     * LinkedIn field [3P S24]; the id is [ASSUME] and configurable ({@link SimulatorConfig.Builder#linkedinFieldId}).
     */
    public static final String DEFAULT_LINKEDIN_FIELD = "field4711";
    /** Binary resume field [DOC S9]. */
    public static final String RESUME = "resume";

    /** Per-field change stamps, searchable only [DOC S1]. */
    public static final String FIRSTNAME_LAST_UPDATED = "firstnamelastupdated";
    public static final String LASTNAME_LAST_UPDATED = "lastnamelastupdated";
    public static final String EMAIL_LAST_UPDATED = "emaillastupdated";
    public static final String JOBTITLE_LAST_UPDATED = "jobtitlelastupdated";
    public static final String FOLDER_LAST_UPDATED = "folderlastupdated";
    public static final String ADDRESS_LAST_UPDATED = "addresslastupdated";

    // ---- job ------------------------------------------------------------------------------------
    public static final String JOB_TITLE = "jobtitle";
    /** Display requisition number, not the system id [OBS C2]. */
    public static final String JOB_ID = "jobid";
    /** Search filter name of the requisition number [DOC S1]. */
    public static final String JOB_NUMBER = "jobnumber";
    public static final String RECRUITER = "recruiter";
    public static final String HIRING_MANAGER = "hiringmanager";
    /** {id, companyid, value, address} [OBS C2, C5]. */
    public static final String JOB_LOCATION = "joblocation";
    public static final String COMPANY_ID = "companyid";
    public static final String ADDRESS = "address";
    /** List object [OBS C2 names it; shape as a list object is ASSUME]. */
    public static final String POSITION_CATEGORY = "positioncategory";

    // ---- recruiting workflow --------------------------------------------------------------------
    /** The person [DOC S12]. */
    public static final String ASSOCIATED_PROFILE = "associatedprofile";
    /** The job; GET shape same as associatedprofile [ASSUME]. */
    public static final String BASE_PROFILE = "baseprofile";
    /** {id, value} e.g. D10100 "Recently Applied" [DOC S11, OBS C8]. */
    public static final String STATUS = "status";
    /** Stage group; searchable [DOC S1], GET name [ASSUME]. */
    public static final String BIN = "bin";
    /** Names as on sourcing workflows [DOC model], on recruiting workflows [ASSUME]. */
    public static final String SOURCE = "source";
    public static final String SOURCE_NAME = "sourcename";

    // ---- value shapes ---------------------------------------------------------------------------
    /** List objects: {id, value, formattedvalue} [DOC S15]. */
    public static final String LIST_ID = "id";
    public static final String LIST_VALUE = "value";
    public static final String LIST_FORMATTED_VALUE = "formattedvalue";
    /** Person/job links: {id, value, profile} [DOC S15, S12]. */
    public static final String LINK_PROFILE = "profile";

    // ---- envelopes (camelCase) ------------------------------------------------------------------
    public static final String SEARCH_RESULTS = "searchResults";
    public static final String SELF = "self";
    public static final String ERRORS = "errors";
    public static final String ERROR_MESSAGE = "errorMessage";
    public static final String ERROR_CODE = "errorCode";
}
