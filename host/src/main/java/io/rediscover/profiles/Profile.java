package io.rediscover.profiles;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One public profile of the installation-wide corpus, normalised from the PDL-style import format
 * ({@code shared/design/profile-format.md}): every field of the format, strings as given (display is the UI's business),
 * dates as given ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}), LinkedIn and GitHub URLs in the canonical
 * spelling of {@link LinkUrls} (an URL that is no profile of that site is dropped). A missing field is unknown: null, or
 * an empty list. What Rediscover derives — years of experience, years in the current role, past companies and titles —
 * are methods, never stored.
 *
 * @param id                 the profile's id, exactly as imported
 * @param fullName           full name
 * @param firstName          first name
 * @param middleName         middle name
 * @param lastName           last name
 * @param nameAliases        other names (nicknames, maiden names)
 * @param linkedinUrl        canonical LinkedIn URL ({@code linkedin.com/in/…})
 * @param githubUrl          canonical GitHub URL ({@code github.com/…})
 * @param twitterUrl         Twitter URL as given
 * @param facebookUrl        Facebook URL as given
 * @param profiles           every social profile
 * @param headline           one-line self-description
 * @param jobTitle           current title
 * @param jobCompanyName     current employer
 * @param jobCompanySize     current employer's size bucket ({@code 1-10} … {@code 10001+})
 * @param jobCompanyIndustry current employer's industry
 * @param jobStartDate       start of the current job
 * @param industry           the person's industry
 * @param locationName       location, as one string
 * @param locationLocality   city
 * @param locationRegion     region (state)
 * @param locationCountry    country
 * @param skills             skills
 * @param experience         work history, newest first
 * @param education          education
 * @param certifications     certifications
 * @param languages          languages
 * @param interests          interests
 * @param groups             groups and associations (extension)
 * @param honors             honours and awards (extension)
 * @param diversity          diversity categories supplied by the data provider (extension), lower case, from
 *                           {@link #DIVERSITY}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Profile(String id, String fullName, String firstName, String middleName, String lastName,
                      List<String> nameAliases, String linkedinUrl, String githubUrl, String twitterUrl,
                      String facebookUrl, List<SocialProfile> profiles, String headline, String jobTitle,
                      String jobCompanyName, String jobCompanySize, String jobCompanyIndustry, String jobStartDate,
                      String industry, String locationName, String locationLocality, String locationRegion,
                      String locationCountry, List<String> skills, List<Experience> experience,
                      List<EducationEntry> education, List<Certification> certifications, List<Language> languages,
                      List<String> interests, List<String> groups, List<String> honors, List<String> diversity) {

    /** The diversity vocabulary of the format: only these values are accepted, never inferred. */
    public static final List<String> DIVERSITY = List.of("female", "black", "hispanic", "asian", "veteran");

    /** Canonical constructor: lists are copied, and a missing list is empty. */
    public Profile {
        nameAliases = copy(nameAliases);
        profiles = copy(profiles);
        skills = copy(skills);
        experience = copy(experience);
        education = copy(education);
        certifications = copy(certifications);
        languages = copy(languages);
        interests = copy(interests);
        groups = copy(groups);
        honors = copy(honors);
        diversity = copy(diversity);
    }

    private static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }

    /**
     * A social profile.
     *
     * @param network  {@code linkedin}, {@code github}, {@code twitter}, … (lower case)
     * @param url      the URL; canonical for LinkedIn and GitHub
     * @param username the user name on that network
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SocialProfile(String network, String url, String username) {
    }

    /**
     * An employer.
     *
     * @param name     its name
     * @param size     its size bucket
     * @param industry its industry
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Company(String name, String size, String industry) {
    }

    /**
     * One job.
     *
     * @param company       the employer, or null
     * @param title         the title, or null
     * @param startDate     start, as given
     * @param endDate       end, as given; null = the current job
     * @param primary       whether the provider marks it as the primary job, or null
     * @param locationNames where
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Experience(Company company, String title, String startDate, String endDate, Boolean primary,
                             List<String> locationNames) {
        /** Canonical constructor: copies the list. */
        public Experience {
            locationNames = copy(locationNames);
        }

        /** @return whether this is a current job: it has no end date */
        public boolean current() {
            return endDate == null;
        }

        /** @return the employer's name, or null */
        public String companyName() {
            return company == null ? null : company.name();
        }
    }

    /**
     * One school.
     *
     * @param school    the school's name
     * @param degrees   degrees
     * @param majors    majors
     * @param startDate start, as given
     * @param endDate   end, as given
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record EducationEntry(String school, List<String> degrees, List<String> majors, String startDate,
                                 String endDate) {
        /** Canonical constructor: copies the lists. */
        public EducationEntry {
            degrees = copy(degrees);
            majors = copy(majors);
        }
    }

    /**
     * A certification.
     *
     * @param name         its name
     * @param organization who issued it
     * @param startDate    issued, as given
     * @param endDate      expires, as given
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Certification(String name, String organization, String startDate, String endDate) {
    }

    /**
     * A language.
     *
     * @param name        the language
     * @param proficiency how well
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Language(String name, String proficiency) {
    }

    /** @return every canonical LinkedIn URL of the profile: the main one and those among {@link #profiles} */
    public Set<String> linkedinUrls() {
        return urls(linkedinUrl, "linkedin");
    }

    /** @return every canonical GitHub URL of the profile: the main one and those among {@link #profiles} */
    public Set<String> githubUrls() {
        return urls(githubUrl, "github");
    }

    private Set<String> urls(String main, String network) {
        Set<String> out = new LinkedHashSet<>();
        if (main != null) {
            out.add(main);
        }
        profiles.stream().filter(p -> network.equals(p.network()) && p.url() != null).forEach(p -> out.add(p.url()));
        return out;
    }

    /**
     * Years of experience: the time covered by the work history (overlapping jobs counted once), a current job up to
     * {@code asOf}; jobs without a start date do not count. A year without a month counts from January.
     *
     * @param asOf today
     * @return years, to one decimal; 0 when the history has no dated job
     */
    public double yearsOfExperience(LocalDate asOf) {
        YearMonth now = YearMonth.from(asOf);
        List<YearMonth[]> spans = new ArrayList<>();
        for (Experience e : experience) {
            Optional<YearMonth> start = month(e.startDate());
            if (start.isEmpty()) {
                continue;
            }
            YearMonth end = e.current() ? now : month(e.endDate()).orElse(start.get());
            if (end.isAfter(now)) {
                end = now;
            }
            if (!end.isBefore(start.get())) {
                spans.add(new YearMonth[] {start.get(), end});
            }
        }
        spans.sort(Comparator.comparing(s -> s[0]));
        long months = 0;
        YearMonth covered = null;
        for (YearMonth[] s : spans) {
            YearMonth from = covered == null || s[0].isAfter(covered) ? s[0] : covered;
            if (s[1].isAfter(from)) {
                months += ChronoUnit.MONTHS.between(from, s[1]);
            }
            if (covered == null || s[1].isAfter(covered)) {
                covered = s[1];
            }
        }
        return Math.round(months / 1.2) / 10.0;
    }

    /**
     * Years in the current role: since the start of the current job (the one marked primary, else the first current
     * one, else {@code job_start_date}).
     *
     * @param asOf today
     * @return years, to one decimal, or empty when there is no dated current job
     */
    public Optional<Double> yearsInCurrentRole(LocalDate asOf) {
        Optional<String> start = experience.stream().filter(Experience::current)
                .sorted(Comparator.comparing(e -> !Boolean.TRUE.equals(e.primary())))
                .map(Experience::startDate).filter(d -> d != null).findFirst();
        Optional<YearMonth> from = month(start.orElse(jobStartDate));
        if (from.isEmpty() || from.get().isAfter(YearMonth.from(asOf))) {
            return Optional.empty();
        }
        return Optional.of(Math.round(ChronoUnit.MONTHS.between(from.get(), YearMonth.from(asOf)) / 1.2) / 10.0);
    }

    /** @return employers of the jobs that ended, newest first, each once (compared without case) */
    public List<String> pastCompanies() {
        return distinct(experience.stream().filter(e -> !e.current()).map(Experience::companyName).toList());
    }

    /** @return titles of the jobs that ended, newest first, each once (compared without case) */
    public List<String> pastTitles() {
        return distinct(experience.stream().filter(e -> !e.current()).map(Experience::title).toList());
    }

    private static List<String> distinct(List<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && seen.add(v.toLowerCase(Locale.ROOT))) {
                out.add(v);
            }
        }
        return out;
    }

    /** A date of the format, to its month; a year alone is January. */
    static Optional<YearMonth> month(String date) {
        if (date == null || date.length() < 4) {
            return Optional.empty();
        }
        int year = Integer.parseInt(date.substring(0, 4));
        int month = date.length() >= 7 ? Integer.parseInt(date.substring(5, 7)) : 1;
        return Optional.of(YearMonth.of(year, month));
    }
}
