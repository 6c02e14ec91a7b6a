package io.rediscover.candidates;

import io.rediscover.documents.ResumeText;
import io.rediscover.profiles.LinkUrls;
import io.rediscover.profiles.NameKeys;
import io.rediscover.profiles.Profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What is known about a candidate beyond the ATS panel, each value with its source: the ATS's own work history,
 * education, skills, location and links; GitHub URLs found in the resume; and — only for a matched candidate — the
 * matched profile's headline, social links (the only way a LinkedIn URL enters a view), work history, education and
 * skills the ATS does not have already, and its attributes (industry, company size, certifications, languages, groups,
 * interests, honours, diversity).
 */
final class Enrichments {

    private static final CandidateView.Source ATS = CandidateView.Source.ATS;
    private static final CandidateView.Source RESUME = CandidateView.Source.RESUME;
    private static final CandidateView.Source PROFILE = CandidateView.Source.PUBLIC_PROFILE;

    private Enrichments() {
    }

    /**
     * @param d       the ATS data
     * @param resume  the resume's text, when it was read
     * @param profile the matched profile, or empty when the candidate is not matched
     * @return the enrichment
     */
    static CandidateView.Enrichment of(AtsData d, Optional<ResumeText> resume, Optional<Profile> profile) {
        List<CandidateView.Sourced<String>> links = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // No LinkedIn URL from the ATS or the resume: an unmatched candidate never shows one, a matched one the profile's.
        d.links().stream().filter(l -> LinkUrls.linkedin(l).isEmpty()).forEach(l -> addLink(links, seen, l, ATS));
        resume.map(ResumeText::githubUrls).orElse(List.of()).forEach(u -> addLink(links, seen, "https://" + u, RESUME));
        Profile p = profile.orElse(null);
        if (p == null) {
            return new CandidateView.Enrichment(null, sourced(d.location(), ATS), links, sourced(d.workHistory(), ATS),
                    sourced(d.education(), ATS), sourced(d.skills(), ATS), Map.of());
        }
        p.linkedinUrls().forEach(u -> addLink(links, seen, "https://www." + u, PROFILE));
        p.githubUrls().forEach(u -> addLink(links, seen, "https://" + u, PROFILE));
        Stream.of(p.twitterUrl(), p.facebookUrl()).filter(Objects::nonNull).forEach(u -> addLink(links, seen, u, PROFILE));

        List<CandidateView.Sourced<CandidateView.Position>> work = new ArrayList<>(sourced(d.workHistory(), ATS));
        p.experience().stream().map(e -> new CandidateView.Position(e.companyName(), e.title(), e.startDate(), e.endDate(),
                e.current())).forEach(pos -> addNew(work, pos, Enrichments::sameJob));
        List<CandidateView.Sourced<CandidateView.School>> schools = new ArrayList<>(sourced(d.education(), ATS));
        p.education().stream().map(e -> new CandidateView.School(e.school(), first(e.degrees()), first(e.majors()),
                e.startDate(), e.endDate())).forEach(s -> addNew(schools, s, x -> NameKeys.fold(x.school())));
        List<CandidateView.Sourced<String>> skills = new ArrayList<>(sourced(d.skills(), ATS));
        p.skills().forEach(s -> addNew(skills, s, NameKeys::fold));

        Map<String, List<CandidateView.Sourced<String>>> attributes = new LinkedHashMap<>();
        attribute(attributes, "industry", Stream.of(p.industry(), p.jobCompanyIndustry()));
        attribute(attributes, "companySize", Stream.of(p.jobCompanySize()));
        attribute(attributes, "certifications", p.certifications().stream().map(Profile.Certification::name));
        attribute(attributes, "languages", p.languages().stream().map(Profile.Language::name));
        attribute(attributes, "groups", p.groups().stream());
        attribute(attributes, "interests", p.interests().stream());
        attribute(attributes, "honors", p.honors().stream());
        attribute(attributes, "diversity", p.diversity().stream());
        CandidateView.Sourced<String> location = d.location() != null ? sourced(d.location(), ATS)
                : sourced(p.locationName(), PROFILE);
        return new CandidateView.Enrichment(sourced(p.headline(), PROFILE), location, links, work, schools, skills,
                attributes);
    }

    private static String sameJob(CandidateView.Position p) {
        String start = p.startDate() == null || p.startDate().length() < 4 ? "" : p.startDate().substring(0, 4);
        return NameKeys.fold(p.company()) + "|" + start;
    }

    /** Adds a profile value unless a value the list has already (from the ATS) is the same by {@code identity}. */
    private static <T> void addNew(List<CandidateView.Sourced<T>> list, T value, Function<T, String> identity) {
        String id = identity.apply(value);
        if (list.stream().noneMatch(s -> identity.apply(s.value()).equals(id))) {
            list.add(new CandidateView.Sourced<>(value, PROFILE));
        }
    }

    private static void addLink(List<CandidateView.Sourced<String>> links, Set<String> seen, String url,
                                CandidateView.Source source) {
        String canonical = LinkUrls.linkedin(url).or(() -> LinkUrls.github(url)).orElse(url);
        if (seen.add(canonical)) {
            links.add(new CandidateView.Sourced<>(url, source));
        }
    }

    private static void attribute(Map<String, List<CandidateView.Sourced<String>>> attributes, String key,
                                  Stream<String> values) {
        List<CandidateView.Sourced<String>> list = values.filter(v -> v != null && !v.isBlank()).distinct()
                .map(v -> new CandidateView.Sourced<>(v, PROFILE)).toList();
        if (!list.isEmpty()) {
            attributes.put(key, list);
        }
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static <T> CandidateView.Sourced<T> sourced(T value, CandidateView.Source source) {
        return value == null ? null : new CandidateView.Sourced<>(value, source);
    }

    private static <T> List<CandidateView.Sourced<T>> sourced(List<T> values, CandidateView.Source source) {
        return values.stream().map(v -> new CandidateView.Sourced<>(v, source)).toList();
    }
}
