package io.rediscover.icims.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a deterministic tenant from a seed: people (names of many origins, e-mails, phones, addresses in
 * several countries), jobs and 1–3 recruiting workflows per person. Each record draws from its own
 * seeded stream, so the same seed and anchor always give the same tenant, and the heavy per-person details
 * are left to {@link PersonDetailsGenerator} at read time.
 *
 * <p>Time layout relative to the anchor ("now" at start): people were created over the past six years in
 * id order, jobs over the past three, workflows shortly after their person; updates cluster in the
 * recent past, workflow updates spread over the past two years.
 */
final class TenantGenerator {
    static final long FIRST_PERSON_ID = 101;
    static final long FIRST_JOB_ID = 1001;
    static final long FIRST_WORKFLOW_ID = 5001;
    /** The tenant's own company profile, owner of the job-location addresses. */
    static final long HOME_COMPANY_ID = 6;

    private static final long PERSON_SALT = 1;
    private static final long JOB_SALT = 2;
    private static final long WORKFLOW_SALT = 3;
    private static final long ID_GAP_SALT = 4;
    private static final List<String> AGENCIES = List.of("Robert Half", "Randstad", "Hays", "Adecco", "Kforce", "TEKsystems");

    private final Vocabulary vocab = Vocabulary.get();
    private final ContactFactory contacts = new ContactFactory();
    private final long seed;
    private final Instant anchor;
    private final double linkedinFieldRate;

    /**
     * @param anchor            the tenant's "now": nothing is created or updated after it
     * @param linkedinFieldRate share of people with a LinkedIn profile whose URL is also in the custom field
     */
    TenantGenerator(long seed, Instant anchor, double linkedinFieldRate) {
        this.seed = seed;
        this.anchor = anchor.truncatedTo(ChronoUnit.MINUTES);
        this.linkedinFieldRate = linkedinFieldRate;
    }

    TenantData generate(int peopleCount, int jobCount, List<ProfileCorpusReader.Derived> importedPeople) {
        List<Person> people = new ArrayList<>(peopleCount);
        Map<Long, MatchTruth> truths = new HashMap<>();
        Dice gaps = Dice.forItem(seed, ID_GAP_SALT, 0);
        long id = FIRST_PERSON_ID;
        Instant firstCreated = anchor.minus(Duration.ofDays(6 * 365));
        long span = Duration.between(firstCreated, anchor.minus(Duration.ofDays(1))).toMinutes();
        for (int i = 0; i < peopleCount; i++) {
            Instant created = firstCreated.plus(Duration.ofMinutes(span * i / Math.max(1, peopleCount)));
            Person person = i < importedPeople.size()
                    ? rebase(importedPeople.get(i).person(), id, created)
                    : person(Dice.forItem(seed, PERSON_SALT, i), id, created);
            people.add(person);
            if (i < importedPeople.size()) {
                truths.put(id, importedPeople.get(i).truth());
            } else if (!importedPeople.isEmpty()) {
                truths.put(id, new MatchTruth(null, MatchTruth.Variant.NOT_IN_CORPUS, null));
            }
            id += 1 + (gaps.chance(0.1) ? gaps.between(1, 3) : 0); // B2: increasing, with the gaps deletions leave
        }
        List<Long> employees = people.stream().filter(p -> p.folder().equals(ListCatalog.EMPLOYEE)).map(Person::id).toList();
        List<Job> jobs = new ArrayList<>(jobCount);
        for (int j = 0; j < jobCount; j++) {
            jobs.add(job(Dice.forItem(seed, JOB_SALT, j), FIRST_JOB_ID + j, j, jobCount, employees));
        }
        List<Workflow> workflows = new ArrayList<>(peopleCount * 2);
        long workflowId = FIRST_WORKFLOW_ID;
        for (int i = 0; i < people.size() && !jobs.isEmpty(); i++) {
            Dice dice = Dice.forItem(seed, WORKFLOW_SALT, i);
            int count = 1 + dice.weighted(55, 30, 15);
            for (int k = 0; k < count; k++) {
                workflows.add(workflow(dice, workflowId, people.get(i), dice.pick(jobs), people));
                workflowId += 1 + (gaps.chance(0.05) ? 1 : 0);
            }
        }
        return new TenantData(people, jobs, workflows, Map.copyOf(truths));
    }

    private Person person(Dice dice, long id, Instant created) {
        String first = dice.pick(vocab.firstNames);
        String last = dice.pick(vocab.lastNames);
        String middle = switch (dice.weighted(80, 12, 8)) {
            case 0 -> null;
            case 1 -> dice.pick(vocab.firstNames);
            default -> dice.pick(vocab.firstNames).substring(0, 1) + ".";
        };
        Vocabulary.City city = dice.pick(vocab.cities);
        String email = dice.chance(0.95) ? contacts.email(dice, first, last) : null;
        List<Phone> phones = contacts.phones(dice, id, city.country());
        List<Address> addresses = dice.chance(0.85) ? List.of(contacts.address(dice, id, city)) : List.of();
        ListNode folder = switch (dice.weighted(82, 6, 4, 5, 3)) {
            case 0 -> ListCatalog.CANDIDATE;
            case 1 -> ListCatalog.EMPLOYEE;
            case 2 -> ListCatalog.PROSPECT;
            case 3 -> ListCatalog.INACTIVE;
            default -> ListCatalog.HIRED;
        };
        String externalId = dice.chance(0.25) ? "HRIS-" + dice.digits(6) : null;
        Instant updated = updatedAfter(dice, created, 0.7);
        Map<String, Instant> stamps = updated.equals(created) ? Map.of()
                : Map.of(dice.pick(List.of(IcimsFieldNames.FIRSTNAME_LAST_UPDATED, IcimsFieldNames.LASTNAME_LAST_UPDATED,
                        IcimsFieldNames.EMAIL_LAST_UPDATED, IcimsFieldNames.JOBTITLE_LAST_UPDATED,
                        IcimsFieldNames.FOLDER_LAST_UPDATED, IcimsFieldNames.ADDRESS_LAST_UPDATED)), updated);
        String linkedin = dice.chance(0.7) ? contacts.linkedinUrl(dice, first, last) : null;
        boolean inField = linkedin != null && dice.chance(linkedinFieldRate);
        return new Person(id, first, middle, last, email, phones, addresses, folder, externalId, created, updated,
                stamps, linkedin, inField, null, dice.nextLong(), null);
    }

    /** A person imported from a public profile keeps its content but gets this tenant's id and timeline. */
    private Person rebase(Person imported, long id, Instant created) {
        Dice dice = Dice.forItem(seed, PERSON_SALT, id);
        Instant updated = updatedAfter(dice, created, 0.7);
        PersonDetails details = imported.details() == null ? null : new PersonDetails(
                reEntry(imported.details().workexperience(), id), reEducation(imported.details().education(), id),
                imported.details().skills(), imported.details().resume());
        List<Phone> phones = new ArrayList<>();
        for (int i = 0; i < imported.phones().size(); i++) {
            Phone p = imported.phones().get(i);
            phones.add(new Phone(ContactFactory.entryId(id, ContactFactory.PHONES, i), p.phonetype(), p.phonenumber()));
        }
        List<Address> addresses = new ArrayList<>();
        for (int i = 0; i < imported.addresses().size(); i++) {
            Address a = imported.addresses().get(i);
            addresses.add(new Address(ContactFactory.entryId(id, ContactFactory.ADDRESSES, i), a.street1(), a.city(),
                    a.state(), a.zip(), a.country()));
        }
        return new Person(id, imported.firstname(), imported.middlename(), imported.lastname(), imported.email(),
                phones, addresses, imported.folder(), imported.externalid(), created, updated, Map.of(),
                imported.linkedinUrl(), imported.linkedinInField(), details, imported.detailSeed(), imported.sourceProfileId());
    }

    private static List<WorkExperience> reEntry(List<WorkExperience> work, long id) {
        List<WorkExperience> out = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            WorkExperience w = work.get(i);
            out.add(new WorkExperience(ContactFactory.entryId(id, ContactFactory.WORK, i), w.employer(), w.title(), w.start(), w.end()));
        }
        return out;
    }

    private static List<Education> reEducation(List<Education> education, long id) {
        List<Education> out = new ArrayList<>();
        for (int i = 0; i < education.size(); i++) {
            Education e = education.get(i);
            out.add(new Education(ContactFactory.entryId(id, ContactFactory.EDUCATION, i), e.school(), e.degree(),
                    e.major(), e.start(), e.graduation()));
        }
        return out;
    }

    private Job job(Dice dice, long id, int index, int count, List<Long> employees) {
        Vocabulary.Title title = dice.pick(vocab.titles);
        Instant firstCreated = anchor.minus(Duration.ofDays(3 * 365));
        long span = Duration.between(firstCreated, anchor.minus(Duration.ofDays(1))).toMinutes();
        Instant created = firstCreated.plus(Duration.ofMinutes(span * index / Math.max(1, count)));
        ListNode folder = switch (dice.weighted(15, 40, 8, 30, 7)) {
            case 0 -> ListCatalog.JOB_APPROVED;
            case 1 -> ListCatalog.JOB_OPEN;
            case 2 -> ListCatalog.JOB_ON_HOLD;
            case 3 -> ListCatalog.JOB_CLOSED;
            default -> ListCatalog.JOB_FILLED;
        };
        int cityIndex = dice.between(0, vocab.cities.size() - 1);
        Vocabulary.City city = vocab.cities.get(cityIndex);
        JobLocation location = new JobLocation(cityIndex + 1L, HOME_COMPANY_ID, city.name(),
                city.stateName().equals(city.country()) ? "" : city.stateName(), city.country());
        Long recruiter = !employees.isEmpty() && dice.chance(0.9) ? dice.pick(employees) : null;
        Long manager = !employees.isEmpty() && dice.chance(0.8) ? dice.pick(employees) : null;
        String requisition = created.atZone(ZoneOffset.UTC).getYear() + "-" + id;
        String externalId = dice.chance(0.2) ? "REQ-" + dice.digits(5) : null;
        return new Job(id, title.name(), requisition, folder, recruiter, manager, location,
                ListCatalog.positionCategory(title.category()), externalId, created, updatedAfter(dice, created, 0.8));
    }

    private Workflow workflow(Dice dice, long id, Person person, Job job, List<Person> people) {
        Instant created = person.createddate().plus(Duration.ofMinutes(dice.between(5, 60 * 24 * 60)));
        if (created.isAfter(anchor)) {
            created = anchor.minus(Duration.ofMinutes(dice.between(1, 600)));
        }
        created = created.truncatedTo(ChronoUnit.MINUTES);
        Instant twoYearsAgo = anchor.minus(Duration.ofDays(730));
        Instant from = created.isAfter(twoYearsAgo) ? created : twoYearsAgo;
        Instant updated = from.plus(Duration.ofMinutes((long) (dice.nextDouble() * Duration.between(from, anchor).toMinutes())))
                .truncatedTo(ChronoUnit.MINUTES);
        ListCatalog.Status status = ListCatalog.STATUSES.get(dice.weighted(20, 10, 8, 8, 8, 5, 4, 3, 3, 4, 15, 7, 5));
        ListNode source = ListCatalog.SOURCES.get(dice.weighted(30, 20, 18, 12, 6, 5, 4, 5));
        String sourceName = switch (source.value()) {
            case "LinkedIn" -> dice.chance(0.5) ? "LinkedIn Recruiter" : "LinkedIn Jobs";
            case "Indeed" -> dice.chance(0.5) ? "Indeed Sponsored" : "Indeed Organic";
            case "Employee Referral" -> "Referred by " + dice.pick(people).displayName();
            case "Agency" -> dice.pick(AGENCIES);
            case "Career Site" -> "Careers Page";
            default -> dice.chance(0.5) ? source.value() : null;
        };
        return new Workflow(id, person.id(), job.id(), status.node(), status.bin(), source, sourceName, created, updated);
    }

    /** An update stamp after {@code created}, biased to the recent past; {@code pUpdated} = chance of any update. */
    private Instant updatedAfter(Dice dice, Instant created, double pUpdated) {
        if (!dice.chance(pUpdated)) {
            return created;
        }
        long minutes = Duration.between(created, anchor).toMinutes();
        long offset = (long) (Math.sqrt(dice.nextDouble()) * minutes);
        return created.plus(Duration.ofMinutes(offset)).truncatedTo(ChronoUnit.MINUTES);
    }
}
