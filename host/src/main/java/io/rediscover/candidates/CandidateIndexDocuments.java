package io.rediscover.candidates;

import io.rediscover.documents.ResumeText;
import io.rediscover.index.Analyzer;
import io.rediscover.index.CandidateDocuments;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.IndexedCandidate;
import io.rediscover.index.Indexes;
import io.rediscover.index.ProfileFields;
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
 * unscoped words). A matched candidate ({@code matched=true}) is found by its profile's values too — the same mapping as
 * the public-profile index's ({@link ProfileFields}): past jobs, skills, schools, industry, company size,
 * certifications, languages, groups, interests, honours, diversity, the headline, and years when the ATS dates none.
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

        // Values by field: the ATS's own, then — for a matched candidate — the profile's it does not have (its current
        // title and employer only when the ATS names none: the ATS may know of a newer job).
        Map<String, List<String>> values = new LinkedHashMap<>();
        put(values, "location", Stream.ofNullable(d.location()));
        put(values, "title", current.map(CandidateView.Position::title).stream());
        put(values, "company", current.map(CandidateView.Position::company).stream());
        put(values, "pasttitle", past.stream().map(CandidateView.Position::title));
        put(values, "pastcompany", past.stream().map(CandidateView.Position::company));
        put(values, "skill", d.skills().stream());
        put(values, "school", schools.stream().map(CandidateView.School::school));
        put(values, "degree", schools.stream().map(CandidateView.School::degree));
        put(values, "major", schools.stream().map(CandidateView.School::major));
        Optional<CandidateViews.Matched> matched = views.matched(ref, d.record().externalId());
        matched.ifPresent(m -> ProfileFields.values(m.profile()).forEach((field, profileValues) -> {
            boolean atsFirst = field.equals("title") || field.equals("company") || field.equals("location");
            if (!field.equals("name") && !(atsFirst && values.containsKey(field))) {
                put(values, field, profileValues.stream());
            }
        }));

        Map<String, List<String>> facets = new LinkedHashMap<>();
        CandidateFields.FACETS.stream().filter(f -> !f.equals("matched"))
                .forEach(f -> CandidateFields.facet(facets, f, values.getOrDefault(f, List.of()).stream()));
        CandidateFields.facet(facets, "matched", Stream.of(Boolean.toString(matched.isPresent())));

        Map<String, String> text = new LinkedHashMap<>();
        text.put("name", Analyzer.analyzed(d.displayName()));
        for (String f : List.of("title", "company", "pasttitle", "pastcompany", "skill", "school", "degree", "major",
                "location", "headline")) {
            text.put(f, analyzed(values.getOrDefault(f, List.of()).stream()));
        }
        views.resume(ref, d).filter(ResumeText::ok).ifPresent(r -> text.put("resume", Analyzer.analyzed(r.text())));
        // Unscoped words also find what has no scope of its own: industry, certifications, languages, groups, …
        String unscoped = analyzed(values.entrySet().stream().filter(e -> !text.containsKey(e.getKey()))
                .flatMap(e -> e.getValue().stream()));

        Map<String, Instant> dates = new LinkedHashMap<>();
        dates.put(CandidateFields.DATE_PREFIX + CandidateFields.UPDATED, CandidateViews.orEpoch(d.updatedAt()));
        List<String> atsText = new ArrayList<>();
        for (String key : fields.atsTerms()) {
            List<String> atsValues = d.valuesOf(key);
            if (!atsValues.isEmpty()) {
                facets.put(CandidateFields.ATS_PREFIX + key, atsValues);
                text.put(CandidateFields.ATS_TEXT_PREFIX + key, analyzed(atsValues.stream()));
                atsText.addAll(atsValues);
            }
        }
        for (String key : fields.atsDates()) {
            d.valuesOf(key).stream().map(CandidateIndexDocuments::instant).flatMap(Optional::stream).max(Instant::compareTo)
                    .ifPresent(latest -> dates.put(CandidateFields.DATE_PREFIX + key, latest));
        }
        List<String> all = new ArrayList<>(text.values());
        all.add(unscoped);
        text.put("all", String.join(" ", all.stream().filter(s -> !s.isEmpty()).toList()));

        Map<String, Long> numbers = new LinkedHashMap<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        matched.ifPresent(m -> numbers.putAll(ProfileFields.numbers(m.profile(), today))); // the ATS's own years win
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
        for (String f : List.of("title", "company", "location")) {
            List<String> v = values.getOrDefault(f, List.of());
            if (!v.isEmpty()) {
                display.put(f, v.get(0));
            }
        }
        return new IndexedCandidate(CandidateDocuments.key(ref, d.record().externalId()), ref.connectionId(),
                d.record().externalId(), display, text, facets, numbers, dates);
    }

    private static void put(Map<String, List<String>> values, String field, Stream<String> more) {
        List<String> list = values.computeIfAbsent(field, f -> new ArrayList<>());
        more.filter(v -> v != null && !v.isBlank() && !list.contains(v)).forEach(list::add);
        if (list.isEmpty()) {
            values.remove(field);
        }
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
