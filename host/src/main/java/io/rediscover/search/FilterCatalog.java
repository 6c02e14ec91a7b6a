package io.rediscover.search;

import io.rediscover.index.Analyzer;
import io.rediscover.index.CandidateFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every filter a search takes, by the key the API (and the insights' refine-by-click) uses: the power filters, the
 * diversity filter, and one filter per ATS filter the installed connectors declare. Each names the index field it
 * reads and whether it takes values (OR within the filter) or a range.
 */
public final class FilterCatalog {

    /** How a filter selects. */
    public enum Kind {
        /** A set of values; a candidate matches any of them. */
        TERMS,
        /** A whole-number range {@code {from, to}}, both inclusive, either optional. */
        NUMBER_RANGE,
        /** A date range {@code {from, to}} (ISO dates or instants), both inclusive, either optional. */
        DATE_RANGE
    }

    /**
     * @param key   the API key
     * @param label how the UI names it
     * @param group power, diversity or ats
     * @param kind  how it selects
     * @param field the index field its values are counted in (as the source spells them)
     */
    public record Filter(String key, String label, String group, Kind kind, String field) {

        /** @return whether values are matched by their folded forms (power and diversity filters) */
        public boolean folds() {
            return field.startsWith(CandidateFields.FACET_PREFIX);
        }

        /**
         * @return whether public profiles can have values for it: not the ATS's filters, nor "matched to a public
         *         profile", which only ATS candidates are
         */
        public boolean forPublicProfiles() {
            return !group.equals("ats") && !key.equals("matched");
        }

        /**
         * @param spelling a value as a source spells it ("BOSTON")
         * @return the value a selection matches it by: folded for power and diversity filters ("boston"), as it is for
         *         the ATS's own labels
         */
        public String value(String spelling) {
            return folds() ? Analyzer.keyword(spelling) : spelling;
        }

        /** @return the index field a selection of values is matched in */
        public String matchField() {
            return folds() ? CandidateFields.FOLDED_PREFIX + field.substring(CandidateFields.FACET_PREFIX.length()) : field;
        }
    }

    private static final List<Filter> POWER = List.of(
            facet("location", "Location"), facet("title", "Current Title"), facet("company", "Current Company"),
            facet("pastcompany", "Past Company"), facet("pasttitle", "Past Title"), facet("skill", "Skills"),
            new Filter("yearsexperience", "Years of Experience", "power", Kind.NUMBER_RANGE,
                    CandidateFields.NUMBER_PREFIX + "yearsexperience"),
            new Filter("yearsinrole", "Years in Current Role", "power", Kind.NUMBER_RANGE,
                    CandidateFields.NUMBER_PREFIX + "yearsinrole"),
            facet("school", "School"), facet("degree", "Degree"), facet("major", "Major"), facet("industry", "Industry"),
            facet("companysize", "Company Size"), facet("certification", "Certifications"),
            facet("language", "Languages"), facet("group", "Groups"), facet("interest", "Interests"),
            facet("honor", "Honors/Awards"), facet("matched", "Matched to a public profile"));

    private final Map<String, Filter> byKey = new LinkedHashMap<>();

    /**
     * @param fields the index's fields, whose ATS keys become ATS filters
     * @param labels the connectors' labels of their filter keys
     */
    public FilterCatalog(CandidateFields fields, Map<String, String> labels) {
        POWER.forEach(f -> byKey.put(f.key(), f));
        byKey.put("diversity", new Filter("diversity", "Diversity", "diversity", Kind.TERMS,
                CandidateFields.FACET_PREFIX + "diversity"));
        for (String k : fields.atsTerms()) {
            byKey.putIfAbsent(k, new Filter(k, labels.getOrDefault(k, k), "ats", Kind.TERMS, CandidateFields.ATS_PREFIX + k));
        }
        for (String k : fields.atsDates()) {
            byKey.putIfAbsent(k, new Filter(k, labels.getOrDefault(k, k), "ats", Kind.DATE_RANGE,
                    CandidateFields.DATE_PREFIX + k));
        }
    }

    private static Filter facet(String key, String label) {
        return new Filter(key, label, "power", Kind.TERMS, CandidateFields.FACET_PREFIX + key);
    }

    /** @param key an API key @return its filter, if it is one */
    public Optional<Filter> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** @return every filter, power filters first, then diversity, then the ATS's */
    public List<Filter> all() {
        return new ArrayList<>(byKey.values());
    }

    /** @return every key, for error messages */
    public List<String> keys() {
        return new ArrayList<>(byKey.keySet());
    }
}
