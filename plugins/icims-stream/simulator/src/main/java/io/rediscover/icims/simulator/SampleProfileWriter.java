package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Generates a realistic public-profile corpus in the import format (shared/design/profile-format.md: PDL-style, lower-case
 * values) from a seed, deterministically: the same count and seed give the same bytes. Names of many origins with
 * accents, nicknames and maiden names as {@code name_aliases}; careers of one to five jobs, newest first and rising in
 * seniority, at employers with sizes and industries, the current one with {@code end_date: null}; schools, degrees and
 * majors; skills and certifications of the person's function; locations, languages, interests, groups, honours;
 * diversity values from the provider vocabulary only; LinkedIn and GitHub URLs, unique per person, in the spellings
 * people use. Feeding the same file to {@link SimulatorConfig.Builder#profiles} gives a tenant whose people are noisy
 * copies of these profiles: labelled sets for matching tests, demos and benchmarks.
 */
public final class SampleProfileWriter {
    static final List<String> SIZES = List.of("1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001-10000", "10001+");
    /** Diversity values and how often a provider supplies each. */
    private static final List<String> DIVERSITY = List.of("female", "black", "hispanic", "asian", "veteran");
    private static final double[] DIVERSITY_RATES = {0.42, 0.12, 0.16, 0.14, 0.05};
    private static final List<String> PROFICIENCY = List.of("native or bilingual", "full professional", "professional working",
            "limited working", "elementary");
    /** The corpus's "now": careers end here, whenever the file is generated. */
    private static final int NOW_YEAR = 2025;
    private static final int NOW_MONTH = 6;

    private final ObjectMapper json = IcimsSimulator.objectMapper();
    private final Vocabulary vocab = Vocabulary.get();

    /**
     * Writes {@code count} profiles with ids {@code p_000001…}; gzip-compressed when the file name ends in {@code .gz}.
     *
     * @param file  where
     * @param count how many
     * @param seed  the seed: the same count and seed write the same bytes
     * @throws IOException when the file cannot be written
     */
    public void write(Path file, int count, long seed) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream sink = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 1; i <= count; i++) {
                out.write(json.writeValueAsString(profile(Dice.forItem(seed, 11, i), i)));
                out.write('\n');
            }
        }
    }

    /** @param id a profile number @return the unique, stable suffix of its URLs: a bijection of the number, 9 hex digits */
    static String suffix(long id) {
        return String.format(Locale.ROOT, "%09x", (id * 0x9E3779B97L) & ((1L << 36) - 1));
    }

    /** @param first first name @param last last name @param index the profile's number @return its LinkedIn slug */
    static String linkedinSlug(String first, String last, long index) {
        return orElse(Vocabulary.asciiSlug(first), "member") + "-" + orElse(Vocabulary.asciiSlug(last), "profile") + "-"
                + suffix(index);
    }

    private ObjectNode profile(Dice dice, int index) {
        String first = dice.pick(vocab.firstNames);
        String last = dice.pick(vocab.lastNames);
        ObjectNode p = json.createObjectNode();
        p.put("id", String.format(Locale.ROOT, "p_%06d", index));
        String middle = dice.chance(0.15) ? dice.pick(vocab.firstNames) : null;
        p.put("full_name", lower(first + (middle == null ? "" : " " + middle) + " " + last));
        p.put("first_name", lower(first));
        if (middle != null) {
            p.put("middle_name", lower(middle));
        }
        p.put("last_name", lower(last));
        List<String> aliases = new ArrayList<>();
        List<String> nicks = vocab.nicknames.get(first);
        if (nicks != null && dice.chance(0.5)) {
            aliases.add(lower(dice.pick(nicks) + " " + last));
        }
        if (dice.chance(0.05)) {
            aliases.add(lower(first + " " + dice.pick(vocab.lastNames))); // a maiden or former name
        }
        if (!aliases.isEmpty()) {
            aliases.forEach(p.putArray("name_aliases")::add);
        }
        Vocabulary.City city = dice.pick(vocab.cities);
        ArrayNode profiles = p.putArray("profiles");
        if (dice.chance(0.85)) {
            String slug = linkedinSlug(first, last, index);
            String url = linkedinSpelling(dice, slug, city);
            p.put("linkedin_url", url);
            profiles.addObject().put("network", "linkedin").put("url", url).put("username", slug);
        }
        Vocabulary.Title anyTitle = dice.pick(vocab.titles);
        String function = anyTitle.category();
        if (function.equals("Engineering") ? dice.chance(0.6) : dice.chance(0.05)) {
            String handle = githubHandle(first, last, index);
            String url = switch (dice.weighted(50, 30, 20)) {
                case 0 -> "github.com/" + handle;
                case 1 -> "https://github.com/" + handle;
                default -> "https://www.github.com/" + handle + "/";
            };
            p.put("github_url", url);
            profiles.addObject().put("network", "github").put("url", url).put("username", handle);
        }
        if (dice.chance(0.1)) {
            String handle = Vocabulary.asciiSlug(first).charAt(0) + Vocabulary.asciiSlug(last) + dice.between(1, 99);
            p.put("twitter_url", "twitter.com/" + handle);
            profiles.addObject().put("network", "twitter").put("url", "twitter.com/" + handle).put("username", handle);
        }
        if (dice.chance(0.05)) {
            p.put("facebook_url", "facebook.com/" + Vocabulary.asciiSlug(first) + "." + Vocabulary.asciiSlug(last));
        }
        boolean federal = !city.stateName().isEmpty() && !city.stateName().equals(city.country());
        p.put("location_name", lower(city.name() + ", " + (federal ? city.stateName() + ", " : "") + city.country()));
        p.put("location_locality", lower(city.name()));
        if (federal) {
            p.put("location_region", lower(city.stateName()));
        }
        p.put("location_country", lower(city.country()));

        Vocabulary.Discipline discipline = vocab.functions.get(function);
        List<Vocabulary.Title> inField = vocab.titles.stream().filter(t -> t.category().equals(function)).toList();
        career(dice, p, inField, city);
        education(dice, p);
        Set<String> skills = new LinkedHashSet<>();
        for (int s = 0, n = dice.between(4, 12); s < n; s++) {
            skills.add(lower(dice.chance(0.85) && discipline != null ? dice.pick(discipline.skills()) : dice.pick(vocab.skills)));
        }
        skills.forEach(p.putArray("skills")::add);
        if (discipline != null && dice.chance(0.25)) {
            ArrayNode certs = p.putArray("certifications");
            Set<String> names = new LinkedHashSet<>();
            for (int c = 0, n = dice.weighted(70, 30) + 1; c < n; c++) {
                Vocabulary.Certification cert = dice.pick(discipline.certifications());
                if (names.add(cert.name())) {
                    int year = dice.between(NOW_YEAR - 10, NOW_YEAR);
                    ObjectNode o = certs.addObject().put("name", lower(cert.name())).put("organization", lower(cert.organization()))
                            .put("start_date", year + "-" + two(dice.between(1, 12)));
                    if (dice.chance(0.4)) {
                        o.put("end_date", Integer.toString(year + 3));
                    }
                }
            }
        }
        if (dice.chance(0.35)) {
            ArrayNode languages = p.putArray("languages");
            Set<String> names = new LinkedHashSet<>();
            for (int l = 0, n = dice.weighted(70, 25, 5) + 1; l < n; l++) {
                String language = dice.pick(vocab.languages);
                if (names.add(language)) {
                    ObjectNode o = languages.addObject().put("name", language);
                    if (dice.chance(0.7)) {
                        o.put("proficiency", dice.pick(PROFICIENCY));
                    }
                }
            }
        }
        some(dice, p, "interests", vocab.interests, 0.4, 4);
        some(dice, p, "groups", vocab.groups, 0.25, 2);
        some(dice, p, "honors", vocab.honors, 0.15, 2);
        if (dice.chance(0.45)) {
            ArrayNode diversity = p.putArray("diversity");
            for (int d = 0; d < DIVERSITY.size(); d++) {
                if (dice.chance(DIVERSITY_RATES[d])) {
                    diversity.add(DIVERSITY.get(d));
                }
            }
            if (diversity.isEmpty()) {
                p.remove("diversity");
            }
        }
        return p;
    }

    /** One to five jobs, newest first, rising in seniority; the newest is current for most people. */
    private void career(Dice dice, ObjectNode p, List<Vocabulary.Title> inField, Vocabulary.City city) {
        int jobs = dice.weighted(20, 30, 25, 15, 10) + 1;
        List<Vocabulary.Title> titles = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            titles.add(dice.pick(inField));
        }
        titles.sort(Comparator.comparingInt((Vocabulary.Title t) -> seniority(t.name())).reversed());
        ArrayNode experience = p.putArray("experience");
        int year = NOW_YEAR;
        int month = NOW_MONTH;
        boolean current = dice.chance(0.85);
        Set<String> employers = new LinkedHashSet<>();
        for (int j = 0; j < jobs; j++) {
            Vocabulary.Company company;
            do {
                company = dice.pick(vocab.employers);
            } while (!employers.add(company.name()));
            String size = SIZES.get(Math.floorMod(company.name().hashCode(), SIZES.size()));
            if (j == 0 && !current) {
                month -= dice.between(1, 8); // between jobs for a while
                if (month < 1) {
                    month += 12;
                    year--;
                }
            }
            int months = dice.between(8, 72);
            int startIndex = year * 12 + month - 1 - months;
            String start = (startIndex / 12) + "-" + two(startIndex % 12 + 1);
            String title = lower(titles.get(j).name());
            ObjectNode e = experience.addObject();
            e.putObject("company").put("name", lower(company.name())).put("size", size).put("industry", company.industry());
            e.putObject("title").put("name", title);
            e.put("start_date", dice.chance(0.1) ? start.substring(0, 4) : start);
            if (j == 0 && current) {
                e.putNull("end_date");
                e.put("is_primary", true);
                p.put("job_title", title);
                p.put("job_company_name", lower(company.name()));
                p.put("job_company_size", size);
                p.put("job_company_industry", company.industry());
                p.put("job_start_date", e.get("start_date").asText());
                p.put("industry", company.industry());
                p.put("headline", title + " at " + lower(company.name()));
            } else {
                e.put("end_date", year + "-" + two(month));
            }
            e.putArray("location_names").add(lower(city.name() + ", " + city.country()));
            int gap = dice.between(0, 3);
            int endIndex = startIndex - gap;
            year = endIndex / 12;
            month = endIndex % 12 + 1;
        }
        if (!p.has("headline")) {
            p.put("headline", lower(titles.get(0).name()));
        }
        p.put("education_ends", year); // removed by education()
    }

    private void education(Dice dice, ObjectNode p) {
        int careerStart = p.remove("education_ends").asInt();
        ArrayNode education = p.putArray("education");
        for (int k = 0, n = dice.weighted(10, 65, 25); k < n; k++) {
            ObjectNode ed = education.addObject();
            ed.putObject("school").put("name", lower(dice.pick(vocab.schools)));
            ed.putArray("degrees").add(lower(dice.pick(vocab.degrees)));
            ed.putArray("majors").add(lower(dice.pick(vocab.majors)));
            int end = careerStart - k * 2 - dice.between(0, 1);
            ed.put("start_date", Integer.toString(end - (k == 0 ? 4 : 2)));
            ed.put("end_date", Integer.toString(end));
        }
    }

    private static void some(Dice dice, ObjectNode p, String field, List<String> pool, double rate, int max) {
        if (!dice.chance(rate)) {
            return;
        }
        Set<String> picked = new LinkedHashSet<>();
        for (int i = 0, n = dice.between(1, max); i < n; i++) {
            picked.add(dice.pick(pool));
        }
        picked.forEach(p.putArray(field)::add);
    }

    /** Seniority levels from the highest, each with the words that mark it in a title. */
    private static final List<Pattern> SENIORITY = List.of(
            Pattern.compile(".*\\b(chief|vp|vice president)\\b.*"), Pattern.compile(".*\\b(director|head)\\b.*"),
            Pattern.compile(".*\\b(staff|principal|manager)\\b.*"), Pattern.compile(".*\\b(senior|lead|sr)\\b.*"));
    private static final Pattern JUNIOR = Pattern.compile(".*\\b(junior|intern|assistant|associate|trainee)\\b.*");
    private static final Map<String, Integer> SENIORITY_OF = new ConcurrentHashMap<>();

    /** 0 junior … 5 executive, from the words of a title. */
    static int seniority(String title) {
        return SENIORITY_OF.computeIfAbsent(title, t -> {
            String lower = t.toLowerCase(Locale.ROOT);
            for (int i = 0; i < SENIORITY.size(); i++) {
                if (SENIORITY.get(i).matcher(lower).matches()) {
                    return 5 - i;
                }
            }
            return JUNIOR.matcher(lower).matches() ? 0 : 1;
        });
    }

    private static String linkedinSpelling(Dice dice, String slug, Vocabulary.City city) {
        return switch (dice.weighted(35, 25, 15, 10, 10, 5)) {
            case 0 -> "linkedin.com/in/" + slug;
            case 1 -> "https://www.linkedin.com/in/" + slug + "/";
            case 2 -> "www.linkedin.com/in/" + slug;
            case 3 -> "https://" + countryHost(city) + ".linkedin.com/in/" + slug;
            case 4 -> "http://linkedin.com/in/" + slug.toUpperCase(Locale.ROOT).charAt(0) + slug.substring(1);
            default -> "https://www.linkedin.com/in/" + slug + "?originalSubdomain=" + countryHost(city);
        };
    }

    private static String countryHost(Vocabulary.City city) {
        return switch (city.country()) {
            case "United Kingdom" -> "uk";
            case "Germany" -> "de";
            case "France" -> "fr";
            case "Spain" -> "es";
            case "India" -> "in";
            case "Brazil" -> "br";
            case "Canada" -> "ca";
            case "Australia" -> "au";
            default -> "www";
        };
    }

    private static String githubHandle(String first, String last, long index) {
        String name = orElse(Vocabulary.asciiSlug(first), "dev") + orElse(Vocabulary.asciiSlug(last), "coder");
        return (name.length() > 24 ? name.substring(0, 24) : name) + "-" + suffix(index).substring(2);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String orElse(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
