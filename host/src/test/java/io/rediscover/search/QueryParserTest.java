package io.rediscover.search;

import io.rediscover.index.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParserTest {

    /** The iCIMS connector's filter keys, as an org with it connected would pass them. */
    static final QueryParser PARSER = new QueryParser(List.of("status", "stage", "job", "source", "recruiter", "lastUpdated"));

    @ParameterizedTest(name = "{0}  ⇒  {1}")
    @CsvSource(delimiterString = "¦", quoteCharacter = '\'', textBlock = """
            # terms, case and accents
            java                                   ¦ java
            Java                                   ¦ java
            JAVA                                   ¦ java
            Résumé                                 ¦ resume
            Straße                                 ¦ strasse
            Ørsted                                 ¦ orsted
            Ｊａｖａ                                 ¦ java
            # tech tokens kept whole
            c++                                    ¦ c++
            C#                                     ¦ c#
            F#                                     ¦ f#
            .NET                                   ¦ .net
            Node.js                                ¦ node.js
            Vue.js                                 ¦ vue.js
            ASP.NET                                ¦ asp.net
            R&D                                    ¦ r&d
            A/B                                    ¦ a/b
            CI/CD                                  ¦ ci/cd
            Objective-C                            ¦ objective-c
            3D                                     ¦ 3d
            python3.11                             ¦ python3.11
            C++/C#                                 ¦ "c++ c#"
            # words that analyse to several terms become phrases
            front-end                              ¦ "front end"
            e-mail                                 ¦ "e mail"
            https://acme.com                       ¦ "https acme com"
            工程师                                  ¦ "工 程 师"
            # implicit AND, explicit operators, precedence NOT > AND > OR
            java kotlin                            ¦ (java AND kotlin)
            java AND kotlin                        ¦ (java AND kotlin)
            java OR kotlin                         ¦ (java OR kotlin)
            java kotlin scala                      ¦ (java AND kotlin AND scala)
            java OR kotlin OR scala                ¦ (java OR kotlin OR scala)
            java AND kotlin OR scala               ¦ ((java AND kotlin) OR scala)
            java OR kotlin AND scala               ¦ (java OR (kotlin AND scala))
            java OR kotlin scala                   ¦ (java OR (kotlin AND scala))
            java NOT kotlin                        ¦ (java AND NOT kotlin)
            java AND NOT kotlin                    ¦ (java AND NOT kotlin)
            java -kotlin                           ¦ (java AND NOT kotlin)
            -kotlin java                           ¦ (NOT kotlin AND java)
            NOT kotlin AND java                    ¦ (NOT kotlin AND java)
            java NOT kotlin OR scala               ¦ ((java AND NOT kotlin) OR scala)
            java -"spring boot"                    ¦ (java AND NOT "spring boot")
            java -(kotlin OR scala)                ¦ (java AND NOT (kotlin OR scala))
            java NOT (kotlin scala)                ¦ (java AND NOT (kotlin AND scala))
            java AND (kotlin OR NOT scala)         ¦ (java AND (kotlin OR NOT scala))
            # parentheses
            (java)                                 ¦ java
            ((java))                               ¦ java
            (java OR kotlin) developer             ¦ ((java OR kotlin) AND developer)
            (java OR kotlin) AND (aws OR gcp)      ¦ ((java OR kotlin) AND (aws OR gcp))
            java (kotlin OR scala)                 ¦ (java AND (kotlin OR scala))
            (java (kotlin OR (scala AND akka)))    ¦ (java AND (kotlin OR (scala AND akka)))
            java(kotlin)                           ¦ (java AND kotlin)
            # phrases and proximity
            "senior engineer"                      ¦ "senior engineer"
            “senior engineer”                      ¦ "senior engineer"
            „senior engineer“                      ¦ "senior engineer"
            "java"                                 ¦ java
            "Senior, Software-Engineer!"           ¦ "senior software engineer"
            "java developer"~3                     ¦ "java developer"~3
            "java developer"~0                     ¦ "java developer"
            "java developer"~50                    ¦ "java developer"~50
            "AND OR NOT"                           ¦ "and or not"
            "java"kotlin                           ¦ (java AND kotlin)
            # prefixes and wildcards
            eng*                                   ¦ eng*
            Eng**                                  ¦ eng*
            te?m                                   ¦ te?m
            eng*er                                 ¦ eng*er
            dev?lop*                               ¦ dev?lop*
            Gesch?ftsf?hrer                        ¦ gesch?ftsf?hrer
            Ingé*                                  ¦ inge*
            # field scopes
            title:engineer                         ¦ title:engineer
            TITLE:Engineer                         ¦ title:engineer
            title: engineer                        ¦ title:engineer
            company:"acme corp"                    ¦ company:"acme corp"
            company:"acme"                         ¦ company:acme
            title:"java developer"~2               ¦ title:"java developer"~2
            skill:(java OR kotlin)                 ¦ (skill:java OR skill:kotlin)
            skill:(java -kotlin)                   ¦ (skill:java AND NOT skill:kotlin)
            skill:(java (kotlin OR scala))         ¦ (skill:java AND (skill:kotlin OR skill:scala))
            title:eng*                             ¦ title:eng*
            title:front-end                        ¦ title:"front end"
            -company:acme java                     ¦ (NOT company:acme AND java)
            NOT company:acme java                  ¦ (NOT company:acme AND java)
            pastcompany:google pasttitle:sre       ¦ (pastcompany:google AND pasttitle:sre)
            school:mit degree:bs major:cs          ¦ (school:mit AND degree:bs AND major:cs)
            location:berlin name:ana               ¦ (location:berlin AND name:ana)
            status:"Offer Extended"                ¦ status:"offer extended"
            Stage:screen job:1234 source:referral  ¦ (stage:screen AND job:1234 AND source:referral)
            recruiter:ana lastupdated:2024         ¦ (recruiter:ana AND lastUpdated:2024)
            std::vector                            ¦ "std vector"
            # lower-case operators are words
            java and kotlin                        ¦ (java AND and AND kotlin)
            java or kotlin                         ¦ (java AND or AND kotlin)
            not java                               ¦ (not AND java)
            # words with nothing searchable are skipped (with a warning)
            java && kotlin                         ¦ (java AND kotlin)
            java -- kotlin                         ¦ (java AND kotlin)
            """)
    void readsAs(String query, String tree) {
        assertThat(PARSER.parse(query).explain()).isEqualTo(tree);
    }

    @ParameterizedTest(name = "{0}  ⇒  column {1}: {2}")
    @CsvSource(delimiterString = "¦", quoteCharacter = '\'', textBlock = """
            # empty
            ''                             ¦  1 ¦ the query is empty
            '   '                          ¦  1 ¦ the query is empty
            !!! ...                        ¦  1 ¦ the query is empty
            # negation alone, lone or doubled
            NOT                            ¦  1 ¦ NOT at the end of the query has nothing after it to exclude
            java NOT                       ¦  6 ¦ NOT at the end of the query has nothing after it to exclude
            (java NOT)                     ¦  7 ¦ NOT has nothing after it to exclude before the closing parenthesis
            java NOT AND kotlin            ¦ 10 ¦ AND right after NOT
            -                              ¦  1 ¦ a minus must stand right before what it excludes
            java -                         ¦  6 ¦ a minus must stand right before what it excludes
            java - kotlin                  ¦  6 ¦ a minus must stand right before what it excludes
            (java -)                       ¦  7 ¦ a minus must stand right before what it excludes
            NOT java                       ¦  1 ¦ the query only excludes (NOT java)
            -java                          ¦  1 ¦ the query only excludes (NOT java)
            -java -kotlin                  ¦  1 ¦ the query only excludes (NOT java)
            (NOT java)                     ¦  2 ¦ the query only excludes
            NOT (java OR kotlin)           ¦  1 ¦ the query only excludes (NOT (java OR kotlin))
            java OR NOT kotlin             ¦  9 ¦ an OR alternative that only excludes (NOT kotlin)
            java OR -kotlin                ¦  9 ¦ an OR alternative that only excludes
            NOT NOT java                   ¦  5 ¦ two negations in a row (NOT NOT)
            java --kotlin                  ¦  0 ¦ -
            java - -kotlin                 ¦  6 ¦ a minus must stand right before
            java -NOT kotlin               ¦  7 ¦ two negations in a row (- NOT)
            # quotes
            "senior engineer               ¦  1 ¦ this quote is never closed
            java "senior                   ¦  6 ¦ this quote is never closed
            "a" "b" "c                     ¦  9 ¦ this quote is never closed
            # parentheses
            (java                          ¦  1 ¦ this ( is never closed
            ((java)                        ¦  1 ¦ this ( is never closed
            (java (kotlin)                 ¦  1 ¦ this ( is never closed
            java)                          ¦  5 ¦ this ) closes no parenthesis
            )java                          ¦  1 ¦ this ) closes no parenthesis
            (java))                        ¦  7 ¦ this ) closes no parenthesis
            ()                             ¦  1 ¦ empty parentheses
            java ( )                       ¦  6 ¦ empty parentheses
            java (!!)                      ¦  6 ¦ empty parentheses
            # fields
            foo:bar                        ¦  1 ¦ unknown field "foo:"; valid fields are title, company, pastcompany, pasttitle, school, degree, major, skill, location, name, headline, resume, job, lastUpdated, recruiter, source, stage, status
            java tittle:lead               ¦  6 ¦ unknown field "tittle:" (did you mean title:?)
            stauts:active                  ¦  1 ¦ (did you mean status:?)
            title:                         ¦  1 ¦ title: at the end of the query has nothing after it to search in: follow title: with a word
            (title:) java                  ¦  2 ¦ title: has nothing after it to search in before the closing parenthesis
            title:AND java                 ¦  7 ¦ AND right after title:
            title:-java                    ¦  7 ¦ put the negation before the field, as in -title:java
            title:NOT java                 ¦  7 ¦ put the negation before the field
            title:company:acme             ¦  7 ¦ company: stands inside the scope of title:
            title:(java company:acme)      ¦ 13 ¦ company: stands inside the scope of title:
            # wildcards
            *java                          ¦  1 ¦ a word cannot start with a wildcard (*java)
            ?ava                           ¦  1 ¦ a word cannot start with a wildcard
            java *                         ¦  6 ¦ a word cannot start with a wildcard
            title:*eng                     ¦  7 ¦ a word cannot start with a wildcard
            -*java kotlin                  ¦  2 ¦ a word cannot start with a wildcard
            .*java                         ¦  2 ¦ a word cannot start with a wildcard
            front-end*                     ¦  1 ¦ a wildcard works within one word, and front-end* is read as several (front end*)
            # fuzzy and proximity
            java~                          ¦  5 ¦ fuzzy matching (java~) is not supported
            java~2                         ¦  5 ¦ fuzzy matching (java~2) is not supported
            "java developer" ~3            ¦ 18 ¦ ~N must follow the closing quote of a phrase directly
            "java developer"~              ¦ 17 ¦ ~ after a phrase needs the number
            "java developer"~51            ¦ 18 ¦ proximity ~51 is out of range: use a number from 0 to 50
            "java developer"~99999999999   ¦ 18 ¦ proximity ~99999999999 is out of range
            # operators with nothing on one side
            AND java                       ¦  1 ¦ AND at the start of the query has nothing before it to combine
            OR java                        ¦  1 ¦ OR at the start of the query has nothing before it
            java AND                       ¦  6 ¦ AND at the end of the query has nothing after it to combine
            java OR                        ¦  6 ¦ OR at the end of the query has nothing after it
            java AND OR kotlin             ¦ 10 ¦ OR right after AND
            java OR OR kotlin              ¦  9 ¦ OR right after OR
            (AND java)                     ¦  2 ¦ AND at the start of a group has nothing before it
            (java OR)                      ¦  7 ¦ OR has nothing after it to combine before the closing parenthesis
            java AND ||                    ¦  6 ¦ AND at the end of the query
            # columns count code points, not UTF-16 units
            🚀🚀 (java                      ¦  4 ¦ this ( is never closed
            "𝔍𝔞𝔳𝔞 NOT                      ¦  1 ¦ this quote is never closed
            工程师 java)                     ¦  9 ¦ this ) closes no parenthesis
            """)
    void refuses(String query, int column, String message) {
        if (column == 0) {
            assertThat(PARSER.parse(query).explain()).as("--kotlin is a word with a dash, not a double negation")
                    .isEqualTo("(java AND kotlin)");
            return;
        }
        assertThatThrownBy(() -> PARSER.parse(query))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
                });
    }

    @ParameterizedTest(name = "{0}  ⇒  {1}; column {2}: {3}")
    @CsvSource(delimiterString = "¦", quoteCharacter = '\'', textBlock = """
            java AND kotlin OR scala       ¦ ((java AND kotlin) OR scala)         ¦ 17 ¦ AND and OR are mixed without parentheses, read as ((java AND kotlin) OR scala)
            java kotlin OR scala           ¦ ((java AND kotlin) OR scala)         ¦ 13 ¦ words side by side are joined by AND
            java OR kotlin scala           ¦ (java OR (kotlin AND scala))         ¦  6 ¦ read as (java OR (kotlin AND scala))
            (a OR b) c OR d                ¦ (((a OR b) AND c) OR d)              ¦ 12 ¦ read as (((a OR b) AND c) OR d)
            x (a b OR c)                   ¦ (x AND ((a AND b) OR c))             ¦  8 ¦ read as ((a AND b) OR c)
            java and kotlin                ¦ (java AND and AND kotlin)            ¦  6 ¦ "and" is read as a word; write AND in capitals
            java And kotlin                ¦ (java AND and AND kotlin)            ¦  6 ¦ "And" is read as a word
            java or kotlin                 ¦ (java AND or AND kotlin)             ¦  6 ¦ "or" is read as a word; write OR in capitals
            (java) or "kotlin"             ¦ (java AND or AND kotlin)             ¦  8 ¦ "or" is read as a word
            not java                       ¦ (not AND java)                       ¦  1 ¦ "not" is read as a word; write NOT in capitals (or -word)
            java not kotlin                ¦ (java AND not AND kotlin)            ¦  6 ¦ "not" is read as a word
            java && kotlin                 ¦ (java AND kotlin)                    ¦  6 ¦ is ignored; write AND to combine
            java || kotlin                 ¦ (java AND kotlin)                    ¦  6 ¦ is ignored; write OR to match either side
            java 🚀                        ¦ java                                 ¦  6 ¦ 🚀 holds nothing searchable
            java ""                        ¦ java                                 ¦  6 ¦ "" holds nothing searchable
            "java"~2                       ¦ java                                 ¦  1 ¦ ~2 has no effect on a single word
            "senior eng*"                  ¦ "senior eng"                         ¦  1 ¦ wildcards inside quotes are not expanded
            """)
    void warns(String query, String tree, int column, String message) {
        ParsedQuery parsed = PARSER.parse(query);
        assertThat(parsed.explain()).isEqualTo(tree);
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.message()).contains(message);
            assertThat(w.column()).isEqualTo(column);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "¦", quoteCharacter = '\'', textBlock = """
            java and
            and java
            java AND (kotlin OR scala)
            title:and
            java -and kotlin
            "java and kotlin"
            java OR kotlin OR scala
            (java kotlin) OR scala
            java OR (kotlin scala)
            """)
    void readsWithoutWarnings(String query) {
        assertThat(PARSER.parse(query).warnings()).isEmpty();
    }

    @Test
    void warningsComeInTheOrderOfTheQuery() {
        ParsedQuery parsed = PARSER.parse("java and kotlin OR scala && akka");
        assertThat(parsed.warnings()).extracting(QueryWarning::column).containsExactly(6, 17, 26);
        assertThat(parsed.explain()).isEqualTo("((java AND and AND kotlin) OR (scala AND akka))");
    }

    @Test
    void everyTreeReadsBackAsItself() {
        for (String query : List.of("java AND kotlin OR scala", "title:(java OR kotlin) -company:\"acme corp\"",
                "\"java developer\"~3 c++ .NET node.js R&D", "eng* te?m front-end", "工程师 Ｊａｖａ Straße",
                "java and kotlin", "stage:screen (a OR (b AND NOT c))")) {
            String tree = PARSER.parse(query).explain();
            assertThat(PARSER.parse(tree).explain()).as(query).isEqualTo(tree);
        }
    }

    @Test
    void aQueryWordFindsTheResumeThatSaysIt() {
        List<String> resume = Analyzer.terms("Sénior C++/C# developer (.NET, Node.js); R&D on A/B tests; CI/CD; "
                + "Objective-C; 3D; front-end; 高级软件工程师");
        for (String query : List.of("senior", "SENIOR", "c++", "C#", ".net", "node.js", "r&d", "a/b", "ci/cd",
                "objective-c", "3d", "developer")) {
            QueryNode.Term term = (QueryNode.Term) PARSER.parse(query).root();
            assertThat(resume).as(query).contains(term.term());
        }
        QueryNode.Phrase frontEnd = (QueryNode.Phrase) PARSER.parse("Front-End").root();
        assertThat(resume).containsSequence(frontEnd.terms());
        QueryNode.Phrase engineer = (QueryNode.Phrase) PARSER.parse("工程师").root();
        assertThat(resume).containsSequence(engineer.terms());
    }

    @Test
    void leavesKeepWhatWasTypedAndWhere() {
        QueryNode root = PARSER.parse("🚀 Title:(Java-EE OR \"Spring  Boot\") -Status:\"Offer Extended\" eng*").root();
        assertThat(root).isInstanceOf(QueryNode.And.class);
        List<QueryNode> clauses = ((QueryNode.And) root).clauses();
        List<QueryNode> scoped = ((QueryNode.Or) clauses.get(0)).clauses();
        assertThat(scoped.get(0)).isEqualTo(new QueryNode.Phrase(Optional.of("title"), List.of("java", "ee"), 0, "Java-EE", 10));
        assertThat(scoped.get(1)).isEqualTo(new QueryNode.Phrase(Optional.of("title"), List.of("spring", "boot"), 0, "Spring  Boot", 21));
        QueryNode.Not not = (QueryNode.Not) clauses.get(1);
        assertThat(not.column()).isEqualTo(37);
        assertThat(not.clause()).isEqualTo(new QueryNode.Phrase(Optional.of("status"), List.of("offer", "extended"), 0,
                "Offer Extended", 45));
        assertThat(clauses.get(2)).isEqualTo(new QueryNode.Prefix(Optional.empty(), "eng", "eng*", 62));
        assertThat(root.column()).isEqualTo(10);
    }

    @Test
    void theFieldsAreTheStandardOnesThenTheAtsKeys() {
        assertThat(PARSER.fields()).containsExactly("title", "company", "pastcompany", "pasttitle", "school", "degree",
                "major", "skill", "location", "name", "headline", "resume", "job", "lastUpdated", "recruiter", "source", "stage", "status");
        QueryParser withoutAts = new QueryParser(List.of());
        assertThatThrownBy(() -> withoutAts.parse("status:active"))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.getMessage())
                        .contains("valid fields are title, company, pastcompany, pasttitle, school, degree, major, skill, location, name, headline, resume (")
                        .doesNotContain("status,"));
        assertThat(new QueryParser(List.of("Title", "workday_stage")).fields())
                .as("an ATS key spelled like a standard field is that field").containsExactly("title", "company",
                        "pastcompany", "pasttitle", "school", "degree", "major", "skill", "location", "name", "headline",
                        "resume", "workday_stage");
    }

    @Test
    void anAtsKeyTheLanguageCannotSpellIsRefusedUpFront() {
        assertThatThrownBy(() -> new QueryParser(List.of("last updated")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last updated");
        assertThatThrownBy(() -> new QueryParser(List.of("9lives"))).isInstanceOf(IllegalArgumentException.class);
    }
}
