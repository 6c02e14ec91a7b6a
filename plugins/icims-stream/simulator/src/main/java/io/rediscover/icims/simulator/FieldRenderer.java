package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders profile GET bodies (A4) in iCIMS value shapes [DOC S15]: strings; {@code yyyy-mm-dd hh:mm a}
 * datetimes; {@code yyyy-mm-dd} dates; list objects {@code {id,value,formattedvalue}}; person/job links
 * {@code {id,value,profile}}; collections as arrays of groups carrying an {@code entry} id. Only requested
 * fields that have a value appear; {@code id} only when requested; {@code links} always.
 */
final class FieldRenderer {
    /** Without {@code fields=}: a small default subset [OBS C1 reads these from a bare GET; the rest ASSUME]. */
    static final List<String> DEFAULT_PERSON_FIELDS = List.of(IcimsFieldNames.FIRST_NAME, IcimsFieldNames.LAST_NAME, IcimsFieldNames.FOLDER);
    static final List<String> DEFAULT_JOB_FIELDS = List.of(IcimsFieldNames.JOB_TITLE, IcimsFieldNames.FOLDER);
    static final List<String> DEFAULT_WORKFLOW_FIELDS = List.of(IcimsFieldNames.ASSOCIATED_PROFILE,
            IcimsFieldNames.BASE_PROFILE, IcimsFieldNames.STATUS);

    /** A rendered body plus the requested names that are not fields of this profile type. */
    record Rendered(ObjectNode body, List<String> unknownFields) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String apiBase;
    private final String linkedinFieldId;
    private final Tenant tenant;

    /** @param apiBase e.g. {@code http://127.0.0.1:8080/customers/1234} */
    FieldRenderer(String apiBase, String linkedinFieldId, Tenant tenant) {
        this.apiBase = apiBase;
        this.linkedinFieldId = linkedinFieldId;
        this.tenant = tenant;
    }

    String profileUrl(ProfileType type, long id) {
        return apiBase + "/" + type.pathSegment() + "/" + id;
    }

    Rendered render(ProfileType type, Object record, List<String> requested) {
        ObjectNode body = NODES.objectNode();
        List<String> unknown = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>(requested);
        long id = switch (type) {
            case PERSON -> ((Person) record).id();
            case JOB -> ((Job) record).id();
            case APPLICANT_WORKFLOW -> ((Workflow) record).id();
        };
        PersonDetails details = null;
        for (String field : fields) {
            if (field.equals(IcimsFieldNames.ID)) {
                body.put(IcimsFieldNames.ID, id);
                continue;
            }
            boolean known = switch (type) {
                case PERSON -> {
                    Person p = (Person) record;
                    if (details == null && isDetailField(field)) {
                        details = tenant.details(p);
                    }
                    yield person(body, p, details, field);
                }
                case JOB -> job(body, (Job) record, field);
                case APPLICANT_WORKFLOW -> workflow(body, (Workflow) record, field);
            };
            if (!known) {
                unknown.add(field);
            }
        }
        ArrayNode links = body.putArray(IcimsFieldNames.LINKS);
        links.addObject().put("rel", "self").put("title", "The current profile being viewed.").put("url", profileUrl(type, id));
        return new Rendered(body, unknown);
    }

    private static boolean isDetailField(String field) {
        return field.equals(IcimsFieldNames.WORK_EXPERIENCE) || field.equals(IcimsFieldNames.EDUCATION);
    }

    private boolean person(ObjectNode body, Person p, PersonDetails details, String field) {
        switch (field) {
            case IcimsFieldNames.FIRST_NAME -> text(body, field, p.firstname());
            case IcimsFieldNames.MIDDLE_NAME -> text(body, field, p.middlename());
            case IcimsFieldNames.LAST_NAME -> text(body, field, p.lastname());
            case IcimsFieldNames.EMAIL -> text(body, field, p.email());
            case IcimsFieldNames.EXTERNAL_ID -> text(body, field, p.externalid());
            case IcimsFieldNames.FOLDER -> list(body, field, p.folder());
            case IcimsFieldNames.CREATED_DATE -> datetime(body, field, p.createddate());
            case IcimsFieldNames.UPDATED_DATE -> datetime(body, field, p.updateddate());
            case IcimsFieldNames.PHONES -> {
                if (!p.phones().isEmpty()) {
                    ArrayNode arr = body.putArray(field);
                    for (Phone ph : p.phones()) {
                        ObjectNode e = arr.addObject().put(IcimsFieldNames.ENTRY, ph.entry());
                        list(e, IcimsFieldNames.PHONE_TYPE, ph.phonetype());
                        text(e, IcimsFieldNames.PHONE_NUMBER, ph.phonenumber());
                    }
                }
            }
            case IcimsFieldNames.ADDRESSES -> {
                if (!p.addresses().isEmpty()) {
                    ArrayNode arr = body.putArray(field);
                    for (Address a : p.addresses()) {
                        ObjectNode e = arr.addObject().put(IcimsFieldNames.ENTRY, a.entry());
                        text(e, IcimsFieldNames.ADDRESS_STREET1, a.street1());
                        text(e, IcimsFieldNames.ADDRESS_CITY, a.city());
                        list(e, IcimsFieldNames.ADDRESS_STATE, a.state());
                        text(e, IcimsFieldNames.ADDRESS_ZIP, a.zip());
                        list(e, IcimsFieldNames.ADDRESS_COUNTRY, a.country());
                    }
                }
            }
            case IcimsFieldNames.WORK_EXPERIENCE -> {
                if (!details.workexperience().isEmpty()) {
                    ArrayNode arr = body.putArray(field);
                    for (WorkExperience w : details.workexperience()) {
                        ObjectNode e = arr.addObject().put(IcimsFieldNames.ENTRY, w.entry());
                        text(e, IcimsFieldNames.WORK_EMPLOYER, w.employer());
                        text(e, IcimsFieldNames.WORK_TITLE, w.title());
                        date(e, IcimsFieldNames.WORK_START_DATE, w.start());
                        date(e, IcimsFieldNames.WORK_END_DATE, w.end());
                        e.put(IcimsFieldNames.WORK_IS_CURRENT, w.current() ? "Yes" : "No");
                    }
                }
            }
            case IcimsFieldNames.EDUCATION -> {
                if (!details.education().isEmpty()) {
                    ArrayNode arr = body.putArray(field);
                    for (Education ed : details.education()) {
                        ObjectNode e = arr.addObject().put(IcimsFieldNames.ENTRY, ed.entry());
                        list(e, IcimsFieldNames.SCHOOL, ed.school());
                        list(e, IcimsFieldNames.DEGREE, ed.degree());
                        list(e, IcimsFieldNames.MAJOR, ed.major());
                        date(e, IcimsFieldNames.EDUCATION_START_DATE, ed.start());
                        date(e, IcimsFieldNames.GRADUATION_DATE, ed.graduation());
                    }
                }
            }
            default -> {
                if (!field.equals(linkedinFieldId)) {
                    return false;
                }
                if (p.linkedinInField()) {
                    text(body, field, p.linkedinUrl());
                }
            }
        }
        return true;
    }

    private boolean job(ObjectNode body, Job j, String field) {
        switch (field) {
            case IcimsFieldNames.JOB_TITLE -> text(body, field, j.jobtitle());
            case IcimsFieldNames.JOB_ID -> text(body, field, j.jobid());
            case IcimsFieldNames.EXTERNAL_ID -> text(body, field, j.externalid());
            case IcimsFieldNames.FOLDER -> list(body, field, j.folder());
            case IcimsFieldNames.POSITION_CATEGORY -> list(body, field, j.positioncategory());
            case IcimsFieldNames.RECRUITER -> personLink(body, field, j.recruiterId());
            case IcimsFieldNames.HIRING_MANAGER -> personLink(body, field, j.hiringManagerId());
            case IcimsFieldNames.CREATED_DATE -> datetime(body, field, j.createddate());
            case IcimsFieldNames.UPDATED_DATE -> datetime(body, field, j.updateddate());
            case IcimsFieldNames.JOB_LOCATION -> {
                JobLocation loc = j.location();
                if (loc != null) {
                    body.putObject(field).put(IcimsFieldNames.LIST_ID, loc.id()).put(IcimsFieldNames.COMPANY_ID, loc.companyId())
                            .put(IcimsFieldNames.LIST_VALUE, loc.displayValue())
                            .put(IcimsFieldNames.ADDRESS, apiBase + "/companies/" + loc.companyId() + "/fields/addresses/" + loc.id());
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean workflow(ObjectNode body, Workflow w, String field) {
        switch (field) {
            case IcimsFieldNames.ASSOCIATED_PROFILE -> personLink(body, field, w.personId());
            case IcimsFieldNames.BASE_PROFILE -> tenant.job(w.jobId()).ifPresent(j ->
                    body.putObject(field).put(IcimsFieldNames.LINK_PROFILE, profileUrl(ProfileType.JOB, j.id()))
                            .put(IcimsFieldNames.LIST_ID, j.id()).put(IcimsFieldNames.LIST_VALUE, j.jobtitle()));
            case IcimsFieldNames.STATUS -> list(body, field, w.status());
            case IcimsFieldNames.BIN -> list(body, field, w.bin());
            case IcimsFieldNames.SOURCE -> list(body, field, w.source());
            case IcimsFieldNames.SOURCE_NAME -> text(body, field, w.sourcename());
            case IcimsFieldNames.CREATED_DATE -> datetime(body, field, w.createddate());
            case IcimsFieldNames.UPDATED_DATE -> datetime(body, field, w.updateddate());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code {"profile": url, "id": 107, "value": "Ginger Test"}} [DOC S12]; omitted when the person is gone. */
    private void personLink(ObjectNode body, String field, Long personId) {
        if (personId == null) {
            return;
        }
        tenant.person(personId).ifPresent(p -> body.putObject(field)
                .put(IcimsFieldNames.LINK_PROFILE, profileUrl(ProfileType.PERSON, p.id()))
                .put(IcimsFieldNames.LIST_ID, p.id()).put(IcimsFieldNames.LIST_VALUE, p.displayName()));
    }

    private static void text(ObjectNode body, String field, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(field, value);
        }
    }

    private static void list(ObjectNode body, String field, ListNode node) {
        if (node != null) {
            body.putObject(field).put(IcimsFieldNames.LIST_ID, node.id()).put(IcimsFieldNames.LIST_VALUE, node.value())
                    .put(IcimsFieldNames.LIST_FORMATTED_VALUE, node.value());
        }
    }

    private static void datetime(ObjectNode body, String field, Instant value) {
        if (value != null) {
            body.put(field, IcimsDates.formatDateTime(value));
        }
    }

    private static void date(ObjectNode body, String field, LocalDate value) {
        if (value != null) {
            body.put(field, IcimsDates.formatDate(value));
        }
    }

    /** Splits a {@code fields=} parameter; lower-cases nothing (iCIMS wants lowercase and warns otherwise). */
    static List<String> parseFieldsParam(String param) {
        List<String> out = new ArrayList<>();
        for (String f : param.split(",")) {
            String t = f.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static boolean isLowercase(String field) {
        return field.equals(field.toLowerCase(Locale.ROOT));
    }
}
