package io.rediscover.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AnalyzerTest {

    @ParameterizedTest(name = "{0}  ⇒  {1}")
    @CsvSource(delimiterString = "¦", quoteCharacter = '\'', textBlock = """
            # case and accents, in every script
            Résumé RESUME resume                ¦ resume resume resume
            Zürich Straße STRASSE ẞ             ¦ zurich strasse strasse ss
            Ørsted Łódź Đorđević Þór Æsir Œuvre ¦ orsted lodz dordevic thor aesir oeuvre
            façade naïve São Paulo Ñuñoa        ¦ facade naive sao paulo nunoa
            İstanbul IŞIK                       ¦ istanbul isik
            Ελλάδα ΟΔΟΣ οδός                    ¦ ελλαδα οδοσ οδοσ
            Ёлка Йошкар-Ола                     ¦ елка иошкар ола
            Ｊａｖａ ﬁnance ①                     ¦ java finance 1
            Cafe\u0301                          ¦ cafe
            # tech tokens kept whole
            C++ C# F# G++ A+                    ¦ c++ c# f# g++ a+
            .NET Node.js Vue.js D3.js ASP.NET   ¦ .net node.js vue.js d3.js asp.net
            VB.NET .htaccess                    ¦ vb.net .htaccess
            R&D AT&T M&A Q&A                    ¦ r&d at&t m&a q&a
            A/B CI/CD UI/UX I/O                 ¦ a/b ci/cd ui/ux i/o
            Objective-C PL/SQL TCP/IP T-SQL     ¦ objective-c pl/sql tcp/ip t-sql
            3D k8s Python3 i18n                 ¦ 3d k8s python3 i18n
            Python 3.11 v2.0.1                  ¦ python 3.11 v2.0.1
            C++17 C#8                           ¦ c++ 17 c# 8
            (C#/.NET) C++/CLI                   ¦ c# .net c++ cli
            C#.NET                              ¦ c# .net
            # punctuation otherwise splits
            Java+Spring Disney+ Notepad++       ¦ java spring disney notepad
            and/or TCP-IP 12/05/2024            ¦ and or tcp ip 12 05 2024
            example.com node.json end.Next      ¦ example com node json end next
            ...and …so                          ¦ and so
            Procter&Gamble R & D                ¦ procter gamble r d
            O'Brien front-end e-mail            ¦ o brien front end e mail
            ana@acme.com #hiring $100k 1,000    ¦ ana acme com hiring 100k 1 000
            snake_case ~tilde^boost             ¦ snake case tilde boost
            # emoji and symbols are not indexed
            🚀 rocket 👩‍💻 dev 👍🏽 1️⃣ 🇩🇪         ¦ rocket dev 1
            ★★★ → ™ © ok                       ¦ ok
            """)
    void analyses(String text, String terms) {
        assertThat(Analyzer.terms(text)).containsExactly(terms.split(" "));
    }

    @Test
    void scriptsWithoutSpacesGiveOneTokenPerCharacter() {
        assertThat(Analyzer.terms("高级软件工程师")).containsExactly("高", "级", "软", "件", "工", "程", "师");
        assertThat(Analyzer.terms("Java工程师")).containsExactly("java", "工", "程", "师");
        assertThat(Analyzer.terms("ソフトウェアエンジニア")).containsExactly("ソ", "フ", "ト", "ウ", "ェ", "ア", "エ", "ン", "ジ", "ニ", "ア");
        assertThat(Analyzer.terms("サーバー")).containsExactly("サ", "ー", "バ", "ー");
        assertThat(Analyzer.terms("ｻｰﾊﾞｰ")).as("half-width kana fold to full width, voicing marks included")
                .containsExactly("サ", "ー", "バ", "ー");
        assertThat(Analyzer.terms("개발자가 서울")).containsExactly("개", "발", "자", "가", "서", "울");
        assertThat(Analyzer.tokens("วิศวกร")).as("Thai: each consonant with its marks")
                .extracting(Token::term).containsExactly("วิ", "ศ", "ว", "ก", "ร");
        assertThat(Analyzer.terms("東京 ｜ 大阪")).containsExactly("東", "京", "大", "阪");
    }

    @Test
    void offsetsPointAtTheWordsAsWritten() {
        String text = "🚀 Ana Müller — Sr. C++ Engineer at Zürich's Straße-GmbH; 工程师 (ｼﾞｬﾊﾞ), soft\u00ADware Cafe\u0301!";
        List<Token> tokens = Analyzer.tokens(text);
        assertThat(tokens).extracting(t -> text.substring(t.start(), t.end())).containsExactly("Ana", "Müller", "Sr",
                "C++", "Engineer", "at", "Zürich", "s", "Straße", "GmbH", "工", "程", "师", "ｼﾞ", "ｬ", "ﾊﾞ",
                "soft\u00ADware", "Cafe\u0301");
        assertThat(tokens).extracting(Token::term).containsExactly("ana", "muller", "sr", "c++", "engineer", "at",
                "zurich", "s", "strasse", "gmbh", "工", "程", "师", "ジ", "ャ", "バ", "software", "cafe");
        assertThat(tokens.get(0).start()).as("the rocket is two UTF-16 units and a space").isEqualTo(3);
        assertThat(tokens).extracting(Token::position).containsExactly(
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
    }

    @Test
    void wordsOutsideTheBasicPlaneKeepExactOffsets() {
        String text = "𝔍𝔞𝔳𝔞 and 𠀀𠀁 x";
        List<Token> tokens = Analyzer.tokens(text);
        assertThat(tokens).extracting(t -> text.substring(t.start(), t.end())).containsExactly("𝔍𝔞𝔳𝔞", "and", "𠀀", "𠀁", "x");
        assertThat(tokens).extracting(Token::term).containsExactly("java", "and", "𠀀", "𠀁", "x");
        assertThat(tokens.get(1).start()).isEqualTo(9);
    }

    @Test
    void termsNeverHoldWhiteSpaceEvenWhenACompatibilityFormWouldAddIt() {
        // U+FDFA decomposes into four words with spaces between them; U+00A8 into a space and a mark
        assertThat(Analyzer.terms("\uFDFA")).singleElement().satisfies(t -> assertThat(t).doesNotContain(" ").isNotEmpty());
        assertThat(Analyzer.terms("a\u00A8b")).containsExactly("a", "b");
    }

    @Test
    void aWordLongerThanAnyoneSearchesForIsDropped() {
        String blob = "QUJD".repeat(100);
        assertThat(Analyzer.tokens("before " + blob + " after")).extracting(Token::term, Token::position)
                .containsExactly(tuple("before", 0), tuple("after", 1));
        String longest = "a".repeat(Analyzer.MAX_TERM_LENGTH);
        assertThat(Analyzer.terms(longest)).containsExactly(longest);
    }

    @Test
    void randomTextAlwaysGivesWellFormedTokens() {
        Random random = new Random(20_240_611);
        int[][] ranges = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x370, 0x4FF}, {0x0E00, 0x0E7F},
                {0x2000, 0x206F}, {0x3000, 0x30FF}, {0x4E00, 0x4E80}, {0xAC00, 0xAC80}, {0xD800, 0xDFFF},
                {0xFB00, 0xFDFF}, {0xFE00, 0xFF9F}, {0x1D400, 0x1D4FF}, {0x1F300, 0x1F6FF}, {0xE0100, 0xE01EF}};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                int[] range = ranges[random.nextInt(ranges.length)];
                int cp = range[0] + random.nextInt(range[1] - range[0] + 1);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    text.append((char) cp); // a lone surrogate
                } else {
                    text.appendCodePoint(cp);
                }
            }
            String s = text.toString();
            List<Token> tokens = Analyzer.tokens(s);
            int previousEnd = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                assertThat(t.position()).isEqualTo(i);
                assertThat(t.start()).as(s).isGreaterThanOrEqualTo(previousEnd).isLessThan(t.end());
                assertThat(t.end()).isLessThanOrEqualTo(s.length());
                assertThat(t.term()).as(s).isNotEmpty().hasSizeLessThanOrEqualTo(Analyzer.MAX_TERM_LENGTH);
                assertThat(t.term().codePoints().filter(AnalyzerTest::isWhiteSpace).toArray()).as(s).isEmpty();
                previousEnd = t.end();
            }
        }
    }

    /** Unicode's White_Space property, which whitespace tokenizers (Rust's {@code char::is_whitespace}) split on. */
    private static boolean isWhiteSpace(int cp) {
        return cp >= 0x09 && cp <= 0x0D || Arrays.asList(0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
                0x3000).contains(cp) || cp >= 0x2000 && cp <= 0x200A;
    }
}
