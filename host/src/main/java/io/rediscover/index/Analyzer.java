package io.rediscover.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The one text analysis of search: what is indexed and what a query looks up go through it alike, so a query
 * {@code c++} finds a resume that says "C++", and {@code resume} finds "Résumé".
 * <p>
 * Rules, in order:
 * <ul>
 *   <li><b>Words</b> are runs of letters and digits (any script, with their combining marks): {@code Python3},
 *       {@code 3D} and {@code k8s} stay whole. Soft hyphens and joiners inside a word do not split it. Everything else
 *       splits and is not indexed: spaces, punctuation, symbols, emoji.</li>
 *   <li><b>Tech tokens</b> keep the punctuation that makes them ({@link TechWords}): {@code C++}, {@code C#},
 *       {@code F#}, {@code .NET}, {@code Node.js}, {@code ASP.NET}, {@code R&D}, {@code AT&T}, {@code A/B},
 *       {@code CI/CD}, version numbers such as {@code 3.11}, and a short list ({@code Objective-C}, {@code PL/SQL},
 *       {@code TCP/IP}, {@code T-SQL}).</li>
 *   <li><b>Scripts written without spaces between words</b> (Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer,
 *       Myanmar) give one token per character, with its marks. A query word in them becomes a phrase of characters, so
 *       {@code 工程师} finds "高级软件工程师" wherever those characters stand together, without a dictionary.</li>
 *   <li><b>Terms</b> are folded ({@link Folding}): lower case, accents removed, compatibility forms unified.</li>
 *   <li>A word longer than {@value #MAX_TERM_LENGTH} characters (an encoded blob, not a word anyone searches for) is
 *       dropped.</li>
 * </ul>
 * Offsets are {@link String} indices into the original text (a character outside the Basic Multilingual Plane counts
 * two), so {@code text.substring(token.start(), token.end())} is the word as written.
 */
public final class Analyzer {

    /** Longest term kept, in UTF-16 units. */
    public static final int MAX_TERM_LENGTH = 255;

    private Analyzer() {
    }

    /**
     * @param text any text, such as a resume, a title or a query word
     * @return its tokens, in order
     */
    public static List<Token> tokens(String text) {
        return tokens(text, false);
    }

    /**
     * @param text any text
     * @return the terms of its tokens, in order
     */
    public static List<String> terms(String text) {
        return tokens(text).stream().map(Token::term).toList();
    }

    /**
     * @param text any text, or null
     * @return its terms joined by single spaces: the form the index's whitespace tokenizer takes
     */
    public static String analyzed(String text) {
        return text == null ? "" : String.join(" ", terms(text));
    }

    /**
     * @param value a value of a filter (a company, a school)
     * @return its keyword form: folded word by word as terms are, single-spaced, punctuation kept — one bucket per value
     *         whatever its spelling's case or accents
     */
    public static String keyword(String value) {
        StringBuilder out = new StringBuilder();
        for (String part : value.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(Folding.fold(part));
            }
        }
        return out.toString();
    }

    /**
     * @param text      any text
     * @param wildcards whether {@code *} and {@code ?} are part of words (a query pattern such as {@code eng*er})
     * @return its tokens, in order
     */
    public static List<Token> tokens(String text, boolean wildcards) {
        List<Token> tokens = new ArrayList<>();
        TechWords words = new TechWords(text, wildcards);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end;
            if (TechWords.isUnsegmented(cp)) {
                end = words.afterMarks(i + Character.charCount(cp));
            } else if (words.startsWord(i)) {
                end = words.wordEnd(i);
            } else {
                i += Character.charCount(cp);
                continue;
            }
            String term = Folding.fold(text.substring(i, end));
            if (!term.isEmpty() && term.length() <= MAX_TERM_LENGTH) {
                tokens.add(new Token(term, i, end, tokens.size()));
            }
            i = end;
        }
        return tokens;
    }
}
