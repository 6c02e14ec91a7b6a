package io.rediscover.index;

import io.rediscover.profiles.Profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A public profile in the index's fields, with the conventions of {@link CandidateFields}: analysed text for keyword
 * and Boolean search (name, headline, current and past titles and companies, skills, education, location, and the
 * catch-all {@code all}), power- and diversity-filter values as the profile spells them and folded
 * ({@link CandidateFields#facet}), years of experience and in the current role as whole numbers, and the values result
 * lists show. Used for the public-profile index, and by whoever merges a matched profile into a candidate's document
 * ({@link #values} gives the source values field by field, to be joined with the candidate's own).
 */
public final class ProfileFields {

    /** The field names {@link #values} may hold: every text field but {@code resume} and {@code all}, every facet. */
    public static final List<String> NAMES = List.of("name", "headline", "title", "company", "pasttitle", "pastcompany",
            "skill", "school", "degree", "major", "location", "industry", "companysize", "certification", "language",
            "group", "interest", "honor", "diversity");

    /** Text fields filled from a profile (besides {@code all}). */
    private static final List<String> TEXT = List.of("name", "headline", "title", "company", "pasttitle", "pastcompany",
            "skill", "school", "degree", "major", "location");
    /** Facets filled from a profile: every power and diversity filter but {@code matched}, which only candidates have. */
    private static final List<String> FACETS = CandidateFields.FACETS.stream().filter(f -> !f.equals("matched")).toList();

    private ProfileFields() {
    }

    /**
     * @param profileId a profile's id
     * @return its document's key in the public-profile index (the id itself: ids are unique in the corpus)
     */
    public static String key(String profileId) {
        return profileId;
    }

    /**
     * The profile's values by field, as the profile spells them, in its order (newest job first), nulls and blanks left
     * out. The current job is the one {@code job_title}/{@code job_company_name} name, else the first without an end
     * date; past jobs are those that ended.
     *
     * @param p a profile
     * @return values by {@link #NAMES} name; a field without values is absent
     */
    public static Map<String, List<String>> values(Profile p) {
        Optional<Profile.Experience> current = p.experience().stream().filter(Profile.Experience::current).findFirst();
        Map<String, List<String>> out = new LinkedHashMap<>();
        put(out, "name", Stream.concat(Stream.of(fullName(p)), p.nameAliases().stream()));
        put(out, "headline", Stream.of(p.headline()));
        put(out, "title", Stream.of(firstOf(p.jobTitle(), current.map(Profile.Experience::title).orElse(null))));
        put(out, "company", Stream.of(firstOf(p.jobCompanyName(), current.map(Profile.Experience::companyName).orElse(null))));
        put(out, "pasttitle", p.pastTitles().stream());
        put(out, "pastcompany", p.pastCompanies().stream());
        put(out, "skill", p.skills().stream());
        put(out, "school", p.education().stream().map(Profile.EducationEntry::school));
        put(out, "degree", p.education().stream().flatMap(e -> e.degrees().stream()));
        put(out, "major", p.education().stream().flatMap(e -> e.majors().stream()));
        put(out, "location", Stream.of(location(p)));
        put(out, "industry", Stream.of(firstOf(p.industry(), p.jobCompanyIndustry(),
                current.map(Profile.Experience::company).map(Profile.Company::industry).orElse(null))));
        put(out, "companysize", Stream.of(firstOf(p.jobCompanySize(),
                current.map(Profile.Experience::company).map(Profile.Company::size).orElse(null))));
        put(out, "certification", p.certifications().stream().map(Profile.Certification::name));
        put(out, "language", p.languages().stream().map(Profile.Language::name));
        put(out, "group", p.groups().stream());
        put(out, "interest", p.interests().stream());
        put(out, "honor", p.honors().stream());
        put(out, "diversity", p.diversity().stream());
        return out;
    }

    /**
     * @param p     a profile
     * @param today the day years are counted to
     * @return whole years of experience ({@code n_yearsexperience}) and in the current role ({@code n_yearsinrole}),
     *         each only when the work history dates it
     */
    public static Map<String, Long> numbers(Profile p, LocalDate today) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (p.experience().stream().anyMatch(e -> e.startDate() != null)) {
            out.put(CandidateFields.NUMBER_PREFIX + "yearsexperience", (long) Math.floor(p.yearsOfExperience(today)));
        }
        p.yearsInCurrentRole(today).ifPresent(y -> out.put(CandidateFields.NUMBER_PREFIX + "yearsinrole", (long) Math.floor(y)));
        return out;
    }

    /**
     * @param p     a profile
     * @param today the day years are counted to
     * @return its document in the public-profile index
     */
    public static IndexedCandidate document(Profile p, LocalDate today) {
        Map<String, List<String>> values = values(p);
        Map<String, String> text = new LinkedHashMap<>();
        for (String f : TEXT) {
            text.put(f, analyzed(values.getOrDefault(f, List.of())));
        }
        // Unscoped words also find what has no scope of its own: industry, certifications, languages, groups, …
        List<String> all = new ArrayList<>(text.values());
        NAMES.stream().filter(f -> !TEXT.contains(f)).forEach(f -> all.add(analyzed(values.getOrDefault(f, List.of()))));
        text.put("all", all.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(" ")));

        Map<String, List<String>> facets = new LinkedHashMap<>();
        for (String f : FACETS) {
            CandidateFields.facet(facets, f, values.getOrDefault(f, List.of()).stream());
        }

        Map<String, String> display = new LinkedHashMap<>();
        for (String f : CandidateFields.DISPLAY) {
            List<String> v = values.getOrDefault(f, List.of());
            if (!v.isEmpty()) {
                display.put(f, v.get(0));
            }
        }
        return new IndexedCandidate(key(p.id()), "", p.id(), display, text, facets, numbers(p, today), Map.of());
    }

    private static void put(Map<String, List<String>> out, String field, Stream<String> values) {
        List<String> v = values.filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!v.isEmpty()) {
            out.put(field, v);
        }
    }

    private static String fullName(Profile p) {
        if (p.fullName() != null && !p.fullName().isBlank()) {
            return p.fullName();
        }
        String joined = Stream.of(p.firstName(), p.middleName(), p.lastName()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static String location(Profile p) {
        if (p.locationName() != null && !p.locationName().isBlank()) {
            return p.locationName();
        }
        String joined = Stream.of(p.locationLocality(), p.locationRegion(), p.locationCountry())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    private static String firstOf(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static String analyzed(List<String> values) {
        return values.stream().map(Analyzer::analyzed).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }
}
