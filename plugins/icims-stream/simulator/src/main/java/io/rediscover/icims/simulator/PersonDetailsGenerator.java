package io.rediscover.icims.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives a generated person's work history, education, skills and resume layout from the person's
 * {@code detailSeed}. Pure function of (person, anchor date), so it runs lazily on GET or resume download
 * and a 100,000-person tenant holds none of it in memory.
 */
final class PersonDetailsGenerator {
    private final Vocabulary vocab = Vocabulary.get();
    private final ContactFactory contacts = new ContactFactory();
    private final LocalDate anchor;

    /** @param anchor "today" of the generated careers: current jobs started before it */
    PersonDetailsGenerator(LocalDate anchor) {
        this.anchor = anchor;
    }

    PersonDetails details(Person person) {
        Dice dice = new Dice(person.detailSeed());
        String category = dice.pick(vocab.titles).category();
        List<WorkExperience> work = work(dice, person.id(), category);
        LocalDate careerStart = work.isEmpty() ? anchor.minusYears(dice.between(1, 8)) : work.get(work.size() - 1).start();
        List<Education> education = education(dice, person.id(), careerStart);
        List<String> skills = skills(dice);
        ResumeSpec resume = resume(dice, person, category);
        return new PersonDetails(work, education, skills, resume);
    }

    /** 0–5 jobs, newest first; the newest is current in most careers. Titles stay in one field. */
    private List<WorkExperience> work(Dice dice, long personId, String category) {
        int count = dice.weighted(10, 20, 25, 20, 15, 10);
        List<Vocabulary.Title> inField = vocab.titles.stream().filter(t -> t.category().equals(category)).toList();
        List<WorkExperience> work = new ArrayList<>(count);
        LocalDate cursor = anchor;
        Set<String> employers = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            boolean current = i == 0 && dice.chance(0.75);
            LocalDate end = current ? null : cursor.minusMonths(dice.between(0, 5)).withDayOfMonth(1);
            LocalDate start = (end == null ? cursor : end).minusMonths(dice.between(6, 60)).withDayOfMonth(1);
            String employer;
            do {
                employer = dice.pick(vocab.companies).name();
            } while (!employers.add(employer));
            String title = dice.pick(inField.isEmpty() ? vocab.titles : inField).name();
            work.add(new WorkExperience(ContactFactory.entryId(personId, ContactFactory.WORK, i), employer, title, start, end));
            cursor = start;
        }
        return work;
    }

    /** 0–2 entries, newest first: a bachelor's before the career, sometimes a master's after it. */
    private List<Education> education(Dice dice, long personId, LocalDate careerStart) {
        int count = dice.weighted(15, 65, 20);
        List<Education> education = new ArrayList<>(count);
        LocalDate graduation = careerStart.minusMonths(dice.between(0, 6)).withDayOfMonth(1).withMonth(dice.chance(0.7) ? 5 : 12);
        for (int i = 0; i < count; i++) {
            boolean master = count == 2 && i == 0;
            String degree = master
                    ? dice.pick(List.of("Master of Science", "Master of Business Administration", "Master of Arts", "Master of Engineering"))
                    : dice.pick(vocab.degrees);
            LocalDate start = graduation.minusYears(master ? 2 : 4).withMonth(9);
            ListNode degreeNode = dice.chance(0.95) ? ListCatalog.degree(degree) : null;
            ListNode major = dice.chance(0.9) ? ListCatalog.major(dice.pick(vocab.majors)) : null;
            LocalDate shownStart = dice.chance(0.8) ? start : null;
            education.add(new Education(ContactFactory.entryId(personId, ContactFactory.EDUCATION, i),
                    ListCatalog.school(dice.pick(vocab.schools)), degreeNode, major, shownStart, graduation));
            graduation = start.minusMonths(dice.between(3, 36)).withDayOfMonth(1).withMonth(5);
        }
        return education;
    }

    private List<String> skills(Dice dice) {
        Set<String> skills = new LinkedHashSet<>();
        int count = dice.between(3, 10);
        while (skills.size() < count) {
            skills.add(dice.pick(vocab.skills));
        }
        return List.copyOf(skills);
    }

    /** Most people have a resume (PDF or DOCX); the LinkedIn URL may sit in the header, only the footer, or nowhere. */
    private ResumeSpec resume(Dice dice, Person person, String category) {
        ResumeSpec.Format format = switch (dice.weighted(55, 30, 15)) {
            case 0 -> ResumeSpec.Format.PDF;
            case 1 -> ResumeSpec.Format.DOCX;
            default -> ResumeSpec.Format.NONE;
        };
        ResumeSpec.LinkedinPlacement placement = person.linkedinUrl() == null ? ResumeSpec.LinkedinPlacement.ABSENT
                : switch (dice.weighted(60, 25, 15)) {
                    case 0 -> ResumeSpec.LinkedinPlacement.HEADER;
                    case 1 -> ResumeSpec.LinkedinPlacement.FOOTER;
                    default -> ResumeSpec.LinkedinPlacement.ABSENT;
                };
        String github = dice.chance(category.equals("Engineering") ? 0.5 : 0.05)
                ? contacts.githubUrl(dice, person.firstname(), person.lastname()) : null;
        String summary = dice.pick(List.of(
                "Results-driven %s professional who ships reliable work and mentors others.",
                "%s specialist with a record of improving processes and delivering on time.",
                "Curious, collaborative %s practitioner looking for the next challenge.",
                "Experienced %s professional with strong communication skills.")).formatted(category.toLowerCase(java.util.Locale.ROOT));
        return new ResumeSpec(format, placement, github, summary);
    }
}
