package io.rediscover.search;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field names a query may scope to ({@code title:engineer}): the fields every candidate and profile has, then the
 * ATS's own filter keys. Names are matched without regard to case and reported in their canonical spelling.
 */
final class QueryFields {

    /** Fields of every candidate and public profile, in the order they are listed to users. */
    static final List<String> STANDARD = List.of("title", "company", "pastcompany", "pasttitle", "school", "degree",
            "major", "skill", "location", "name", "headline", "resume");

    /** What the query language can spell as a field name (a descriptor's keys are a subset). */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private static final LevenshteinDistance CLOSE = new LevenshteinDistance(2);

    private final Map<String, String> byLowerCase = new LinkedHashMap<>();

    /**
     * @param atsFields the ATS's filter keys (from its connector descriptors), each matching {@link #NAME}
     * @throws IllegalArgumentException for a key the query language cannot spell
     */
    QueryFields(Collection<String> atsFields) {
        STANDARD.forEach(f -> byLowerCase.put(f, f));
        atsFields.stream().sorted().forEach(f -> {
            if (!NAME.matcher(f).matches()) {
                throw new IllegalArgumentException("not a field name a query can use: " + f);
            }
            byLowerCase.putIfAbsent(f.toLowerCase(Locale.ROOT), f);
        });
    }

    /** @return every valid name, standard ones first */
    List<String> names() {
        return List.copyOf(byLowerCase.values());
    }

    /**
     * @param typed  a field name as typed
     * @param column where it was typed
     * @return its canonical spelling
     * @throws QuerySyntaxException for an unknown field, listing the valid ones
     */
    String resolve(String typed, int column) {
        String known = byLowerCase.get(typed.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        String close = closest(typed);
        throw new QuerySyntaxException("unknown field \"" + typed + ":\"" + (close == null ? "" : " (did you mean " + close + ":?)")
                + "; valid fields are " + String.join(", ", byLowerCase.values())
                + " (to search for the word itself, put it in quotes)", column);
    }

    /** @return the valid name the typed one is most likely a typo of: one edit away, two for longer names */
    private String closest(String typed) {
        String best = null;
        int bestDistance = typed.length() >= 5 ? 3 : 2;
        for (Map.Entry<String, String> e : byLowerCase.entrySet()) {
            int d = CLOSE.apply(typed.toLowerCase(Locale.ROOT), e.getKey());
            if (d >= 0 && d < bestDistance) {
                best = e.getValue();
                bestDistance = d;
            }
        }
        return best;
    }
}
