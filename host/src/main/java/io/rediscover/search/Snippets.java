package io.rediscover.search;

import io.rediscover.index.Analyzer;
import io.rediscover.index.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Highlighted fragments of a hit's texts, computed here (Tantivy's bindings do not highlight): the text is analysed as
 * it was indexed, tokens that a query word names are marked, and a window of text around the first marks is cut. A
 * fragment is plain text with the marked ranges beside it — never HTML — so that nothing in a resume can reach a page
 * as markup.
 */
final class Snippets {

    /** Characters of context shown around the marks. */
    static final int WINDOW = 160;
    /** Fragments kept per field. */
    static final int PER_FIELD = 2;

    /**
     * One fragment.
     *
     * @param text  plain text, cut from the source (an ellipsis marks a cut)
     * @param marks ranges of {@code text} to highlight, as [start, end) pairs
     */
    record Fragment(String text, List<int[]> marks) {
    }

    private final List<String> terms;
    private final List<Pattern> patterns;

    /** @param query the parsed query, or null: its positive words are what is marked */
    Snippets(QueryNode query) {
        this.terms = new ArrayList<>();
        this.patterns = new ArrayList<>();
        if (query != null) {
            collect(query, false);
        }
    }

    private void collect(QueryNode node, boolean negated) {
        if (node instanceof QueryNode.Not n) {
            collect(n.clause(), !negated);
        } else if (node instanceof QueryNode.And a) {
            a.clauses().forEach(c -> collect(c, negated));
        } else if (node instanceof QueryNode.Or o) {
            o.clauses().forEach(c -> collect(c, negated));
        } else if (!negated) {
            if (node instanceof QueryNode.Term t) {
                terms.add(t.term());
            } else if (node instanceof QueryNode.Phrase p) {
                terms.addAll(p.terms());
            } else if (node instanceof QueryNode.Prefix p) {
                patterns.add(Pattern.compile(Pattern.quote(p.prefix()) + ".*"));
            } else if (node instanceof QueryNode.Wildcard w) {
                patterns.add(Pattern.compile(w.pattern().chars().mapToObj(c -> c == '*' ? ".*" : c == '?' ? "."
                        : Pattern.quote(String.valueOf((char) c))).reduce("", String::concat)));
            }
        }
    }

    /** @return whether the query has anything to mark */
    boolean any() {
        return !terms.isEmpty() || !patterns.isEmpty();
    }

    private boolean marks(String term) {
        return terms.contains(term) || patterns.stream().anyMatch(p -> p.matcher(term).matches());
    }

    /**
     * @param sources texts by field name (display order)
     * @return fragments by field, for the fields where a query word occurs
     */
    Map<String, List<Fragment>> of(Map<String, String> sources) {
        Map<String, List<Fragment>> out = new LinkedHashMap<>();
        if (!any()) {
            return out;
        }
        sources.forEach((field, text) -> {
            if (text == null || text.isEmpty()) {
                return;
            }
            List<Token> hits = Analyzer.tokens(text).stream().filter(t -> marks(t.term())).toList();
            if (!hits.isEmpty()) {
                out.put(field, fragments(text, hits));
            }
        });
        return out;
    }

    private static List<Fragment> fragments(String text, List<Token> hits) {
        List<Fragment> out = new ArrayList<>();
        int i = 0;
        while (i < hits.size() && out.size() < PER_FIELD) {
            Token first = hits.get(i);
            int from = Math.max(0, first.start() - WINDOW / 4);
            int to = Math.min(text.length(), from + WINDOW);
            from = wordStart(text, from);
            to = wordEnd(text, to);
            String prefix = from > 0 ? "…" : "";
            String suffix = to < text.length() ? "…" : "";
            String cut = text.substring(from, to).replaceAll("\\s+", " ");
            // marks are placed on the collapsed text: recompute by scanning the collapsed fragment's tokens
            List<int[]> marks = new ArrayList<>();
            int j = i;
            while (j < hits.size() && hits.get(j).end() <= to) {
                j++;
            }
            String shown = prefix + cut + suffix;
            for (Token t : Analyzer.tokens(shown)) {
                for (int k = i; k < j; k++) {
                    if (hits.get(k).term().equals(t.term())) {
                        marks.add(new int[] {t.start(), t.end()});
                        break;
                    }
                }
            }
            out.add(new Fragment(shown, marks));
            i = j;
        }
        return out;
    }

    private static int wordStart(String text, int at) {
        int i = at;
        while (i > 0 && i > at - 20 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int at) {
        int i = at;
        while (i < text.length() && i < at + 20 && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
