package io.rediscover.candidates;

import io.rediscover.documents.ResumeText;
import io.rediscover.index.Analyzer;
import io.rediscover.index.CandidateDocuments;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.IndexedCandidate;
import io.rediscover.index.Indexes;
import io.rediscover.mirror.ConnectionRef;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A candidate's index document, from the same merge as its view: text for keyword and Boolean search, keyword values
 * for every filter and insight (power filters, and each ATS filter the connectors declare, taken from the candidate's
 * and its applications' attribute values), years as numbers, and the last update as a date. Power-filter values are kept
 * as the source spells them and in their folded forms, which filters match ({@link CandidateFields#facet}); ATS values
 * are the ATS's own labels and kept as they are. The resume's extracted text is searchable (scope {@code resume}, and
 * unscoped words).
 */
@Singleton
public final class CandidateIndexDocuments implements CandidateDocuments {

    private final CandidateViews views;
    private final Indexes indexes;
    private final Clock clock;

    /** @param views the merge @param indexes their fields @param clock the host's clock (years are counted to today) */
    @Inject
    public CandidateIndexDocuments(CandidateViews views, Indexes indexes, Clock clock) {
        this.views = views;
        this.indexes = indexes;
        this.clock = clock;
    }

    @Override
    public Optional<IndexedCandidate> document(ConnectionRef ref, String candidateId) {
        return views.load(ref, candidateId).filter(d -> d.record().live()).map(d -> document(ref, d));
    }

    private IndexedCandidate document(ConnectionRef ref, AtsData d) {
        CandidateFields fields = indexes.fields();
        List<CandidateView.Position> work = d.workHistory();
        Optional<CandidateView.Position> current = work.stream().filter(p -> p.current() || p.endDate() == null).findFirst()
                .or(() -> work.stream().findFirst());
        List<CandidateView.Position> past = work.stream().filter(p -> current.isEmpty() || p != current.get()).toList();
        List<CandidateView.School> schools = d.education();

        Map<String, List<String>> facets = new LinkedHashMap<>();
        CandidateFields.facet(facets, "location", Stream.ofNullable(d.location()));
        CandidateFields.facet(facets, "title", current.map(CandidateView.Position::title).stream());
        CandidateFields.facet(facets, "company", current.map(CandidateView.Position::company).stream());
        CandidateFields.facet(facets, "pasttitle", past.stream().map(CandidateView.Position::title));
        CandidateFields.facet(facets, "pastcompany", past.stream().map(CandidateView.Position::company));
        CandidateFields.facet(facets, "skill", d.skills().stream());
        CandidateFields.facet(facets, "school", schools.stream().map(CandidateView.School::school));
        CandidateFields.facet(facets, "degree", schools.stream().map(CandidateView.School::degree));
        CandidateFields.facet(facets, "major", schools.stream().map(CandidateView.School::major));
        CandidateFields.facet(facets, "matched", Stream.of("false"));

        Map<String, String> text = new LinkedHashMap<>();
        text.put("name", Analyzer.analyzed(d.displayName()));
        text.put("title", analyzed(current.map(CandidateView.Position::title).stream()));
        text.put("company", analyzed(current.map(CandidateView.Position::company).stream()));
        text.put("pasttitle", analyzed(past.stream().map(CandidateView.Position::title)));
        text.put("pastcompany", analyzed(past.stream().map(CandidateView.Position::company)));
        text.put("skill", analyzed(d.skills().stream()));
        text.put("school", analyzed(schools.stream().map(CandidateView.School::school)));
        text.put("degree", analyzed(schools.stream().map(CandidateView.School::degree)));
        text.put("major", analyzed(schools.stream().map(CandidateView.School::major)));
        text.put("location", Analyzer.analyzed(d.location()));
        views.resume(ref, d).filter(ResumeText::ok).ifPresent(r -> text.put("resume", Analyzer.analyzed(r.text())));

        Map<String, Instant> dates = new LinkedHashMap<>();
        dates.put(CandidateFields.DATE_PREFIX + CandidateFields.UPDATED, CandidateViews.orEpoch(d.updatedAt()));
        List<String> atsText = new ArrayList<>();
        for (String key : fields.atsTerms()) {
            List<String> values = d.valuesOf(key);
            if (!values.isEmpty()) {
                facets.put(CandidateFields.ATS_PREFIX + key, values);
                text.put(CandidateFields.ATS_TEXT_PREFIX + key, analyzed(values.stream()));
                atsText.addAll(values);
            }
        }
        for (String key : fields.atsDates()) {
            d.valuesOf(key).stream().map(CandidateIndexDocuments::instant).flatMap(Optional::stream).max(Instant::compareTo)
                    .ifPresent(latest -> dates.put(CandidateFields.DATE_PREFIX + key, latest));
        }
        text.put("all", String.join(" ", text.values().stream().filter(s -> !s.isEmpty()).toList()));

        Map<String, Long> numbers = new LinkedHashMap<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long years = Careers.yearsOfExperience(work, today);
        if (years >= 0) {
            numbers.put(CandidateFields.NUMBER_PREFIX + "yearsexperience", years);
        }
        long inRole = Careers.yearsInRole(work, today);
        if (inRole >= 0) {
            numbers.put(CandidateFields.NUMBER_PREFIX + "yearsinrole", inRole);
        }

        Map<String, String> display = new LinkedHashMap<>();
        display.put("name", d.displayName());
        current.map(CandidateView.Position::title).ifPresent(t -> display.put("title", t));
        current.map(CandidateView.Position::company).ifPresent(c -> display.put("company", c));
        if (d.location() != null) {
            display.put("location", d.location());
        }
        return new IndexedCandidate(CandidateDocuments.key(ref, d.record().externalId()), ref.connectionId(),
                d.record().externalId(), display, text, facets, numbers, dates);
    }

    private static String analyzed(Stream<String> values) {
        return values.filter(Objects::nonNull).map(Analyzer::analyzed).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
