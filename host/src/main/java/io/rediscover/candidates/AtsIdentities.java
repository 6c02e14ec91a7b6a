package io.rediscover.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.documents.ResumeText;
import io.rediscover.matching.CandidateIdentities;
import io.rediscover.matching.CandidateIdentity;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.profiles.LinkUrls;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A candidate's identity for matching, from the same merge as its view: the ATS's name, link fields, work history,
 * education and location, and the LinkedIn and GitHub URLs the text stage found in the resume (its text and its
 * hyperlinks). A URL in both counts once, as the ATS's.
 */
@Singleton
final class AtsIdentities implements CandidateIdentities {

    private final CandidateViews views;

    /** @param views the merge */
    @Inject
    AtsIdentities(CandidateViews views) {
        this.views = views;
    }

    @Override
    public Optional<CandidateIdentity> identity(ConnectionRef ref, String candidateId) {
        return views.load(ref, candidateId).filter(d -> d.record().live()).map(d -> identity(ref, d));
    }

    private CandidateIdentity identity(ConnectionRef ref, AtsData d) {
        Optional<ResumeText> resume = views.resume(ref, d).filter(ResumeText::ok);
        List<CandidateIdentity.Link> linkedin = links(d.links(), resume.map(ResumeText::linkedinUrls).orElse(List.of()),
                LinkUrls::linkedin);
        List<CandidateIdentity.Link> github = links(d.links(), resume.map(ResumeText::githubUrls).orElse(List.of()),
                LinkUrls::github);
        List<CandidateIdentity.Job> work = d.workHistory().stream().map(p -> new CandidateIdentity.Job(p.company(), p.title(),
                p.startDate(), p.endDate(), p.current())).toList();
        List<CandidateIdentity.Study> education = d.education().stream().map(s -> new CandidateIdentity.Study(s.school(),
                s.degree(), s.startDate(), s.endDate())).toList();
        JsonNode l = d.data().path("location");
        CandidateIdentity.Place place = l.isObject()
                ? new CandidateIdentity.Place(AtsData.text(l, "city"), AtsData.text(l, "region"), AtsData.text(l, "country"))
                : null;
        return new CandidateIdentity(d.firstName(), d.middleName(), d.lastName(), linkedin, github, work, education, place);
    }

    /** The canonical URLs of one site: the ATS's first, then the resume's, each once. */
    private static List<CandidateIdentity.Link> links(List<String> atsLinks, List<String> resumeUrls,
                                                      Function<String, Optional<String>> canonical) {
        Map<String, CandidateIdentity.Origin> urls = new LinkedHashMap<>();
        atsLinks.forEach(l -> canonical.apply(l).ifPresent(u -> urls.putIfAbsent(u, CandidateIdentity.Origin.ATS)));
        resumeUrls.forEach(u -> canonical.apply(u).ifPresent(c -> urls.putIfAbsent(c, CandidateIdentity.Origin.RESUME)));
        List<CandidateIdentity.Link> out = new ArrayList<>();
        urls.forEach((u, o) -> out.add(new CandidateIdentity.Link(u, o)));
        return out;
    }
}
