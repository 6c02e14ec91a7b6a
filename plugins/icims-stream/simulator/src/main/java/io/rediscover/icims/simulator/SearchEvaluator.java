package io.rediscover.icims.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a validated {@link SearchQuery} into a record predicate, with the semantics of [DOC S1]:
 * <ul>
 *   <li>text: {@code ==}/{@code !==} exact, {@code =}/{@code !=} contains; case-insensitive [ASSUME];</li>
 *   <li>list fields: {@code =}/{@code !=} by node id or visible text; an unknown node simply matches nothing;</li>
 *   <li>numbers: equality and comparisons;</li>
 *   <li>datetimes: {@code =} is the range {@code value}..{@code secondaryValue} (inclusive, either end
 *       optional), comparisons use {@code value}; an unparseable boundary is dropped, widening the search;</li>
 *   <li>a filter with several values matches when any value does ({@code !=}/{@code !==}: when none does);
 *       multi-valued fields (addresses) match when any entry does.</li>
 * </ul>
 */
final class SearchEvaluator {
    private SearchEvaluator() {
    }

    static Predicate<Object> compile(SearchQuery query) {
        return group(query.type(), query.root());
    }

    /**
     * The smallest id a match can have minus one, derived from top-level {@code id >}/{@code >=}/{@code =}
     * filters of an {@code &} group: lets a paging query start its scan at the cursor instead of id 0.
     */
    static long idLowerBoundExclusive(SearchQuery query) {
        SearchQuery.Group root = query.root();
        if (!root.operator().equals("&") && root.filters().size() + root.children().size() > 1) {
            return Long.MIN_VALUE;
        }
        long bound = Long.MIN_VALUE;
        for (SearchQuery.Filter f : root.filters()) {
            if (!f.field().equals("id")) {
                continue;
            }
            long v = Long.parseLong(f.value().get(0).trim());
            switch (f.operator()) {
                case ">" -> bound = Math.max(bound, v);
                case ">=" -> bound = Math.max(bound, v - 1);
                case "=" -> {
                    if (f.value().size() == 1) {
                        bound = Math.max(bound, v - 1);
                    }
                }
                default -> {
                }
            }
        }
        return bound;
    }

    private static Predicate<Object> group(ProfileType type, SearchQuery.Group group) {
        List<Predicate<Object>> parts = new ArrayList<>();
        for (SearchQuery.Filter f : group.filters()) {
            parts.add(filter(type, f));
        }
        for (SearchQuery.Group child : group.children()) {
            parts.add(group(type, child));
        }
        if (group.operator().equals("|")) {
            return record -> parts.stream().anyMatch(p -> p.test(record));
        }
        return record -> parts.stream().allMatch(p -> p.test(record));
    }

    private static Predicate<Object> filter(ProfileType type, SearchQuery.Filter f) {
        SearchFields.Field field = SearchFields.lookup(type, f.field()).orElseThrow();
        return switch (f.kind()) {
            case TEXT -> text(field, f);
            case LIST -> list(field, f);
            case NUMBER -> number(field, f);
            case ID_CSV -> idCsv(field, f);
            case DATETIME -> datetime(field, f);
        };
    }

    private static Predicate<Object> text(SearchFields.Field field, SearchQuery.Filter f) {
        List<String> wanted = f.value().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        boolean exact = f.operator().startsWith("==") || f.operator().equals("!==");
        boolean negated = f.operator().startsWith("!");
        return record -> {
            boolean any = false;
            for (Object value : field.values().apply(record)) {
                String actual = ((String) value).toLowerCase(Locale.ROOT);
                for (String w : wanted) {
                    if (exact ? actual.equals(w) : actual.contains(w)) {
                        any = true;
                        break;
                    }
                }
            }
            return negated != any;
        };
    }

    private static Predicate<Object> list(SearchFields.Field field, SearchQuery.Filter f) {
        boolean negated = f.operator().equals("!=");
        return record -> {
            boolean any = false;
            for (Object value : field.values().apply(record)) {
                ListNode node = (ListNode) value;
                if (f.value().stream().anyMatch(v -> node.matches(v.trim()))) {
                    any = true;
                    break;
                }
            }
            return negated != any;
        };
    }

    private static Predicate<Object> number(SearchFields.Field field, SearchQuery.Filter f) {
        List<Long> values = f.value().stream().map(v -> Long.parseLong(v.trim())).toList();
        Set<Long> wanted = new HashSet<>(values); // a filter may list hundreds of ids (e.g. workflows of a page of people)
        long first = values.get(0);
        return record -> {
            for (Object value : field.values().apply(record)) {
                long actual = (Long) value;
                boolean match = switch (f.operator()) {
                    case "=" -> wanted.contains(actual);
                    case "!=" -> !wanted.contains(actual);
                    case "<" -> actual < first;
                    case ">" -> actual > first;
                    case "<=" -> actual <= first;
                    default -> actual >= first;
                };
                if (match) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Predicate<Object> idCsv(SearchFields.Field field, SearchQuery.Filter f) {
        Set<Long> ids = new HashSet<>();
        for (String v : f.value()) {
            for (String id : v.split(",")) {
                ids.add(Long.parseLong(id.trim()));
            }
        }
        boolean negated = f.operator().equals("!=");
        return record -> negated != field.values().apply(record).stream().anyMatch(ids::contains);
    }

    private static Predicate<Object> datetime(SearchFields.Field field, SearchQuery.Filter f) {
        // Unparseable boundaries become null: "that boundary is dropped and the search widens" [DOC S1].
        Instant from = f.value().isEmpty() ? null : IcimsDates.parseFilterDate(f.value().get(0)).orElse(null);
        Instant to = f.secondaryValue().isEmpty() ? null : IcimsDates.parseFilterDate(f.secondaryValue().get(0)).orElse(null);
        return record -> {
            for (Object value : field.values().apply(record)) {
                Instant t = (Instant) value;
                boolean inRange = (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
                boolean match = switch (f.operator()) {
                    case "=" -> inRange;
                    case "!=" -> !inRange;
                    case "<" -> from == null || t.isBefore(from);
                    case ">" -> from == null || t.isAfter(from);
                    case "<=" -> from == null || !t.isAfter(from);
                    default -> from == null || !t.isBefore(from);
                };
                if (match) {
                    return true;
                }
            }
            return false;
        };
    }
}
