package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a synthetic public-profile corpus in the import format (shared/design/profile-format.md,
 * PDL-style, lower-case values) from a seed. Feeding the same file to {@link SimulatorConfig.Builder#profiles}
 * gives a tenant whose people are noisy copies of these profiles: true matches for matching tests and demos.
 */
public final class SampleProfileWriter {
    private static final List<String> SIZES = List.of("1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001-10000", "10001+");

    private final ObjectMapper json = IcimsSimulator.objectMapper();
    private final Vocabulary vocab = Vocabulary.get();
    private final ContactFactory contacts = new ContactFactory();

    /** Writes {@code count} profiles with ids {@code p_000001…}. */
    public void write(Path file, int count, long seed) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                out.write(json.writeValueAsString(profile(Dice.forItem(seed, 11, i), i)));
                out.newLine();
            }
        }
    }

    private ObjectNode profile(Dice dice, int index) {
        String first = dice.pick(vocab.firstNames);
        String last = dice.pick(vocab.lastNames);
        ObjectNode p = json.createObjectNode();
        p.put("id", String.format(Locale.ROOT, "p_%06d", index));
        p.put("full_name", lower(first + " " + last));
        p.put("first_name", lower(first));
        if (dice.chance(0.15)) {
            p.put("middle_name", lower(dice.pick(vocab.firstNames)));
        }
        p.put("last_name", lower(last));
        List<String> nicks = vocab.nicknames.get(first);
        if (nicks != null && dice.chance(0.5)) {
            p.putArray("name_aliases").add(lower(dice.pick(nicks) + " " + last));
        }
        ArrayNode profiles = p.putArray("profiles");
        if (dice.chance(0.85)) {
            String url = contacts.linkedinUrl(dice, first, last).replaceFirst("^https?://(www\\.)?", "").replaceAll("/$", "");
            p.put("linkedin_url", url);
            profiles.addObject().put("network", "linkedin").put("url", url).put("username", url.substring(url.lastIndexOf('/') + 1));
        }
        String category = dice.pick(vocab.titles).category();
        List<Vocabulary.Title> inField = vocab.titles.stream().filter(t -> t.category().equals(category)).toList();
        if (category.equals("Engineering") ? dice.chance(0.6) : dice.chance(0.05)) {
            String url = contacts.githubUrl(dice, first, last).replaceFirst("^https?://", "");
            p.put("github_url", url);
            profiles.addObject().put("network", "github").put("url", url).put("username", url.substring(url.lastIndexOf('/') + 1));
        }
        Vocabulary.City city = dice.pick(vocab.cities);
        p.put("location_name", lower(city.name() + ", " + (city.stateName().equals(city.country()) ? "" : city.stateName() + ", ") + city.country()));
        p.put("location_locality", lower(city.name()));
        if (!city.stateName().equals(city.country())) {
            p.put("location_region", lower(city.stateName()));
        }
        p.put("location_country", lower(city.country()));

        int jobs = dice.between(1, 4);
        ArrayNode experience = p.putArray("experience");
        int year = 2025;
        int month = dice.between(1, 12);
        Set<String> employers = new LinkedHashSet<>();
        for (int j = 0; j < jobs; j++) {
            Vocabulary.Company company;
            do {
                company = dice.pick(vocab.companies);
            } while (!employers.add(company.name()));
            String title = lower(dice.pick(inField).name());
            int startYear = year - dice.between(1, 5);
            ObjectNode e = experience.addObject();
            e.putObject("company").put("name", lower(company.name())).put("size", dice.pick(SIZES)).put("industry", company.industry());
            e.putObject("title").put("name", title);
            e.put("start_date", String.format(Locale.ROOT, "%d-%02d", startYear, dice.between(1, 12)));
            if (j == 0 && dice.chance(0.8)) {
                e.putNull("end_date");
                e.put("is_primary", true);
                p.put("job_title", title);
                p.put("job_company_name", lower(company.name()));
                p.put("job_company_industry", company.industry());
                p.put("job_start_date", e.get("start_date").asText());
                p.put("industry", company.industry());
            } else {
                e.put("end_date", String.format(Locale.ROOT, "%d-%02d", year, month));
            }
            year = startYear;
            month = dice.between(1, 12);
        }
        ArrayNode education = p.putArray("education");
        for (int k = 0, n = dice.weighted(10, 70, 20); k < n; k++) {
            ObjectNode ed = education.addObject();
            ed.putObject("school").put("name", lower(dice.pick(vocab.schools)));
            ed.putArray("degrees").add(lower(dice.pick(vocab.degrees)));
            ed.putArray("majors").add(lower(dice.pick(vocab.majors)));
            int end = year - k * 3 - dice.between(0, 2);
            ed.put("start_date", Integer.toString(end - 4));
            ed.put("end_date", Integer.toString(end));
        }
        ArrayNode skills = p.putArray("skills");
        Set<String> picked = new LinkedHashSet<>();
        for (int s = 0, n = dice.between(3, 10); s < n; s++) {
            picked.add(lower(dice.pick(vocab.skills)));
        }
        picked.forEach(skills::add);
        p.put("headline", lower(dice.pick(inField).name()) + " at " + lower(dice.pick(vocab.companies).name()));
        if (dice.chance(0.2)) {
            p.putArray("certifications").addObject().put("name", "aws certified developer").put("organization", "amazon web services");
        }
        if (dice.chance(0.3)) {
            p.putArray("languages").addObject().put("name", lower(dice.pick(List.of("Spanish", "French", "German", "Mandarin", "Hindi", "Portuguese"))));
        }
        return p;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
