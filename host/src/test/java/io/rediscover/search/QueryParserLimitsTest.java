package io.rediscover.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.rediscover.search.QueryParserTest.PARSER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input of any size or shape is a {@link QuerySyntaxException} (a 400), never anything else. */
class QueryParserLimitsTest {

    @Test
    void aQueryOverTheLengthLimitIsRefusedNamingTheLimit() {
        String hundredKilobytes = "java OR ".repeat(12_800);
        assertRefused(hundredKilobytes, 4_001, "the query is 102,400 characters long; the limit is 4,000");
        assertRefused("(".repeat(100_000), 4_001, "the limit is 4,000");
        String atTheLimit = ("x".repeat(199) + " ").repeat(19) + "y".repeat(200);
        assertThat(atTheLimit.codePointCount(0, atTheLimit.length())).isEqualTo(QueryParser.MAX_LENGTH);
        assertThat(PARSER.parse(atTheLimit).root()).isInstanceOf(QueryNode.And.class);
        assertRefused(atTheLimit + "z", 4_001, "the limit is 4,000");
        String emoji = "🚀".repeat(QueryParser.MAX_LENGTH - 5) + " java";
        assertThat(PARSER.parse(emoji).explain()).as("the limit counts code points, not UTF-16 units").isEqualTo("java");
    }

    @Test
    void parenthesesNestedTooDeepAreRefusedWithoutRecursingIntoThem() {
        assertRefused("(".repeat(1_000) + "java" + ")".repeat(1_000), 33, "parentheses are nested more than 32 deep");
        assertRefused("(".repeat(1_000), 33, "nested more than 32 deep");
        assertRefused("java " + "(a OR ".repeat(600), 6 + 32 * 6, "nested more than 32 deep");
        assertRefused("-(".repeat(40) + "java" + ")".repeat(40), 66, "nested more than 32 deep");
        assertRefused("title:(".repeat(40) + "java" + ")".repeat(40), 8, "title: stands inside the scope of title:");
        String deepest = "(".repeat(QueryParser.MAX_DEPTH) + "java" + ")".repeat(QueryParser.MAX_DEPTH);
        assertThat(PARSER.parse(deepest).explain()).isEqualTo("java");
    }

    @Test
    void longChainsOfOperatorsAreReadWithoutRecursion() {
        assertRefused("java " + "NOT ".repeat(900) + "kotlin", 10, "two negations in a row");
        assertRefused("java " + "-".repeat(3_000) + "kotlin", 0, null);
        String or = IntStream.range(0, QueryParser.MAX_TERMS).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR "));
        assertThat(((QueryNode.Or) PARSER.parse(or).root()).clauses()).hasSize(QueryParser.MAX_TERMS);
    }

    @Test
    void tooManyTermsAreRefusedAtTheFirstOneOverTheLimit() {
        List<String> words = new ArrayList<>();
        IntStream.range(0, QueryParser.MAX_TERMS).forEach(i -> words.add("w" + i));
        String atTheLimit = String.join(" ", words);
        assertThat(((QueryNode.And) PARSER.parse(atTheLimit).root()).clauses()).hasSize(QueryParser.MAX_TERMS);
        assertRefused(atTheLimit + " over", atTheLimit.length() + 2, "the query looks up more than 500 terms, the limit");
        String phrases = "\"a b c d e\" ".repeat(100).strip();
        assertThat(PARSER.parse(phrases).root()).isInstanceOf(QueryNode.And.class);
        assertRefused(phrases + " f", phrases.length() + 2, "more than 500 terms");
        String scoped = "title:(" + String.join(" ", words.subList(0, 499)) + ") x y";
        assertRefused(scoped, scoped.length(), "more than 500 terms");
    }

    @Test
    void randomQueriesAreReadOrRefusedNeverAnythingElse() {
        String[] fragments = {"java", "Kotlin", "c++", ".NET", "node.js", "R&D", "a/b", "front-end", "eng*", "te?m",
                "*x", "?", "*", "AND", "OR", "NOT", "and", "or", "not", "-", "--", "(", ")", "()", "\"", "\"a b\"",
                "“", "”", "~", "~3", "~99", "title:", "company:", "status:", "foo:", ":", "::", "https://", "&&", "||",
                "!", "^2", "\\", "'", ",", ".", "0", "42", " ", " ", " ", "  ", "\t", "\n"};
        Random random = new Random(7_331);
        int read = 0;
        int refused = 0;
        for (int round = 0; round < 10_000; round++) {
            StringBuilder query = new StringBuilder();
            int pieces = random.nextInt(14);
            for (int i = 0; i < pieces; i++) {
                query.append(fragments[random.nextInt(fragments.length)]);
            }
            if (readOrRefused(query.toString(), true)) {
                read++;
            } else {
                refused++;
            }
        }
        assertThat(read).as("the generator must reach valid queries too").isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(1_000);
    }

    @Test
    void randomCharactersAreReadOrRefusedNeverAnythingElse() {
        Random random = new Random(99);
        String syntax = "()\"“”„-*?~:ANDORT ";
        for (int round = 0; round < 10_000; round++) {
            StringBuilder query = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> query.append(syntax.charAt(random.nextInt(syntax.length())));
                    case 1 -> query.append((char) random.nextInt(0x10000)); // lone surrogates included
                    case 2 -> query.appendCodePoint(random.nextInt(0x30000));
                    default -> query.append((char) ('a' + random.nextInt(26)));
                }
            }
            readOrRefused(query.toString(), false);
        }
    }

    /**
     * @return true when the query was read: then its tree is well formed (and, for ASCII text, reads back as itself)
     */
    private static boolean readOrRefused(String query, boolean roundTrip) {
        ParsedQuery parsed;
        try {
            parsed = PARSER.parse(query);
        } catch (QuerySyntaxException e) {
            assertThat(e.column()).as(query).isBetween(1, query.codePointCount(0, query.length()) + 1);
            assertThat(e.getMessage()).as(query).isNotBlank();
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("query " + quoted(query) + " threw " + e, e);
        }
        int columns = query.codePointCount(0, query.length());
        assertLeavesWellFormed(parsed.root(), columns, query);
        parsed.warnings().forEach(w -> assertThat(w.column()).as(query).isBetween(1, columns));
        if (roundTrip) {
            String tree = parsed.explain();
            assertThat(PARSER.parse(tree).explain()).as("%s", query).isEqualTo(tree);
        }
        return true;
    }

    private static void assertLeavesWellFormed(QueryNode node, int columns, String query) {
        assertThat(node.column()).as(query).isBetween(1, columns);
        if (node instanceof QueryNode.And and) {
            assertThat(and.clauses()).hasSizeGreaterThan(1);
            and.clauses().forEach(c -> assertLeavesWellFormed(c, columns, query));
        } else if (node instanceof QueryNode.Or or) {
            assertThat(or.clauses()).hasSizeGreaterThan(1);
            or.clauses().forEach(c -> assertLeavesWellFormed(c, columns, query));
        } else if (node instanceof QueryNode.Not not) {
            assertThat(not.clause()).isNotInstanceOf(QueryNode.Not.class);
            assertLeavesWellFormed(not.clause(), columns, query);
        } else {
            QueryNode.Leaf leaf = (QueryNode.Leaf) node;
            leaf.field().ifPresent(f -> assertThat(PARSER.fields()).contains(f));
            String looksUp = leaf instanceof QueryNode.Term t ? t.term()
                    : leaf instanceof QueryNode.Phrase p ? String.join("", p.terms())
                    : leaf instanceof QueryNode.Prefix p ? p.prefix() : ((QueryNode.Wildcard) leaf).pattern();
            assertThat(looksUp).as(query).isNotEmpty().doesNotContainAnyWhitespaces().doesNotStartWith("*").doesNotStartWith("?");
        }
    }

    private static void assertRefused(String query, int column, String message) {
        if (message == null) {
            assertThatCode(() -> PARSER.parse(query)).as("read as a word with dashes").doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> PARSER.parse(query)).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
            assertThat(e.getMessage()).contains(message);
            assertThat(e.column()).isEqualTo(column);
        });
    }

    private static String quoted(String query) {
        return query.codePoints().mapToObj(cp -> cp < 0x20 || cp > 0x7E ? String.format("\\u{%x}", cp)
                : Character.toString(cp)).collect(Collectors.joining("", "[", "]"));
    }
}
