package io.rediscover.search;

import io.rediscover.index.Analyzer;
import io.rediscover.index.Token;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a word or a quoted phrase of a query into the leaf it looks up, through the same {@link Analyzer} as the index:
 * one term, a phrase when the text analyses to several terms ({@code front-end} is {@code "front end"}), a prefix
 * ({@code eng*}) or a wildcard pattern ({@code te?m}, {@code eng*er}).
 */
final class QueryWords {

    /** A word that ends in {@code ~} or {@code ~N}: fuzzy matching, or a proximity that lost its phrase. */
    private static final Pattern TILDE = Pattern.compile("~[0-9]*$");

    private final List<QueryWarning> warnings;

    /** @param warnings where to note what was read but perhaps not as meant */
    QueryWords(List<QueryWarning> warnings) {
        this.warnings = warnings;
    }

    /**
     * @param word   a word as typed (no spaces, parentheses or quotes in it)
     * @param column where it starts
     * @return its leaf, or empty when it holds nothing searchable (only punctuation or symbols), noted as a warning
     * @throws QuerySyntaxException for a leading wildcard, wildcards across several words, or {@code word~}
     */
    Optional<QueryNode.Leaf> word(String word, int column) {
        Matcher tilde = TILDE.matcher(word);
        if (tilde.find()) {
            int at = column + word.codePointCount(0, tilde.start());
            throw tilde.start() == 0
                    ? new QuerySyntaxException("~N must follow the closing quote of a phrase directly, as in \"java developer\"~3", at)
                    : new QuerySyntaxException("fuzzy matching (" + word + ") is not supported; ~N sets how far apart the words of a quoted phrase may be, as in \"java developer\"~3", at);
        }
        boolean wildcards = word.indexOf('*') >= 0 || word.indexOf('?') >= 0;
        List<Token> tokens = Analyzer.tokens(word, wildcards);
        if (tokens.isEmpty()) {
            warnings.add(new QueryWarning(nothingSearchable(word), column));
            return Optional.empty();
        }
        if (wildcards) {
            return Optional.of(pattern(word, tokens, column));
        }
        if (tokens.size() == 1) {
            return Optional.of(new QueryNode.Term(Optional.empty(), tokens.get(0).term(), word, column));
        }
        return Optional.of(new QueryNode.Phrase(Optional.empty(), terms(tokens), 0, word, column));
    }

    /**
     * @param inner  the phrase as typed, without its quotes
     * @param slop   the proximity after it ({@code ~N}), 0 for none
     * @param column where its opening quote stands
     * @return its leaf, or empty when it holds nothing searchable, noted as a warning
     */
    Optional<QueryNode.Leaf> phrase(String inner, int slop, int column) {
        if (inner.indexOf('*') >= 0 || inner.indexOf('?') >= 0) {
            warnings.add(new QueryWarning("wildcards inside quotes are not expanded: \"" + inner
                    + "\" is searched as the words it holds", column));
        }
        List<Token> tokens = Analyzer.tokens(inner);
        if (tokens.isEmpty()) {
            warnings.add(new QueryWarning(nothingSearchable('"' + inner + '"'), column));
            return Optional.empty();
        }
        if (tokens.size() == 1) {
            if (slop > 0) {
                warnings.add(new QueryWarning("~" + slop + " has no effect on a single word: \"" + inner + "\"", column));
            }
            return Optional.of(new QueryNode.Term(Optional.empty(), tokens.get(0).term(), inner, column));
        }
        return Optional.of(new QueryNode.Phrase(Optional.empty(), terms(tokens), slop, inner, column));
    }

    private static QueryNode.Leaf pattern(String word, List<Token> tokens, int column) {
        if (tokens.size() != 1) {
            throw new QuerySyntaxException("a wildcard works within one word, and " + word + " is read as several ("
                    + String.join(" ", terms(tokens)) + "): remove the punctuation or the wildcard", column);
        }
        Token token = tokens.get(0);
        String pattern = token.term().replaceAll("\\*+", "*");
        if (pattern.startsWith("*") || pattern.startsWith("?")) {
            throw new QuerySyntaxException("a word cannot start with a wildcard (" + word
                    + "): put at least one letter before * or ?", column + word.codePointCount(0, token.start()));
        }
        int star = pattern.indexOf('*');
        if (star == pattern.length() - 1 && pattern.indexOf('?') < 0) {
            return new QueryNode.Prefix(Optional.empty(), pattern.substring(0, star), word, column);
        }
        return new QueryNode.Wildcard(Optional.empty(), pattern, word, column);
    }

    private static String nothingSearchable(String typed) {
        String hint = switch (typed) {
            case "&&" -> "; write AND to combine";
            case "||" -> "; write OR to match either side";
            case "!" -> "; write NOT to exclude";
            default -> "";
        };
        String shown = typed.codePointCount(0, typed.length()) > 40
                ? typed.substring(0, typed.offsetByCodePoints(0, 40)) + "…" : typed;
        return shown + " holds nothing searchable (only punctuation or symbols, or words over " + Analyzer.MAX_TERM_LENGTH
                + " characters) and is ignored" + hint;
    }

    private static List<String> terms(List<Token> tokens) {
        return tokens.stream().map(Token::term).toList();
    }
}
