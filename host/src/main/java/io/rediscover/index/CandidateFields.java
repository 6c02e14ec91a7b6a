package io.rediscover.index;

import io.indextables.tantivy4java.core.Schema;
import io.indextables.tantivy4java.core.SchemaBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fields of a candidate index: a fixed catalogue (text for keyword and Boolean search, keywords for filters and
 * insights, numbers, dates, stored display values) plus one keyword field, one text field and/or one date field per
 * ATS filter that the installed connectors declare — read from their descriptors, so a new connector's filters index
 * with no change here. The field list has a fingerprint: an index built with another list is rebuilt.
 *
 * <p>Text is analysed before it reaches Tantivy (by the search package's analyzer, the same one that analyses query
 * terms) and indexed with Tantivy's whitespace tokenizer, so what a query asks for is exactly what was indexed.
 */
public final class CandidateFields {

    /** Unique document key. */
    public static final String KEY = "key";
    /** The source connection (empty for public profiles). */
    public static final String CONNECTION = "connection";
    /** The id in the source. */
    public static final String EXTERNAL_ID = "externalId";

    /** Text fields a Boolean query can scope to, and the catch-all field unscoped terms search. */
    public static final List<String> TEXT = List.of("name", "title", "company", "pastcompany", "pasttitle", "skill",
            "school", "degree", "major", "location", "headline", "resume", "all");
    /** Keyword fields of the power and diversity filters (prefixed {@value #FACET_PREFIX} in the index). */
    public static final List<String> FACETS = List.of("location", "title", "company", "pastcompany", "pasttitle",
            "skill", "school", "degree", "major", "industry", "companysize", "certification", "language", "group",
            "interest", "honor", "diversity", "matched");
    /** Whole-number fields (range filters and buckets). */
    public static final List<String> NUMBERS = List.of("yearsexperience", "yearsinrole");
    /** Values shown in result lists. */
    public static final List<String> DISPLAY = List.of("name", "title", "company", "location");

    /** Prefix of power-filter keyword fields: each value as the source spells it, for facets and insights. */
    public static final String FACET_PREFIX = "f_";
    /** Prefix of the folded forms of power-filter values ({@link Analyzer#keyword}), which filters match. */
    public static final String FOLDED_PREFIX = "fk_";
    /** Prefix of ATS filter keyword fields. */
    public static final String ATS_PREFIX = "ats_";
    /** Prefix of ATS text fields (Boolean scopes such as {@code status:}). */
    public static final String ATS_TEXT_PREFIX = "atx_";
    /** Prefix of date fields. */
    public static final String DATE_PREFIX = "dt_";
    /** Prefix of number fields. */
    public static final String NUMBER_PREFIX = "n_";
    /** Prefix of stored display fields. */
    public static final String DISPLAY_PREFIX = "show_";
    /** The date every candidate has: when its ATS data last changed. */
    public static final String UPDATED = "updated";

    /** The fields whose values {@link #VALUE_COUNTS} counts: the folded power filters, then the numbers. */
    public static final List<String> COUNTED = Stream.concat(FACETS.stream().map(f -> FOLDED_PREFIX + f),
            NUMBERS.stream().map(f -> NUMBER_PREFIX + f)).toList();
    /**
     * A number field holding, for each {@link #COUNTED} field a document has values of, which field and how many
     * ({@link ValueCount}). One terms aggregation over it tells, for every field of a result set at once, how many
     * documents hold a value and how many values they hold — what insights' "other" and "unknown" need; a value count
     * and a "missing" bucket per field cost two passes over each field's values (two thirds of an insight's time).
     */
    public static final String VALUE_COUNTS = "valuecounts";
    private static final long VALUE_COUNT_BASE = 1_000_000;

    private static final Pattern KEY_SYNTAX = Pattern.compile("[a-z][a-zA-Z0-9]{0,40}");

    private final Set<String> atsTerms;
    private final Set<String> atsDates;

    /**
     * @param atsTerms the ATS terms-filter keys of every installed connector (e.g. status, job, source)
     * @param atsDates the ATS date-range filter keys (e.g. lastUpdated)
     */
    public CandidateFields(Set<String> atsTerms, Set<String> atsDates) {
        for (String k : union(atsTerms, atsDates)) {
            if (!KEY_SYNTAX.matcher(k).matches()) {
                throw new IllegalArgumentException("filter key '" + k + "' cannot name an index field");
            }
        }
        this.atsTerms = new TreeSet<>(atsTerms);
        this.atsDates = new TreeSet<>(atsDates);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** @return the ATS terms-filter keys */
    public Set<String> atsTerms() {
        return atsTerms;
    }

    /** @return the ATS date-range filter keys */
    public Set<String> atsDates() {
        return atsDates;
    }

    /**
     * Adds a power-filter value list to a document: each distinct value (by its folded form) once, spelled as the source
     * first spelled it, and its folded form, which filters match whatever the case and accents typed.
     *
     * @param facets the document's keyword fields
     * @param name   a {@link #FACETS} name
     * @param values the source values (nulls and blanks skipped)
     */
    public static void facet(Map<String, List<String>> facets, String name, Stream<String> values) {
        Map<String, String> byFolded = new LinkedHashMap<>();
        values.filter(Objects::nonNull).map(v -> v.strip().replaceAll("\\s+", " ")).filter(v -> !v.isEmpty())
                .forEach(v -> {
                    String folded = Analyzer.keyword(v);
                    if (!folded.isEmpty()) {
                        byFolded.putIfAbsent(folded, v);
                    }
                });
        if (!byFolded.isEmpty()) {
            facets.put(FACET_PREFIX + name, List.copyOf(byFolded.values()));
            facets.put(FOLDED_PREFIX + name, List.copyOf(byFolded.keySet()));
        }
    }

    /**
     * One number of {@link #VALUE_COUNTS}: a field of {@link #COUNTED} and how many values a document holds of it
     * (keyword values as listed; a number field holds one).
     *
     * @param field  a {@link #COUNTED} field
     * @param values how many, at least 1 (a document without values of a field has no number for it); at most 999,999
     */
    public record ValueCount(String field, long values) {

        /** @return it as stored: the field's place in {@link #COUNTED}, then the count in the six lowest digits */
        long encoded() {
            return COUNTED.indexOf(field) * VALUE_COUNT_BASE + values;
        }

        /**
         * @param encoded a number of {@link #VALUE_COUNTS}
         * @return what it says
         * @throws IllegalArgumentException when it names no field (an index of another field list, which is rebuilt)
         */
        public static ValueCount of(long encoded) {
            int field = (int) (encoded / VALUE_COUNT_BASE);
            if (encoded < 0 || field >= COUNTED.size()) {
                throw new IllegalArgumentException("value count " + encoded + " names no counted field");
            }
            return new ValueCount(COUNTED.get(field), encoded % VALUE_COUNT_BASE);
        }
    }

    /**
     * @param c a document
     * @return its value counts, one per {@link #COUNTED} field it holds values of (a count beyond 999,999 — no real
     *         candidate — is stored as 999,999)
     */
    static List<ValueCount> valueCounts(IndexedCandidate c) {
        List<ValueCount> out = new ArrayList<>();
        for (String field : COUNTED) {
            long n = field.startsWith(NUMBER_PREFIX) ? (c.numbers().containsKey(field) ? 1 : 0)
                    : c.keywords().getOrDefault(field, List.of()).size();
            if (n > 0) {
                out.add(new ValueCount(field, Math.min(n, VALUE_COUNT_BASE - 1)));
            }
        }
        return out;
    }

    /** @return every field with its kind, in schema order */
    List<String> describe() {
        List<String> out = new ArrayList<>(List.of(KEY + ":id", CONNECTION + ":id", EXTERNAL_ID + ":id"));
        TEXT.forEach(f -> out.add(f + ":text"));
        FACETS.forEach(f -> out.add(FACET_PREFIX + f + ":keyword"));
        FACETS.forEach(f -> out.add(FOLDED_PREFIX + f + ":keyword"));
        NUMBERS.forEach(f -> out.add(NUMBER_PREFIX + f + ":number"));
        DISPLAY.forEach(f -> out.add(DISPLAY_PREFIX + f + ":display"));
        out.add(DATE_PREFIX + UPDATED + ":date");
        out.add(VALUE_COUNTS + ":counts");
        atsTerms.forEach(k -> {
            out.add(ATS_PREFIX + k + ":keyword");
            out.add(ATS_TEXT_PREFIX + k + ":text");
        });
        atsDates.forEach(k -> out.add(DATE_PREFIX + k + ":date"));
        return out;
    }

    /** @return a short hash of the field list: an index whose fingerprint differs must be rebuilt */
    public String fingerprint() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(String.join(",", describe()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a new Tantivy schema of these fields; close it after use */
    Schema schema() {
        try (SchemaBuilder b = new SchemaBuilder()) {
            for (String f : describe()) {
                String name = f.substring(0, f.indexOf(':'));
                switch (f.substring(f.indexOf(':') + 1)) {
                    case "id", "keyword" -> b.addStringField(name, true, true, true);
                    case "text" -> b.addTextField(name, false, false, "whitespace", "position");
                    case "number" -> b.addIntegerField(name, true, true, true);
                    case "counts" -> b.addIntegerField(name, false, false, true);
                    case "date" -> b.addDateField(name, true, true, true);
                    // indexed as well: a split refuses a stored field that is not indexed
                    case "display" -> b.addStringField(name, true, true, false);
                    default -> throw new IllegalStateException(f);
                }
            }
            return b.build();
        }
    }
}
