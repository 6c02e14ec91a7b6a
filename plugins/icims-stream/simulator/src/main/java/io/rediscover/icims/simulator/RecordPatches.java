package io.rediscover.icims.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Applies control-API field changes to records. Changes are keyed by iCIMS field name (the same names a
 * client GETs), values are strings; list fields take a node id or its text; an empty value clears an
 * optional field. Each applier stamps {@code updateddate} and the matching {@code …lastupdated} stamps.
 */
final class RecordPatches {
    private final String linkedinFieldId;

    RecordPatches(String linkedinFieldId) {
        this.linkedinFieldId = linkedinFieldId;
    }

    Person person(Person p, PersonDetails currentDetails, Map<String, String> changes, Instant now) {
        String first = p.firstname(), middle = p.middlename(), last = p.lastname(), email = p.email();
        String externalId = p.externalid(), linkedin = p.linkedinUrl();
        boolean linkedinInField = p.linkedinInField();
        ListNode folder = p.folder();
        List<Phone> phones = p.phones();
        List<Address> addresses = p.addresses();
        PersonDetails details = p.details();
        Map<String, Instant> stamps = new HashMap<>(p.fieldStamps());
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String field = change.getKey();
            String value = blankToNull(change.getValue());
            switch (field) {
                case IcimsFieldNames.FIRST_NAME -> {
                    first = required(field, value);
                    stamps.put(IcimsFieldNames.FIRSTNAME_LAST_UPDATED, now);
                }
                case IcimsFieldNames.LAST_NAME -> {
                    last = required(field, value);
                    stamps.put(IcimsFieldNames.LASTNAME_LAST_UPDATED, now);
                }
                case IcimsFieldNames.MIDDLE_NAME -> middle = value;
                case IcimsFieldNames.EMAIL -> {
                    email = value;
                    stamps.put(IcimsFieldNames.EMAIL_LAST_UPDATED, now);
                }
                case IcimsFieldNames.EXTERNAL_ID -> externalId = value;
                case IcimsFieldNames.FOLDER -> {
                    folder = ListCatalog.personFolder(required(field, value))
                            .orElseThrow(() -> new IllegalArgumentException("unknown person folder: " + change.getValue()));
                    stamps.put(IcimsFieldNames.FOLDER_LAST_UPDATED, now);
                }
                case IcimsFieldNames.PHONE_NUMBER -> {
                    List<Phone> updated = new ArrayList<>(phones);
                    if (value == null) {
                        updated.clear();
                    } else if (updated.isEmpty()) {
                        updated.add(new Phone(ContactFactory.entryId(p.id(), ContactFactory.PHONES, 0), ListCatalog.PHONE_MOBILE, value));
                    } else {
                        updated.set(0, new Phone(updated.get(0).entry(), updated.get(0).phonetype(), value));
                    }
                    phones = updated;
                }
                case IcimsFieldNames.ADDRESS_STREET1, IcimsFieldNames.ADDRESS_CITY, IcimsFieldNames.ADDRESS_STATE,
                        IcimsFieldNames.ADDRESS_ZIP, IcimsFieldNames.ADDRESS_COUNTRY -> {
                    addresses = List.of(address(p.id(), addresses.isEmpty() ? null : addresses.get(0), field, value));
                    stamps.put(IcimsFieldNames.ADDRESS_LAST_UPDATED, now);
                }
                case IcimsFieldNames.WORK_TITLE, IcimsFieldNames.WORK_EMPLOYER -> {
                    details = newCurrentJob(p.id(), details != null ? details : currentDetails, field, value, now);
                    stamps.put(IcimsFieldNames.JOBTITLE_LAST_UPDATED, now);
                }
                default -> {
                    if (field.equals(linkedinFieldId) || field.equals("linkedinurl")) {
                        linkedin = value;
                        linkedinInField = value != null;
                    } else {
                        throw new IllegalArgumentException("person field not supported by the control API: " + field);
                    }
                }
            }
        }
        return new Person(p.id(), first, middle, last, email, phones, addresses, folder, externalId, p.createddate(), now,
                stamps, linkedin, linkedinInField, details, p.detailSeed(), p.sourceProfileId());
    }

    Job job(Job j, Map<String, String> changes, Instant now, Tenant tenant) {
        String title = j.jobtitle(), requisition = j.jobid(), externalId = j.externalid();
        ListNode folder = j.folder(), category = j.positioncategory();
        Long recruiter = j.recruiterId(), manager = j.hiringManagerId();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String value = blankToNull(change.getValue());
            switch (change.getKey()) {
                case IcimsFieldNames.JOB_TITLE -> title = required(change.getKey(), value);
                case IcimsFieldNames.JOB_ID -> requisition = value;
                case IcimsFieldNames.EXTERNAL_ID -> externalId = value;
                case IcimsFieldNames.FOLDER -> folder = ListCatalog.jobFolder(required(change.getKey(), value))
                        .orElseThrow(() -> new IllegalArgumentException("unknown job folder: " + change.getValue()));
                case IcimsFieldNames.POSITION_CATEGORY -> category = value == null ? null : ListCatalog.positionCategory(value);
                case IcimsFieldNames.RECRUITER -> recruiter = personRef(tenant, value);
                case IcimsFieldNames.HIRING_MANAGER -> manager = personRef(tenant, value);
                default -> throw new IllegalArgumentException("job field not supported by the control API: " + change.getKey());
            }
        }
        return new Job(j.id(), title, requisition, folder, recruiter, manager, j.location(), category, externalId,
                j.createddate(), now);
    }

    Workflow workflow(Workflow w, Map<String, String> changes, Instant now) {
        ListNode status = w.status(), bin = w.bin(), source = w.source();
        String sourceName = w.sourcename();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String value = blankToNull(change.getValue());
            switch (change.getKey()) {
                case IcimsFieldNames.STATUS -> {
                    ListCatalog.Status s = ListCatalog.status(required(change.getKey(), value))
                            .orElseThrow(() -> new IllegalArgumentException("unknown status: " + change.getValue()));
                    status = s.node();
                    bin = s.bin();
                }
                case IcimsFieldNames.SOURCE -> source = value == null ? null : ListCatalog.source(value)
                        .orElseThrow(() -> new IllegalArgumentException("unknown source: " + change.getValue()));
                case IcimsFieldNames.SOURCE_NAME -> sourceName = value;
                default -> throw new IllegalArgumentException("workflow field not supported by the control API: " + change.getKey());
            }
        }
        return new Workflow(w.id(), w.personId(), w.jobId(), status, bin, source, sourceName, w.createddate(), now);
    }

    private static Address address(long personId, Address current, String field, String value) {
        Address a = current != null ? current
                : new Address(ContactFactory.entryId(personId, ContactFactory.ADDRESSES, 0), null, null, null, null, null);
        return switch (field) {
            case IcimsFieldNames.ADDRESS_STREET1 -> new Address(a.entry(), value, a.city(), a.state(), a.zip(), a.country());
            case IcimsFieldNames.ADDRESS_CITY -> new Address(a.entry(), a.street1(), value, a.state(), a.zip(), a.country());
            case IcimsFieldNames.ADDRESS_STATE -> new Address(a.entry(), a.street1(), a.city(),
                    value == null ? null : ListCatalog.state(value), a.zip(), a.country());
            case IcimsFieldNames.ADDRESS_ZIP -> new Address(a.entry(), a.street1(), a.city(), a.state(), value, a.country());
            default -> new Address(a.entry(), a.street1(), a.city(), a.state(), a.zip(),
                    value == null ? null : ListCatalog.country(value));
        };
    }

    /** A new title or employer means a job change: the old current job ends, a new one starts today. */
    private static PersonDetails newCurrentJob(long personId, PersonDetails details, String field, String value, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        List<WorkExperience> work = new ArrayList<>();
        WorkExperience previous = details.workexperience().isEmpty() ? null : details.workexperience().get(0);
        String employer = field.equals(IcimsFieldNames.WORK_EMPLOYER) ? value : previous == null ? null : previous.employer();
        String title = field.equals(IcimsFieldNames.WORK_TITLE) ? value : previous == null ? null : previous.title();
        work.add(new WorkExperience(0, employer, title, today.withDayOfMonth(1), null));
        for (WorkExperience w : details.workexperience()) {
            work.add(w.current() ? new WorkExperience(0, w.employer(), w.title(), w.start(), today.withDayOfMonth(1)) : w);
        }
        List<WorkExperience> renumbered = new ArrayList<>();
        for (int i = 0; i < work.size() && i < 10; i++) {
            WorkExperience w = work.get(i);
            renumbered.add(new WorkExperience(ContactFactory.entryId(personId, ContactFactory.WORK, i), w.employer(), w.title(), w.start(), w.end()));
        }
        return new PersonDetails(renumbered, details.education(), details.skills(), details.resume());
    }

    private static Long personRef(Tenant tenant, String value) {
        if (value == null) {
            return null;
        }
        long id = Long.parseLong(value);
        if (tenant.person(id).isEmpty()) {
            throw new NoSuchElementException("no person " + id);
        }
        return id;
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
