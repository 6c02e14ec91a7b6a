package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * Derives ATS people from a public-profile JSON Lines file (shared/design/profile-format.md), so matching
 * tests have true matches: each person remembers its {@code sourceProfileId}. The ATS copy is deliberately
 * imperfect, as real ATS data is: nicknames and the odd typo in names, missing fields, e-mail addresses at
 * other domains (the profile format carries none, so they are invented), LinkedIn URLs spelled differently
 * or not stored at all. Lines that are not JSON or lack an id are skipped, as the importer would.
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

    /** Up to {@code max} people, in file order; ids and dates are assigned later by the generator. */
    List<Person> read(Path file, int max) throws IOException {
        List<Person> people = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
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
                people.add(person(p, Dice.forItem(seed, 9, lineNo)));
            }
        }
        return people;
    }

    private Person person(JsonNode p, Dice dice) {
        String first = titleCase(firstNonBlank(p.path("first_name").asText(""), firstWord(p.path("full_name").asText("")), "Alex"));
        String last = titleCase(firstNonBlank(p.path("last_name").asText(""), lastWord(p.path("full_name").asText("")), "Doe"));
        List<String> nicks = vocab.nicknames.get(first);
        if (nicks != null && dice.chance(0.15)) {
            first = dice.pick(nicks);
        } else if (dice.chance(0.04)) {
            first = typo(dice, first);
        }
        if (dice.chance(0.04)) {
            last = typo(dice, last);
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
        String linkedin = normaliseLinkedin(dice, p.path("linkedin_url").asText(""));
        boolean inField = linkedin != null && dice.chance(linkedinFieldRate);
        PersonDetails details = details(p, dice, linkedin);
        return new Person(0, first, middle, last, email, phones, addresses, ListCatalog.CANDIDATE, null, null, null, Map.of(),
                linkedin, inField, details, dice.nextLong(), p.get("id").asText());
    }

    private PersonDetails details(JsonNode p, Dice dice, String linkedin) {
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
        ResumeSpec.Format format = switch (dice.weighted(55, 30, 15)) {
            case 0 -> ResumeSpec.Format.PDF;
            case 1 -> ResumeSpec.Format.DOCX;
            default -> ResumeSpec.Format.NONE;
        };
        ResumeSpec.LinkedinPlacement placement = linkedin == null ? ResumeSpec.LinkedinPlacement.ABSENT
                : ResumeSpec.LinkedinPlacement.values()[dice.weighted(60, 25, 15)];
        String github = p.path("github_url").asText("");
        String headline = p.path("headline").asText("");
        String summary = headline.isBlank() ? "Experienced professional; details below." : capitalize(headline) + ".";
        return new PersonDetails(work, education, skills, new ResumeSpec(format, placement, github.isBlank() ? null : github, summary));
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
