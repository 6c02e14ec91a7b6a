package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Derives ATS people from a public-profile JSON Lines file (shared/design/profile-format.md, plain or gzip), one person a
 * profile line, so matching tests and benchmarks have labelled sets: each person comes with its {@link MatchTruth} — the
 * profile it is, or none — and remembers its {@code sourceProfileId}. Each person gets one {@link MatchTruth.Variant},
 * drawn by the variants' weights from the seed: the LinkedIn URL in the ATS field as spelt or in another spelling, only
 * in a PDF or DOCX resume, no URL at all, a typo in the name, a nickname, a job change since the profile, or a
 * look-alike (another person with the profile's name, in no profile). The ATS copy is imperfect in the usual ways too:
 * missing fields, e-mail addresses invented at other domains (the format carries none). Lines that are not JSON or lack
 * an id are skipped, as the importer would.
 */
final class ProfileCorpusReader {
    private final ObjectMapper json;
    private final long seed;
    private final double linkedinFieldRate;
    private final Vocabulary vocab = Vocabulary.get();
    private final ContactFactory contacts = new ContactFactory();

    ProfileCorpusReader(ObjectMapper json, long seed, double linkedinFieldRate) {
        this.json = json;
        this.seed = seed;
        this.linkedinFieldRate = linkedinFieldRate;
    }

    /** A person derived from a profile line, and the truth about it. */
    record Derived(Person person, MatchTruth truth) {
    }

    /** Up to {@code max} people, in file order; ids and dates are assigned later by the generator. */
    List<Derived> read(Path file, int max) throws IOException {
        List<Derived> people = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             InputStream in = gzip(raw) ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line; people.size() < max && (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode p;
                try {
                    p = json.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (p == null || !p.hasNonNull("id")) {
                    continue;
                }
                people.add(derive(p, Dice.forItem(seed, 9, lineNo)));
            }
        }
        return people;
    }

    /** Gzip is told by its magic bytes, as the importer does. */
    private static boolean gzip(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    private static MatchTruth.Variant variant(Dice dice) {
        MatchTruth.Variant[] all = MatchTruth.Variant.values();
        int[] weights = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            weights[i] = all[i].weight();
        }
        return all[dice.weighted(weights)];
    }

    private Derived derive(JsonNode p, Dice dice) {
        String id = p.get("id").asText();
        String first = titleCase(firstNonBlank(p.path("first_name").asText(""), firstWord(p.path("full_name").asText("")), "Alex"));
        MatchTruth.Variant variant = variant(dice);
        if (variant.needsLinkedin() && p.path("linkedin_url").asText("").isBlank()) {
            variant = MatchTruth.Variant.NO_URL;
        }
        if (variant == MatchTruth.Variant.NICKNAME && vocab.nicknames.get(first) == null) {
            variant = MatchTruth.Variant.NAME_TYPO;
        }
        if (variant == MatchTruth.Variant.LOOK_ALIKE) {
            return new Derived(lookAlike(p, dice), new MatchTruth(null, variant, id));
        }
        return new Derived(person(p, dice, variant), new MatchTruth(id, variant, null));
    }

    private Person person(JsonNode p, Dice dice, MatchTruth.Variant variant) {
        String first = titleCase(firstNonBlank(p.path("first_name").asText(""), firstWord(p.path("full_name").asText("")), "Alex"));
        String last = titleCase(firstNonBlank(p.path("last_name").asText(""), lastWord(p.path("full_name").asText("")), "Doe"));
        if (variant == MatchTruth.Variant.NICKNAME) {
            first = dice.pick(vocab.nicknames.get(first));
        } else if (variant == MatchTruth.Variant.NAME_TYPO) {
            if (dice.chance(0.5) && first.length() >= 4) {
                first = typo(dice, first);
            } else {
                last = last.length() >= 4 ? typo(dice, last) : typo(dice, first);
            }
        }
        String middle = p.hasNonNull("middle_name") && dice.chance(0.5) ? titleCase(p.get("middle_name").asText()) : null;
        String email = null;
        if (dice.chance(0.9)) {
            String company = p.path("job_company_name").asText("");
            email = !company.isBlank() && dice.chance(0.25)
                    ? Vocabulary.asciiSlug(first) + "." + Vocabulary.asciiSlug(last) + "@" + Vocabulary.asciiSlug(company) + ".com"
                    : contacts.email(dice, first, last);
        }
        String country = titleCase(p.path("location_country").asText(""));
        List<Phone> phones = dice.chance(0.85) ? contacts.phones(dice, 0, country) : List.of();
        List<Address> addresses = List.of();
        String locality = p.path("location_locality").asText("");
        if (!locality.isBlank() && dice.chance(0.8)) {
            String region = p.path("location_region").asText("");
            addresses = List.of(new Address(0, dice.chance(0.6) ? dice.between(1, 9999) + " " + dice.pick(vocab.streets) : null,
                    titleCase(locality), region.isBlank() ? null : ListCatalog.state(titleCase(region)), null,
                    country.isBlank() ? null : ListCatalog.country(country)));
        }
        String profileUrl = p.path("linkedin_url").asText("");
        String linkedin = switch (variant) {
            case URL_IN_FIELD, URL_ONLY_IN_PDF_RESUME, URL_ONLY_IN_DOCX_RESUME -> normaliseLinkedin(dice, profileUrl);
            case URL_VARIANT -> urlVariant(dice, profileUrl);
            default -> null;
        };
        boolean inField = variant == MatchTruth.Variant.URL_IN_FIELD || variant == MatchTruth.Variant.URL_VARIANT;
        PersonDetails details = details(p, dice, linkedin, variant);
        return new Person(0, first, middle, last, email, phones, addresses, ListCatalog.CANDIDATE, null, null, null, Map.of(),
                linkedin, inField, details, dice.nextLong(), p.get("id").asText());
    }

    /**
     * Another person with the profile's name — and half the time its city — and a career, schooling and contact data of
     * their own: in no profile of the corpus, so they must match nothing.
     */
    private Person lookAlike(JsonNode p, Dice dice) {
        String first = titleCase(firstNonBlank(p.path("first_name").asText(""), firstWord(p.path("full_name").asText("")), "Alex"));
        String last = titleCase(firstNonBlank(p.path("last_name").asText(""), lastWord(p.path("full_name").asText("")), "Doe"));
        Vocabulary.City city = dice.pick(vocab.cities);
        String locality = dice.chance(0.5) ? titleCase(p.path("location_locality").asText(city.name())) : city.name();
        List<Address> addresses = List.of(new Address(0, dice.between(1, 9999) + " " + dice.pick(vocab.streets), locality,
                null, null, ListCatalog.country(city.country())));
        List<WorkExperience> work = new ArrayList<>();
        LocalDate end = null;
        for (int j = 0, n = dice.between(1, 4); j < n; j++) {
            LocalDate start = (end == null ? LocalDate.of(2025, 1, 1) : end).minusMonths(dice.between(10, 60)).withDayOfMonth(1);
            work.add(new WorkExperience(0, dice.pick(vocab.employers).name(), dice.pick(vocab.titles).name(), start, end));
            end = start.minusMonths(dice.between(0, 3));
        }
        int graduated = (end == null ? 2015 : end.getYear());
        List<Education> education = List.of(new Education(0, ListCatalog.school(dice.pick(vocab.schools)),
                ListCatalog.degree(dice.pick(vocab.degrees)), ListCatalog.major(dice.pick(vocab.majors)),
                LocalDate.of(graduated - 4, 9, 1), LocalDate.of(graduated, 6, 1)));
        List<String> skills = new ArrayList<>();
        for (int s = 0, n = dice.between(3, 8); s < n; s++) {
            skills.add(dice.pick(vocab.skills));
        }
        String linkedin = dice.chance(0.3) ? "https://www.linkedin.com/in/" + Vocabulary.asciiSlug(first) + "-"
                + Vocabulary.asciiSlug(last) + "-" + dice.hex(7) : null; // 7 hex digits: never a corpus URL (9)
        ResumeSpec.Format format = dice.chance(0.8) ? ResumeSpec.Format.PDF : ResumeSpec.Format.NONE;
        PersonDetails details = new PersonDetails(work, education, skills, new ResumeSpec(format,
                linkedin == null ? ResumeSpec.LinkedinPlacement.ABSENT : ResumeSpec.LinkedinPlacement.HEADER, null,
                "Experienced professional; details below."));
        return new Person(0, first, null, last, contacts.email(dice, first, last), contacts.phones(dice, 0, city.country()),
                addresses, ListCatalog.CANDIDATE, null, null, null, Map.of(), linkedin, linkedin != null && dice.chance(0.5),
                details, dice.nextLong(), null);
    }

    private PersonDetails details(JsonNode p, Dice dice, String linkedin, MatchTruth.Variant variant) {
        List<WorkExperience> work = new ArrayList<>();
        for (JsonNode e : p.path("experience")) {
            String company = titleCase(e.path("company").path("name").asText(""));
            String title = titleCase(e.path("title").path("name").asText(""));
            LocalDate start = date(e.path("start_date").asText(""));
            if (company.isBlank() || start == null || work.size() >= 9) {
                continue;
            }
            work.add(new WorkExperience(0, company, title.isBlank() ? null : title, start, date(e.path("end_date").asText(""))));
        }
        List<Education> education = new ArrayList<>();
        for (JsonNode e : p.path("education")) {
            String school = titleCase(e.path("school").path("name").asText(""));
            if (school.isBlank() || education.size() >= 9) {
                continue;
            }
            String degree = e.path("degrees").path(0).asText("");
            String major = e.path("majors").path(0).asText("");
            education.add(new Education(0, ListCatalog.school(school), degree.isBlank() ? null : ListCatalog.degree(titleCase(degree)),
                    major.isBlank() ? null : ListCatalog.major(titleCase(major)), date(e.path("start_date").asText("")),
                    date(e.path("end_date").asText(""))));
        }
        List<String> skills = new ArrayList<>();
        p.path("skills").forEach(s -> skills.add(s.asText()));
        if (variant == MatchTruth.Variant.JOB_CHANGE) {
            jobChange(dice, work);
        }
        ResumeSpec.Format format = switch (variant) {
            case URL_ONLY_IN_PDF_RESUME -> ResumeSpec.Format.PDF;
            case URL_ONLY_IN_DOCX_RESUME -> ResumeSpec.Format.DOCX;
            default -> switch (dice.weighted(55, 30, 15)) {
                case 0 -> ResumeSpec.Format.PDF;
                case 1 -> ResumeSpec.Format.DOCX;
                default -> ResumeSpec.Format.NONE;
            };
        };
        ResumeSpec.LinkedinPlacement placement = linkedin == null ? ResumeSpec.LinkedinPlacement.ABSENT
                : variant == MatchTruth.Variant.URL_ONLY_IN_PDF_RESUME || variant == MatchTruth.Variant.URL_ONLY_IN_DOCX_RESUME
                ? ResumeSpec.LinkedinPlacement.values()[dice.weighted(70, 30)]
                : ResumeSpec.LinkedinPlacement.values()[dice.weighted(60, 25, 15)];
        boolean urlsAllowed = variant.needsLinkedin();
        String github = urlsAllowed ? p.path("github_url").asText("") : "";
        String headline = p.path("headline").asText("");
        String summary = headline.isBlank() ? "Experienced professional; details below." : capitalize(headline) + ".";
        return new PersonDetails(work, education, skills, new ResumeSpec(format, placement, github.isBlank() ? null : github, summary));
    }

    /** A newer job the profile does not have yet: the current job ended, another one started at another employer. */
    private void jobChange(Dice dice, List<WorkExperience> work) {
        LocalDate newStart = LocalDate.of(2025, dice.between(2, 5), 1);
        if (!work.isEmpty() && work.get(0).current()) {
            WorkExperience old = work.get(0);
            if (!old.start().isBefore(newStart.minusMonths(2))) {
                newStart = old.start().plusMonths(3);
            }
            work.set(0, new WorkExperience(0, old.employer(), old.title(), old.start(), newStart.minusMonths(1)));
        }
        String employer;
        do {
            employer = dice.pick(vocab.employers).name();
        } while (!work.isEmpty() && work.get(0).employer().equalsIgnoreCase(employer));
        String title = work.isEmpty() || dice.chance(0.4) ? dice.pick(vocab.titles).name() : work.get(0).title();
        work.add(0, new WorkExperience(0, employer, title, newStart, null));
    }

    /**
     * The profile's LinkedIn URL as ATS users also write it: another case, a country host, the old /pub/ form, a query
     * string, a trailing slash — all of which name the same profile.
     */
    static String urlVariant(Dice dice, String url) {
        String slug = url.replaceFirst("^(?i)(https?://)?[a-z.]*linkedin\\.com/in/", "").replaceAll("[/?#].*$", "");
        int cut = slug.lastIndexOf('-');
        String suffix = cut > 0 ? slug.substring(cut + 1) : "";
        int kind = dice.weighted(20, 20, 20, 20, 20);
        if (kind == 2 && !suffix.matches("[0-9a-f]{9}")) {
            kind = 1; // the /pub/ form needs the three hex groups of a generated vanity name
        }
        return switch (kind) {
            case 0 -> "https://www.LinkedIn.com/in/" + slug.toUpperCase(Locale.ROOT);
            case 1 -> "https://" + dice.pick(List.of("de", "uk", "fr", "br", "in", "ca")) + ".linkedin.com/in/" + slug;
            case 2 -> "http://www.linkedin.com/pub/" + slug.substring(0, cut) + "/" + suffix.substring(6) + "/"
                    + suffix.substring(3, 6) + "/" + suffix.substring(0, 3);
            case 3 -> "https://www.linkedin.com/in/" + slug + "?trk=public_profile_browsemap&originalSubdomain=us";
            default -> "linkedin.com/in/" + slug + "/";
        };
    }

    /** ATS users paste LinkedIn URLs in several spellings; the profile's own spelling is not kept. */
    private static String normaliseLinkedin(Dice dice, String url) {
        if (url.isBlank()) {
            return null;
        }
        String path = url.replaceFirst("^(https?://)?(www\\.)?", "").replaceAll("/+$", "");
        return switch (dice.weighted(50, 25, 25)) {
            case 0 -> "https://www." + path;
            case 1 -> "https://www." + path + "/";
            default -> path;
        };
    }

    private static LocalDate date(String text) {
        try {
            if (text.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(text), 1, 1);
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return LocalDate.parse(text + "-01");
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** One realistic typing slip: two neighbouring letters swapped, or one dropped. */
    private static String typo(Dice dice, String name) {
        if (name.length() < 4) {
            return name;
        }
        int i = dice.between(1, name.length() - 2);
        if (dice.chance(0.5)) {
            char[] c = name.toCharArray();
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
            return new String(c);
        }
        return name.substring(0, i) + name.substring(i + 1);
    }

    static String titleCase(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.trim().toCharArray()) {
            sb.append(start ? Character.toTitleCase(c) : c);
            start = c == ' ' || c == '-' || c == '\'';
        }
        return sb.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static String firstWord(String s) {
        String[] parts = s.trim().split("\\s+");
        return parts.length > 0 ? parts[0] : "";
    }

    private static String lastWord(String s) {
        String[] parts = s.trim().split("\\s+");
        return parts.length > 1 ? parts[parts.length - 1] : "";
    }
}
