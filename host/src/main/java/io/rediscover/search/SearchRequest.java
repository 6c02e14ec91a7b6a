package io.rediscover.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.web.InvalidField;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/search} (and of the insights, which take the same): which corpus, the Boolean query,
 * the filters, the order and the page. Validated field by field; a bad one answers 400 naming it by its path
 * ({@code filters.status[1]}, {@code size}).
 *
 * @param corpus  {@code ats} (the caller's org's candidates) or {@code public} (the public profiles)
 * @param query   the Boolean query, or empty for everything
 * @param filters the filters: each key a list of values, or a range {@code {from, to}}
 * @param sort    {@code relevance} or {@code lastUpdated}
 * @param page    the page, from 1
 * @param size    hits per page, 1 to {@value #MAX_SIZE}
 */
public record SearchRequest(String corpus, String query, JsonNode filters, String sort, Integer page, Integer size) {

    /** Largest page. */
    public static final int MAX_SIZE = 100;
    /** Deepest hit a page may reach: deep paging is capped, and the answer says so. */
    public static final int MAX_DEPTH = 10_000;
    /** Most values one filter may select. */
    public static final int MAX_VALUES = 200;

    /** The corpora. */
    public enum Corpus { ATS, PUBLIC }

    /** The orders. */
    public enum Sort { RELEVANCE, LAST_UPDATED }

    /**
     * A validated filter selection.
     *
     * @param filter the filter
     * @param values the selected values (terms filters)
     * @param from   the range's start (inclusive) or null: a whole number or an instant's epoch second
     * @param to     the range's end (inclusive) or null
     */
    public record Selection(FilterCatalog.Filter filter, List<String> values, Long from, Long to) {
    }

    /**
     * A validated request.
     *
     * @param corpus     which corpus
     * @param query      the query text ("" for everything)
     * @param selections the filters
     * @param sort       the order
     * @param page       the page, from 1
     * @param size       the page size
     */
    public record Valid(Corpus corpus, String query, List<Selection> selections, Sort sort, int page, int size) {
        /** @return how many hits are skipped before this page */
        public int offset() {
            return (page - 1) * size;
        }
    }

    /**
     * @param catalog the filters there are
     * @return the request, validated
     * @throws InvalidField naming the first bad field
     */
    public Valid validate(FilterCatalog catalog) {
        Corpus c = switch (corpus == null ? "ats" : corpus) {
            case "ats" -> Corpus.ATS;
            case "public" -> Corpus.PUBLIC;
            default -> throw new InvalidField("corpus", "corpus must be \"ats\" (your ATS) or \"public\" (public profiles)");
        };
        String q = query == null ? "" : query;
        Sort s = switch (sort == null ? "relevance" : sort) {
            case "relevance" -> Sort.RELEVANCE;
            case "lastUpdated" -> Sort.LAST_UPDATED;
            default -> throw new InvalidField("sort", "sort must be \"relevance\" or \"lastUpdated\"");
        };
        int p = page == null ? 1 : page;
        int n = size == null ? 20 : size;
        if (p < 1) {
            throw new InvalidField("page", "page starts at 1");
        }
        if (n < 1 || n > MAX_SIZE) {
            throw new InvalidField("size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * n > MAX_DEPTH) {
            throw new InvalidField("page", "results are paged to the first " + MAX_DEPTH + " hits; narrow the search to go"
                    + " further (page " + p + " of size " + n + " would reach hit " + (long) p * n + ")");
        }
        if (c == Corpus.PUBLIC && s == Sort.LAST_UPDATED) {
            throw new InvalidField("sort", "public profiles have no last-updated date; sort them by \"relevance\"");
        }
        List<Selection> chosen = selections(catalog);
        if (c == Corpus.PUBLIC) {
            chosen.stream().filter(sel -> !sel.filter().forPublicProfiles()).findFirst().ifPresent(sel -> {
                throw new InvalidField("filters." + sel.filter().key(), "'" + sel.filter().key() + "' filters ATS"
                        + " candidates only; public profiles have no such data");
            });
        }
        return new Valid(c, q, chosen, s, p, n);
    }

    private List<Selection> selections(FilterCatalog catalog) {
        List<Selection> out = new ArrayList<>();
        if (filters == null || filters.isNull()) {
            return out;
        }
        if (!filters.isObject()) {
            throw new InvalidField("filters", "filters must be an object: {\"key\": [values]} or {\"key\": {\"from\":…, \"to\":…}}");
        }
        Map<String, JsonNode> given = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = filters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            given.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, JsonNode> e : given.entrySet()) {
            String path = "filters." + e.getKey();
            FilterCatalog.Filter f = catalog.find(e.getKey()).orElseThrow(() -> new InvalidField(path,
                    "unknown filter '" + e.getKey() + "'; filters are: " + String.join(", ", catalog.keys())));
            out.add(switch (f.kind()) {
                case TERMS -> terms(f, e.getValue(), path);
                case NUMBER_RANGE -> range(f, e.getValue(), path, false);
                case DATE_RANGE -> range(f, e.getValue(), path, true);
            });
        }
        return out;
    }

    private static Selection terms(FilterCatalog.Filter f, JsonNode node, String path) {
        if (!node.isArray()) {
            throw new InvalidField(path, f.key() + " takes a list of values, e.g. [\"value\"]");
        }
        if (node.size() > MAX_VALUES) {
            throw new InvalidField(path, f.key() + " takes at most " + MAX_VALUES + " values");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new InvalidField(path + "[" + i + "]", "each value of " + f.key() + " must be non-empty text");
            }
            InvalidField.maxLength(path + "[" + i + "]", v.asText(), 500);
            values.add(v.asText());
        }
        return new Selection(f, values, null, null);
    }

    private static Selection range(FilterCatalog.Filter f, JsonNode node, String path, boolean dates) {
        if (!node.isObject()) {
            throw new InvalidField(path, f.key() + " takes a range: {\"from\": …, \"to\": …}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("from") && !name.equals("to")) {
                throw new InvalidField(path + "." + name, "a range has only \"from\" and \"to\"");
            }
        }
        Long from = bound(node.get("from"), path + ".from", dates, false);
        Long to = bound(node.get("to"), path + ".to", dates, true);
        if (from == null && to == null) {
            throw new InvalidField(path, f.key() + " needs \"from\", \"to\" or both");
        }
        if (from != null && to != null && from > to) {
            throw new InvalidField(path, "\"from\" is after \"to\"");
        }
        return new Selection(f, List.of(), from, to);
    }

    private static Long bound(JsonNode v, String path, boolean date, boolean end) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!date) {
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 200) {
                throw new InvalidField(path, "must be a whole number of years, 0 to 200");
            }
            return v.asLong();
        }
        if (!v.isTextual()) {
            throw new InvalidField(path, "must be a date (2026-01-31) or an instant (2026-01-31T12:00:00Z)");
        }
        try {
            return Instant.parse(v.asText()).getEpochSecond();
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate d = LocalDate.parse(v.asText());
                return (end ? d.plusDays(1).atStartOfDay().minusSeconds(1) : d.atStartOfDay()).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new InvalidField(path, "must be a date (2026-01-31) or an instant (2026-01-31T12:00:00Z)");
            }
        }
    }
}
