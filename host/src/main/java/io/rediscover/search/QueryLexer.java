package io.rediscover.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a query into lexemes, left to right and on demand, so the first error the parser or the lexer meets is the
 * leftmost one. Words and phrases come out already analysed ({@link QueryWords}); those with nothing searchable in them
 * are skipped with a warning.
 */
final class QueryLexer {

    /** What a lexeme is. */
    enum Kind { WORD, PHRASE, FIELD, OPEN, CLOSE, AND, OR, NOT, MINUS, END }

    /**
     * One lexeme.
     *
     * @param kind   what it is
     * @param text   as typed (a field's name without its colon)
     * @param column where it starts
     * @param leaf   for a word or a phrase, what it looks up
     */
    record Lexeme(Kind kind, String text, int column, QueryNode.Leaf leaf) {

        /** @return whether a clause starts here (a word, phrase, group, field scope or negation) */
        boolean startsClause() {
            return switch (kind) {
                case WORD, PHRASE, FIELD, OPEN, NOT, MINUS -> true;
                default -> false;
            };
        }

        /** @return how to name it in a message */
        String quoted() {
            return kind == Kind.END ? "the end of the query" : kind == Kind.FIELD ? text + ":" : text;
        }
    }

    /** Straight quotes and the curly ones word processors put in pasted queries; any of them opens or closes. */
    private static final String QUOTES = "\"“”„";

    /** {@code title:} and the like; not {@code https://} or {@code std::}. */
    private static final Pattern FIELD = Pattern.compile("(" + QueryFields.NAME.pattern() + "):(?![/:])");

    private final String query;
    private final int[] columns;
    private final QueryWords words;
    private int at;
    private Lexeme peeked;

    /**
     * @param query    the query
     * @param warnings where to note what was read but perhaps not as meant
     */
    QueryLexer(String query, List<QueryWarning> warnings) {
        this.query = query;
        this.words = new QueryWords(warnings);
        this.columns = new int[query.length() + 1];
        int column = 1;
        for (int i = 0; i < query.length(); i++) {
            columns[i] = column;
            if (!Character.isHighSurrogate(query.charAt(i)) || i + 1 == query.length()
                    || !Character.isLowSurrogate(query.charAt(i + 1))) {
                column++;
            }
        }
        columns[query.length()] = column;
    }

    /** @return the next lexeme, without consuming it */
    Lexeme peek() {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    /** @return the next lexeme */
    Lexeme next() {
        Lexeme next = peek();
        peeked = null;
        return next;
    }

    private Lexeme read() {
        while (true) {
            while (at < query.length() && isSpace(query.charAt(at))) {
                at++;
            }
            if (at == query.length()) {
                return new Lexeme(Kind.END, "", columns[at], null);
            }
            int start = at;
            char c = query.charAt(start);
            if (c == '(' || c == ')') {
                at++;
                return new Lexeme(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), columns[start], null);
            }
            Optional<Lexeme> read = QUOTES.indexOf(c) >= 0 ? phrase(start) : word(start);
            if (read.isPresent()) {
                return read.get();
            }
        }
    }

    private Optional<Lexeme> phrase(int open) {
        int close = open + 1;
        while (close < query.length() && QUOTES.indexOf(query.charAt(close)) < 0) {
            close++;
        }
        if (close == query.length()) {
            throw new QuerySyntaxException("this quote is never closed: end the phrase with another \"", columns[open]);
        }
        String inner = query.substring(open + 1, close);
        at = close + 1;
        int slop = at < query.length() && query.charAt(at) == '~' ? slop() : 0;
        return words.phrase(inner, slop, columns[open])
                .map(leaf -> new Lexeme(Kind.PHRASE, query.substring(open, at), columns[open], leaf));
    }

    /** Reads {@code ~N} after a phrase. */
    private int slop() {
        int tilde = at;
        int end = tilde + 1;
        while (end < query.length() && query.charAt(end) >= '0' && query.charAt(end) <= '9') {
            end++;
        }
        String digits = query.substring(tilde + 1, end);
        if (digits.isEmpty()) {
            throw new QuerySyntaxException("~ after a phrase needs the number of words its words may be apart, as in \"java developer\"~3",
                    columns[tilde]);
        }
        if (digits.length() > 3 || Integer.parseInt(digits) > QueryParser.MAX_SLOP) {
            throw new QuerySyntaxException("proximity ~" + digits + " is out of range: use a number from 0 to "
                    + QueryParser.MAX_SLOP, columns[tilde + 1]);
        }
        at = end;
        return Integer.parseInt(digits);
    }

    private Optional<Lexeme> word(int start) {
        if (query.charAt(start) == '-') {
            int after = start + 1;
            if (after == query.length() || isSpace(query.charAt(after)) || query.charAt(after) == ')') {
                throw new QuerySyntaxException("a minus must stand right before what it excludes, as in -java", columns[start]);
            }
            if (query.charAt(after) != '-') {
                at = after;
                return Optional.of(new Lexeme(Kind.MINUS, "-", columns[start], null));
            }
        }
        int end = start;
        while (end < query.length() && !endsWord(query.charAt(end))) {
            end++;
        }
        Matcher field = FIELD.matcher(query).region(start, end);
        if (field.lookingAt()) {
            at = field.end();
            return Optional.of(new Lexeme(Kind.FIELD, field.group(1), columns[start], null));
        }
        at = end;
        String word = query.substring(start, end);
        switch (word) {
            case "AND":
                return Optional.of(new Lexeme(Kind.AND, word, columns[start], null));
            case "OR":
                return Optional.of(new Lexeme(Kind.OR, word, columns[start], null));
            case "NOT":
                return Optional.of(new Lexeme(Kind.NOT, word, columns[start], null));
            default:
                return words.word(word, columns[start]).map(leaf -> new Lexeme(Kind.WORD, word, columns[start], leaf));
        }
    }

    private static boolean endsWord(char c) {
        return isSpace(c) || c == '(' || c == ')' || QUOTES.indexOf(c) >= 0;
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
