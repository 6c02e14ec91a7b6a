package io.rediscover.candidates;

import io.rediscover.documents.ResumeText;
import io.rediscover.documents.ResumeTexts;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.ProfileField;
import io.rediscover.pluginapi.ProfileFieldType;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.profiles.LinkUrls;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Merges what is known about an ATS candidate into its {@link CandidateView}: the mirrored record and applications,
 * labelled with the connector's declared profile fields, and the enrichment. The same merge feeds the index
 * ({@link CandidateIndexDocuments}), so what a recruiter finds is what they see when they open the candidate.
 */
@Singleton
public final class CandidateViews {

    private final MirrorStore mirror;
    private final ConnectionDescriptors descriptors;
    private final ResumeTexts texts;

    /**
     * @param mirror      the mirror
     * @param descriptors which connector each connection uses
     * @param texts       the resumes' extracted texts
     */
    @Inject
    public CandidateViews(MirrorStore mirror, ConnectionDescriptors descriptors, ResumeTexts texts) {
        this.mirror = mirror;
        this.descriptors = descriptors;
        this.texts = texts;
    }

    /**
     * @param org the caller's org
     * @param id  a candidate id
     * @return the text of its resume, when it has one that was read
     */
    public Optional<String> resumeText(String org, CandidateId id) {
        ConnectionRef ref = id.ref(org);
        return load(ref, id.atsId()).flatMap(d -> resume(ref, d)).filter(ResumeText::ok).map(ResumeText::text);
    }

    /** @return what the text stage read from the candidate's resume, if it has one and it was read */
    Optional<ResumeText> resume(ConnectionRef ref, AtsData d) {
        return Optional.ofNullable(d.record().resume()).flatMap(r -> texts.text(ref.org(), r.sha256()));
    }

    /**
     * @param ref   the connection
     * @param atsId the candidate's id in the ATS
     * @return the mirrored candidate (live or deleted) with its live applications, newest first
     */
    Optional<AtsData> load(ConnectionRef ref, String atsId) {
        return mirror.record(ref, RecordKind.CANDIDATE, atsId).map(r -> new AtsData(r, r.live()
                ? mirror.applicationsOf(ref, atsId).stream()
                        .sorted(Comparator.comparing(MirrorRecord::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList()
                : List.of()));
    }

    /**
     * @param org the caller's org
     * @param id  a candidate id
     * @return its view, or empty when the org has no such candidate
     */
    public Optional<CandidateView> view(String org, CandidateId id) {
        ConnectionRef ref = id.ref(org);
        return load(ref, id.atsId()).map(d -> view(ref, id, d));
    }

    private CandidateView view(ConnectionRef ref, CandidateId id, AtsData d) {
        if (!d.record().live()) {
            return new CandidateView(id.value(), ref.connectionId(), id.atsId(), d.record().externalId(), true,
                    d.record().updatedAt(), null, null, null);
        }
        List<ProfileField> declared = descriptors.descriptor(ref).map(ConnectorDescriptor::profileFields).orElse(List.of());
        CandidateView.Resume resume = d.record().resume() == null ? null : new CandidateView.Resume(
                d.record().resume().fileName(), d.record().resume().mediaType(), d.record().resume().size(),
                "/api/candidates/" + id.value() + "/resume", "/api/candidates/" + id.value() + "/resume?text=true");
        List<CandidateView.Workflow> workflows = d.applications().stream().map(a -> workflow(a, declared)).toList();
        CandidateView.Ats ats = new CandidateView.Ats(fields(d.attributes(), declared), workflows, resume);
        return new CandidateView(id.value(), ref.connectionId(), id.atsId(), d.displayName(), false, d.updatedAt(), null,
                ats, atsEnrichment(d));
    }

    private static CandidateView.Workflow workflow(MirrorRecord a, List<ProfileField> declared) {
        var data = a.data();
        return new CandidateView.Workflow(a.externalId(), AtsData.text(data, "jobTitle"), AtsData.text(data, "source"),
                AtsData.text(data, "status"), AtsData.text(data, "stage"), AtsData.text(data, "recruiter"), a.updatedAt(),
                fields(AtsData.attributes(data), declared));
    }

    /** The declared profile fields that hold values, in the descriptor's order; documents are shown as the resume. */
    private static List<CandidateView.Field> fields(Map<String, List<String>> values, List<ProfileField> declared) {
        List<CandidateView.Field> out = new ArrayList<>();
        for (ProfileField f : declared) {
            List<String> v = values.getOrDefault(f.key(), List.of());
            if (!v.isEmpty() && f.type() != ProfileFieldType.DOCUMENT) {
                out.add(new CandidateView.Field(f.key(), f.label(), f.type().name().toLowerCase(Locale.ROOT), v));
            }
        }
        return out;
    }

    /**
     * What the ATS itself says beyond its panel, each value sourced to the ATS. No LinkedIn URL: an unmatched candidate
     * never shows one, so only a matched profile brings it.
     */
    private static CandidateView.Enrichment atsEnrichment(AtsData d) {
        CandidateView.Source ats = CandidateView.Source.ATS;
        List<CandidateView.Sourced<String>> links = d.links().stream().filter(l -> LinkUrls.linkedin(l).isEmpty())
                .map(l -> new CandidateView.Sourced<>(l, ats)).toList();
        return new CandidateView.Enrichment(null, d.location() == null ? null : new CandidateView.Sourced<>(d.location(), ats),
                links, d.workHistory().stream().map(p -> new CandidateView.Sourced<>(p, ats)).toList(),
                d.education().stream().map(s -> new CandidateView.Sourced<>(s, ats)).toList(),
                d.skills().stream().map(s -> new CandidateView.Sourced<>(s, ats)).toList(), Map.of());
    }

    /**
     * @param org          the caller's org
     * @param connectionId one of its connections
     * @param atsId        an id in that ATS
     * @return the candidate's id, when the org's connection mirrors it
     */
    public Optional<CandidateId> find(String org, String connectionId, String atsId) {
        ConnectionRef ref = new ConnectionRef(org, connectionId);
        return mirror.record(ref, RecordKind.CANDIDATE, atsId).map(r -> new CandidateId(connectionId, atsId));
    }

    /** @param instant an instant or null @return it as the index's date, never null */
    static Instant orEpoch(Instant instant) {
        return instant == null ? Instant.EPOCH : instant;
    }
}
