package io.rediscover.search;

import io.rediscover.index.Analyzer;
import io.rediscover.search.QueryLexer.Kind;
import io.rediscover.search.QueryLexer.Lexeme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the Boolean query language recruiters type into a {@link QueryNode} tree (the README's "Search language" has
 * the whole of it, with examples):
 * <pre>
 * query   = or
 * or      = and { "OR" and }
 * and     = unary { ["AND"] unary }            adjacent clauses are joined by AND
 * unary   = ("NOT" | "-") primary | primary    a negation of a negation is refused
 * primary = [field ":"] ( word | phrase ["~" N] | "(" or ")" )
 * </pre>
 * so NOT binds tighter than AND, and AND tighter than OR. Operators count only in upper case ({@code and} is a word).
 * Words and phrases go through {@link Analyzer}; a word with {@code *} or {@code ?} is a prefix or a pattern.
 * <p>
 * Bad input is a {@link QuerySyntaxException} with the column, never anything else, whatever the text: a lone or
 * doubled negation, a query that only excludes, unbalanced quotes or parentheses, an unknown field (the message lists
 * the valid ones), a leading wildcard, an empty group, an operator with nothing on one side, a proximity out of range,
 * an empty query, and a query over the limits ({@link #MAX_LENGTH}, {@link #MAX_DEPTH}, {@link #MAX_TERMS}). What is
 * read, but perhaps not as meant, comes back as warnings. A parser is immutable and may be shared between threads.
 */
public final class QueryParser {

    /** Longest query, in code points: a Boolean string pasted from a sourcing playbook fits; a document does not. */
    public static final int MAX_LENGTH = 4_000;
    /** Deepest nesting of parentheses. */
    public static final int MAX_DEPTH = 32;
    /** Most terms a query may look up (a phrase counts each of its words, a field scope on a group each leaf in it). */
    public static final int MAX_TERMS = 500;
    /** Largest proximity, {@code "a b"~50}. */
    public static final int MAX_SLOP = 50;

    private final QueryFields fields;

    /**
     * @param atsFields the field names an ATS adds to the standard ones: the filter keys of the connector descriptors
     *                  the org uses (such as {@code status}, {@code stage}, {@code job}, {@code source},
     *                  {@code recruiter}), each matching {@code [A-Za-z][A-Za-z0-9_]*}
     */
    public QueryParser(Collection<String> atsFields) {
        this.fields = new QueryFields(atsFields);
    }

    /** @return every field a query may scope to, the standard ones first, in their canonical spelling */
    public List<String> fields() {
        return fields.names();
    }

    /**
     * @param query the query as typed
     * @return its tree and the warnings about it
     * @throws QuerySyntaxException when it cannot be read, with the message and the column
     */
    public ParsedQuery parse(String query) {
        Objects.requireNonNull(query, "query");
        int length = query.codePointCount(0, query.length());
        if (length > MAX_LENGTH) {
            throw new QuerySyntaxException(String.format(Locale.ROOT,
                    "the query is %,d characters long; the limit is %,d", length, MAX_LENGTH), MAX_LENGTH + 1);
        }
        return new Parse(query).query();
    }

    /** The state of one parse: recursive descent, one lexeme of look-ahead. */
    private final class Parse {

        private final List<QueryWarning> warnings = new ArrayList<>();
        private final QueryLexer lexer;
        /** The lexeme consumed last, which the messages about a missing clause refer to. */
        private Lexeme last;
        private int depth;
        private int terms;

        Parse(String query) {
            this.lexer = new QueryLexer(query, warnings);
        }

        ParsedQuery query() {
            if (lexer.peek().kind() == Kind.END) {
                throw new QuerySyntaxException("the query is empty: there is nothing in it to search for", 1);
            }
            QueryNode root = or(Optional.empty());
            Lexeme rest = lexer.peek();
            if (rest.kind() == Kind.CLOSE) {
                throw new QuerySyntaxException("this ) closes no parenthesis", rest.column());
            }
            requireSomethingToFind(root);
            warnings.sort(Comparator.comparingInt(QueryWarning::column)); // a level's warning comes after its parts'
            return new ParsedQuery(root, warnings);
        }

        private QueryNode or(Optional<String> field) {
            Level first = and(field);
            if (lexer.peek().kind() != Kind.OR) {
                return first.node();
            }
            Lexeme firstOr = lexer.peek();
            List<QueryNode> alternatives = new ArrayList<>(List.of(first.node()));
            boolean mixed = first.joined();
            while (lexer.peek().kind() == Kind.OR) {
                consume();
                Level alternative = and(field);
                mixed |= alternative.joined();
                alternatives.add(alternative.node());
            }
            QueryNode.Or or = new QueryNode.Or(alternatives);
            if (mixed) {
                warnings.add(new QueryWarning("AND and OR are mixed without parentheses, read as " + or.explain()
                        + ": AND binds first, and words side by side are joined by AND; add parentheses to group them otherwise",
                        firstOr.column()));
            }
            return or;
        }

        /**
         * @param node   what an AND level read
         * @param joined whether it joined clauses itself (rather than being one clause, perhaps a group)
         */
        private record Level(QueryNode node, boolean joined) {
        }

        private Level and(Optional<String> field) {
            List<QueryNode> clauses = new ArrayList<>();
            clauses.add(clause(field));
            while (true) {
                Lexeme next = lexer.peek();
                if (next.kind() == Kind.AND) {
                    consume();
                    clauses.add(clause(field));
                } else if (next.startsClause()) {
                    clauses.add(unary(field));
                } else {
                    break;
                }
            }
            return clauses.size() == 1 ? new Level(clauses.get(0), false) : new Level(new QueryNode.And(clauses), true);
        }

        /** A clause where one is required: after an operator, or at the start of the query or of a group. */
        private QueryNode clause(Optional<String> field) {
            Lexeme next = lexer.peek();
            if (!next.startsClause()) {
                throw missingClause(next);
            }
            return unary(field);
        }

        private QueryNode unary(Optional<String> field) {
            Lexeme next = lexer.peek();
            if (next.kind() != Kind.NOT && next.kind() != Kind.MINUS) {
                return primary(field);
            }
            Lexeme negation = consume();
            Lexeme target = lexer.peek();
            if (target.kind() == Kind.NOT || target.kind() == Kind.MINUS) {
                throw new QuerySyntaxException("two negations in a row (" + negation.text() + " " + target.text()
                        + "): remove one", target.column());
            }
            if (!target.startsClause()) {
                throw missingClause(target);
            }
            return new QueryNode.Not(primary(field), negation.column());
        }

        private QueryNode primary(Optional<String> field) {
            Lexeme before = last;
            Lexeme lexeme = consume();
            return switch (lexeme.kind()) {
                case WORD, PHRASE -> leaf(lexeme, before, field);
                case OPEN -> group(lexeme, field);
                case FIELD -> scoped(lexeme, field);
                default -> throw new IllegalStateException("no clause starts with " + lexeme);
            };
        }

        private QueryNode group(Lexeme open, Optional<String> field) {
            if (++depth > MAX_DEPTH) {
                throw new QuerySyntaxException("parentheses are nested more than " + MAX_DEPTH + " deep", open.column());
            }
            Kind first = lexer.peek().kind();
            if (first == Kind.CLOSE) {
                throw new QuerySyntaxException("empty parentheses: put something to search for between them", open.column());
            }
            if (first == Kind.END) {
                throw neverClosed(open);
            }
            QueryNode inner = or(field);
            if (consume().kind() != Kind.CLOSE) {
                throw neverClosed(open);
            }
            depth--;
            return inner;
        }

        private QueryNode scoped(Lexeme scope, Optional<String> outer) {
            if (outer.isPresent()) {
                throw new QuerySyntaxException(scope.text() + ": stands inside the scope of " + outer.get()
                        + ": a clause is searched in one field; close " + outer.get() + ":( … ) before another field",
                        scope.column());
            }
            String field = fields.resolve(scope.text(), scope.column());
            Lexeme target = lexer.peek();
            if (target.kind() == Kind.NOT || target.kind() == Kind.MINUS) {
                throw new QuerySyntaxException("put the negation before the field, as in -" + field + ":java or NOT "
                        + field + ":java", target.column());
            }
            if (!target.startsClause()) {
                throw missingClause(target);
            }
            return primary(Optional.of(field));
        }

        private QueryNode leaf(Lexeme lexeme, Lexeme before, Optional<String> field) {
            QueryNode.Leaf leaf = lexeme.leaf();
            terms += leaf.termCount();
            if (terms > MAX_TERMS) {
                throw new QuerySyntaxException("the query looks up more than " + MAX_TERMS
                        + " terms, the limit: search with fewer words", lexeme.column());
            }
            if (field.isEmpty() && lexeme.kind() == Kind.WORD) {
                warnIfLowerCaseOperator(lexeme, before);
            }
            return field.<QueryNode>map(leaf::withField).orElse(leaf);
        }

        /** {@code java and kotlin}: "and" is a word, but it was most likely meant as the operator. */
        private void warnIfLowerCaseOperator(Lexeme word, Lexeme before) {
            String lower = word.text().toLowerCase(Locale.ROOT);
            boolean clauseBefore = before != null
                    && (before.kind() == Kind.WORD || before.kind() == Kind.PHRASE || before.kind() == Kind.CLOSE);
            boolean negated = before != null && (before.kind() == Kind.NOT || before.kind() == Kind.MINUS);
            if (!lexer.peek().startsClause() || negated) {
                return;
            }
            String quoted = "\"" + word.text() + "\" is read as a word; ";
            if (lower.equals("and") && clauseBefore) {
                warnings.add(new QueryWarning(quoted + "write AND in capitals to require both sides", word.column()));
            } else if (lower.equals("or") && clauseBefore) {
                warnings.add(new QueryWarning(quoted + "write OR in capitals to match either side", word.column()));
            } else if (lower.equals("not")) {
                warnings.add(new QueryWarning(quoted + "write NOT in capitals (or -word) to exclude", word.column()));
            }
        }

        private Lexeme consume() {
            last = lexer.next();
            return last;
        }

        /** @param found what stands where a clause was required */
        private QuerySyntaxException missingClause(Lexeme found) {
            if (last == null || last.kind() == Kind.OPEN) {
                String where = last == null ? "the start of the query" : "the start of a group";
                return found.kind() == Kind.CLOSE && last == null
                        ? new QuerySyntaxException("this ) closes no parenthesis", found.column())
                        : new QuerySyntaxException(found.quoted() + " at " + where + " has nothing before it to combine",
                                found.column());
            }
            String operator = last.quoted();
            String purpose = switch (last.kind()) {
                case NOT, MINUS -> " to exclude";
                case FIELD -> " to search in";
                default -> " to combine";
            };
            String hint = last.kind() == Kind.FIELD
                    ? ": follow " + operator + " with a word, a \"phrase\" or a (group), as in " + operator + "java"
                    : "";
            return switch (found.kind()) {
                case END -> new QuerySyntaxException(operator + " at the end of the query has nothing after it" + purpose
                        + hint, last.column());
                case CLOSE -> new QuerySyntaxException(operator + " has nothing after it" + purpose
                        + " before the closing parenthesis" + hint, last.column());
                default -> new QuerySyntaxException(found.quoted() + " right after " + operator
                        + ": put a word, a \"phrase\" or a (group) between them", found.column());
            };
        }

        private QuerySyntaxException neverClosed(Lexeme open) {
            return new QuerySyntaxException("this ( is never closed: add a ) where the group ends", open.column());
        }

        /** A query must look for something: one that only excludes would list nearly every candidate. */
        private void requireSomethingToFind(QueryNode root) {
            Optional<QueryNode.Not> culprit = onlyExcludes(root);
            if (culprit.isEmpty()) {
                return;
            }
            QueryNode.Not not = culprit.get();
            throw hasPositiveLeaf(root)
                    ? new QuerySyntaxException("an OR alternative that only excludes (" + not.explain()
                    + ") would match nearly every candidate: exclude with AND instead, as in java NOT kotlin", not.column())
                    : new QuerySyntaxException("the query only excludes (" + not.explain()
                    + "): add something to search for, as in engineer NOT java", not.column());
        }
    }

    /** @return the negation that leaves {@code node} with nothing to find, or empty when it finds something */
    private static Optional<QueryNode.Not> onlyExcludes(QueryNode node) {
        if (node instanceof QueryNode.Not not) {
            return Optional.of(not);
        }
        if (node instanceof QueryNode.And and) {
            Optional<QueryNode.Not> first = Optional.empty();
            for (QueryNode clause : and.clauses()) {
                Optional<QueryNode.Not> excluded = onlyExcludes(clause);
                if (excluded.isEmpty()) {
                    return Optional.empty();
                }
                first = first.or(() -> excluded);
            }
            return first;
        }
        if (node instanceof QueryNode.Or or) {
            return or.clauses().stream().map(QueryParser::onlyExcludes).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    private static boolean hasPositiveLeaf(QueryNode node) {
        if (node instanceof QueryNode.And and) {
            return and.clauses().stream().anyMatch(QueryParser::hasPositiveLeaf);
        }
        if (node instanceof QueryNode.Or or) {
            return or.clauses().stream().anyMatch(QueryParser::hasPositiveLeaf);
        }
        return node instanceof QueryNode.Leaf;
    }
}
