package io.rediscover.icims.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Parses and validates a Search API body (the grammar of [DOC S1], A2). Everything iCIMS documents as
 * rejected is rejected here with its message: no filters, a blank or unknown filter name, a filter of
 * another profile type, an operator not valid for the field's type, an unknown group operator, an
 * unrecognised attribute, a blank date. An unparseable date is not an error: the evaluator drops it.
 */
final class SearchQueryParser {
    private static final Set<String> GROUP_KEYS = Set.of("filters", "operator", "children");
    private static final Set<String> FILTER_KEYS = Set.of("name", "value", "secondaryValue", "operator");

    private static final Set<String> COMPARISONS = Set.of("<", ">", "<=", ">=");

    private final ObjectMapper json;
    private final boolean referenceRangeFilters;
    private final boolean referenceFilters;

    /**
     * @param referenceRangeFilters whether comparisons work on reference fields ({@link SearchFields#REFERENCES});
     *                              when not, they are refused like any operator the field does not take
     * @param referenceFilters      whether reference fields can be searched at all; when not, they are refused like
     *                              hidden fields
     */
    SearchQueryParser(ObjectMapper json, boolean referenceRangeFilters, boolean referenceFilters) {
        this.json = json;
        this.referenceRangeFilters = referenceRangeFilters;
        this.referenceFilters = referenceFilters;
    }

    SearchQuery parse(ProfileType type, String body) throws SearchValidationException {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SearchValidationException(SearchErrors.PARSE_ERROR);
        }
        if (root == null || !root.isObject()) {
            throw new SearchValidationException(root == null ? SearchErrors.NO_FILTERS : SearchErrors.PARSE_ERROR);
        }
        SearchQuery.Group group = group(type, root);
        if (countFilters(group) == 0) {
            throw new SearchValidationException(SearchErrors.NO_FILTERS);
        }
        return new SearchQuery(type, group);
    }

    private SearchQuery.Group group(ProfileType type, JsonNode node) throws SearchValidationException {
        if (!node.isObject()) {
            throw new SearchValidationException(SearchErrors.PARSE_ERROR);
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!GROUP_KEYS.contains(key)) {
                throw new SearchValidationException(SearchErrors.UNRECOGNIZED_ATTRIBUTE.formatted(key));
            }
        }
        String operator = text(node.get("operator"), "&");
        if (!operator.equals("&") && !operator.equals("|")) {
            throw new SearchValidationException(SearchErrors.INVALID_GROUP_OPERATOR.formatted(operator));
        }
        List<SearchQuery.Filter> filters = new ArrayList<>();
        for (JsonNode f : array(node.get("filters"))) {
            filters.add(filter(type, f));
        }
        List<SearchQuery.Group> children = new ArrayList<>();
        for (JsonNode c : array(node.get("children"))) {
            children.add(group(type, c));
        }
        return new SearchQuery.Group(operator, List.copyOf(filters), List.copyOf(children));
    }

    private SearchQuery.Filter filter(ProfileType type, JsonNode node) throws SearchValidationException {
        if (!node.isObject()) {
            throw new SearchValidationException(SearchErrors.PARSE_ERROR);
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!FILTER_KEYS.contains(key)) {
                throw new SearchValidationException(SearchErrors.UNRECOGNIZED_ATTRIBUTE.formatted(key));
            }
        }
        String name = text(node.get("name"), "").trim();
        String prefix = type.searchPrefix() + ".";
        SearchFields.Field field = name.startsWith(prefix)
                ? SearchFields.lookup(type, name.substring(prefix.length())).orElse(null) : null;
        if (field == null || (!referenceFilters && SearchFields.REFERENCES.get(type).contains(field.name()))) {
            throw new SearchValidationException(SearchErrors.INVALID_FILTER.formatted(name));
        }
        String operator = text(node.get("operator"), "=");
        boolean refusedRange = !referenceRangeFilters && COMPARISONS.contains(operator)
                && SearchFields.REFERENCES.get(type).contains(field.name());
        if (!field.kind().allows(operator) || refusedRange) {
            throw new SearchValidationException(SearchErrors.INVALID_FILTER_OPERATOR.formatted(operator));
        }
        List<String> value = strings(node.get("value"));
        List<String> secondary = strings(node.get("secondaryValue"));
        switch (field.kind()) {
            case DATETIME -> {
                if (value.stream().anyMatch(String::isBlank) || secondary.stream().anyMatch(String::isBlank)) {
                    throw new SearchValidationException(SearchErrors.BLANK_DATE.formatted(name));
                }
                boolean range = operator.equals("=") || operator.equals("!=");
                if (range ? value.isEmpty() && secondary.isEmpty() : value.isEmpty()) {
                    throw new SearchValidationException(SearchErrors.MISSING_VALUE.formatted(name));
                }
            }
            case NUMBER -> {
                if (value.isEmpty()) {
                    throw new SearchValidationException(SearchErrors.MISSING_VALUE.formatted(name));
                }
                for (String v : value) {
                    requireNumber(v);
                }
            }
            case ID_CSV -> {
                if (value.isEmpty()) {
                    throw new SearchValidationException(SearchErrors.MISSING_VALUE.formatted(name));
                }
                for (String v : value) {
                    for (String id : v.split(",")) {
                        requireNumber(id);
                    }
                }
            }
            default -> {
                if (value.isEmpty()) {
                    throw new SearchValidationException(SearchErrors.MISSING_VALUE.formatted(name));
                }
            }
        }
        return new SearchQuery.Filter(name, field.name(), field.kind(), operator, value, secondary);
    }

    private static void requireNumber(String v) throws SearchValidationException {
        try {
            Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new SearchValidationException(SearchErrors.INVALID_NUMBER.formatted(v));
        }
    }

    /** Values are always arrays of strings [DOC S1]; anything else is a parse error. */
    private static List<String> strings(JsonNode node) throws SearchValidationException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new SearchValidationException(SearchErrors.PARSE_ERROR);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isTextual()) {
                throw new SearchValidationException(SearchErrors.PARSE_ERROR);
            }
            out.add(v.asText());
        }
        return List.copyOf(out);
    }

    private static Iterable<JsonNode> array(JsonNode node) throws SearchValidationException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new SearchValidationException(SearchErrors.PARSE_ERROR);
        }
        return node;
    }

    private static String text(JsonNode node, String fallback) throws SearchValidationException {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new SearchValidationException(SearchErrors.PARSE_ERROR);
        }
        return node.asText();
    }

    private static int countFilters(SearchQuery.Group group) {
        int n = group.filters().size();
        for (SearchQuery.Group child : group.children()) {
            n += countFilters(child);
        }
        return n;
    }
}
