package io.rediscover.search;

import io.rediscover.index.Analyzer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed Boolean query ({@link QueryParser}): an immutable tree that an index compiles to its own queries.
 * <p>
 * Leaves hold terms already analysed by {@link Analyzer} (so they compare equal to indexed terms), the field they are
 * scoped to (empty: the default text fields), the text as typed (for fields matched as whole values, such as an ATS
 * status) and the column where they were written. A field scope on a group is carried by every leaf inside it.
 * {@link #explain()} prints the tree fully parenthesised, in the query language itself, so it reads back the same
 * ({@code toString()} shows every component, for debugging).
 */
public sealed interface QueryNode {

    /** @return the tree, fully parenthesised: {@code ((java AND "spring boot") OR title:kotlin)} */
    String explain();

    /** @return the 1-based column (in code points of the query) where this clause starts */
    int column();

    /** A term, phrase, prefix or wildcard: what an index looks up. */
    sealed interface Leaf extends QueryNode {

        /** @return the field this leaf is scoped to, in its canonical spelling; empty for the default text fields */
        Optional<String> field();

        /** @return the word or the phrase (without its quotes) as typed */
        String text();

        /** @return how many terms this leaf looks up (one, or a phrase's length), for the query's limit */
        default int termCount() {
            return 1;
        }

        /**
         * @param field a canonical field name
         * @return this leaf scoped to that field
         */
        Leaf withField(String field);
    }

    /**
     * One term: {@code java}, {@code c++}, {@code title:engineer}.
     *
     * @param field  the scope, empty for the default fields
     * @param term   the analysed term
     * @param text   the word as typed
     * @param column where it starts
     */
    record Term(Optional<String> field, String term, String text, int column) implements Leaf {
        /** Canonical constructor: field and term are required. */
        public Term {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(term, "term");
        }

        @Override
        public Leaf withField(String scope) {
            return new Term(Optional.of(scope), term, text, column);
        }

        @Override
        public String explain() {
            return scope(field) + term;
        }
    }

    /**
     * Terms at consecutive positions: {@code "senior engineer"}, or a word that analyses to several terms
     * ({@code front-end}); with a slop, within that many positions of each other ({@code "java developer"~3}).
     *
     * @param field  the scope, empty for the default fields
     * @param terms  the analysed terms, at least two
     * @param slop   how many positions the terms may move apart; 0 for an exact phrase
     * @param text   the phrase as typed, without its quotes
     * @param column where it starts (its opening quote)
     */
    record Phrase(Optional<String> field, List<String> terms, int slop, String text, int column) implements Leaf {
        /** Canonical constructor: at least two terms. */
        public Phrase {
            Objects.requireNonNull(field, "field");
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("a phrase has at least two terms: " + terms);
            }
        }

        @Override
        public int termCount() {
            return terms.size();
        }

        @Override
        public Leaf withField(String scope) {
            return new Phrase(Optional.of(scope), terms, slop, text, column);
        }

        @Override
        public String explain() {
            return scope(field) + '"' + String.join(" ", terms) + '"' + (slop > 0 ? "~" + slop : "");
        }
    }

    /**
     * Every term that starts with a prefix: {@code engineer*}.
     *
     * @param field  the scope, empty for the default fields
     * @param prefix the analysed prefix, without the star
     * @param text   the word as typed
     * @param column where it starts
     */
    record Prefix(Optional<String> field, String prefix, String text, int column) implements Leaf {
        /** Canonical constructor: field and prefix are required. */
        public Prefix {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public Leaf withField(String scope) {
            return new Prefix(Optional.of(scope), prefix, text, column);
        }

        @Override
        public String explain() {
            return scope(field) + prefix + '*';
        }
    }

    /**
     * Every term a pattern matches: {@code ?} is one character, {@code *} any number ({@code te?m}, {@code eng*er}).
     * The pattern never starts with a wildcard and otherwise holds only analysed text.
     *
     * @param field   the scope, empty for the default fields
     * @param pattern the analysed pattern
     * @param text    the word as typed
     * @param column  where it starts
     */
    record Wildcard(Optional<String> field, String pattern, String text, int column) implements Leaf {
        /** Canonical constructor: field and pattern are required. */
        public Wildcard {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public Leaf withField(String scope) {
            return new Wildcard(Optional.of(scope), pattern, text, column);
        }

        @Override
        public String explain() {
            return scope(field) + pattern;
        }
    }

    /**
     * Every clause must match ({@code a AND b}, or {@code a b}).
     *
     * @param clauses at least two
     */
    record And(List<QueryNode> clauses) implements QueryNode {
        /** Canonical constructor: keeps an immutable copy of the clauses. */
        public And {
            clauses = List.copyOf(clauses);
        }

        @Override
        public int column() {
            return clauses.get(0).column();
        }

        @Override
        public String explain() {
            return join(clauses, " AND ");
        }
    }

    /**
     * At least one clause must match ({@code a OR b}).
     *
     * @param clauses at least two
     */
    record Or(List<QueryNode> clauses) implements QueryNode {
        /** Canonical constructor: keeps an immutable copy of the clauses. */
        public Or {
            clauses = List.copyOf(clauses);
        }

        @Override
        public int column() {
            return clauses.get(0).column();
        }

        @Override
        public String explain() {
            return join(clauses, " OR ");
        }
    }

    /**
     * The clause must not match ({@code NOT a}, {@code -a}). The parser never returns a query that is only negative:
     * a negation always stands next to something to search for.
     *
     * @param clause what is excluded
     * @param column where the {@code NOT} or minus stands
     */
    record Not(QueryNode clause, int column) implements QueryNode {
        /** Canonical constructor: the clause is required. */
        public Not {
            Objects.requireNonNull(clause, "clause");
        }

        @Override
        public String explain() {
            return "NOT " + clause.explain();
        }
    }

    private static String scope(Optional<String> field) {
        return field.map(f -> f + ':').orElse("");
    }

    private static String join(List<QueryNode> clauses, String operator) {
        return clauses.stream().map(QueryNode::explain).collect(Collectors.joining(operator, "(", ")"));
    }
}
