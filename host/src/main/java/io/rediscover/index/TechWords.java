package io.rediscover.index;

import java.util.List;
import java.util.Set;

/**
 * Where a word starts and ends in a text, with the punctuation that technology names are made of kept inside it.
 * Punctuation splits words, except:
 * <ul>
 *   <li>{@code +}, {@code ++} or {@code #} right after a word of one or two letters, when no letter follows:
 *       {@code C++}, {@code G++}, {@code C#}, {@code F#}, {@code A+} ({@code C++17} is {@code c++} and {@code 17}).
 *       Longer words do not take them ({@code Java+Spring}, {@code Disney+} split), so the word itself stays
 *       findable;</li>
 *   <li>a leading {@code .} before a letter, when no word or dot comes before it: {@code .NET}, {@code .htaccess};</li>
 *   <li>{@code .js} and {@code .net} after a word: {@code Node.js}, {@code Vue.js}, {@code D3.js}, {@code ASP.NET},
 *       {@code VB.NET};</li>
 *   <li>{@code .} between digits: {@code 3.11}, {@code v2.0};</li>
 *   <li>{@code &} or {@code /} between words of one or two letters: {@code R&D}, {@code AT&T}, {@code M&A},
 *       {@code A/B}, {@code CI/CD}, {@code UI/UX}, {@code I/O} (but {@code and/or} splits);</li>
 *   <li>the names in {@link #LISTED}, which no rule above covers.</li>
 * </ul>
 */
final class TechWords {

    /** Whole names the rules do not cover (matched without regard to case, and only as whole words). */
    static final List<String> LISTED = List.of("objective-c", "pl/sql", "tcp/ip", "t-sql");

    /** Scripts that do not separate words with spaces: each character is a token (see {@link Analyzer}). */
    private static final Set<Character.UnicodeScript> UNSEGMENTED = Set.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL,
            Character.UnicodeScript.THAI, Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER,
            Character.UnicodeScript.MYANMAR);

    private static final List<String> DOT_SUFFIXES = List.of("js", "net");

    private final String text;
    private final boolean wildcards;

    /**
     * @param text      the text to split
     * @param wildcards whether {@code *} and {@code ?} count as letters (query patterns)
     */
    TechWords(String text, boolean wildcards) {
        this.text = text;
        this.wildcards = wildcards;
    }

    /** @return whether the character is a word of its own (a script written without spaces) */
    static boolean isUnsegmented(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        if (cp == 0x30FC || cp == 0xFF70) {
            return true; // the katakana length mark belongs to no script, but only ever follows kana
        }
        return Character.isLetter(cp) && UNSEGMENTED.contains(Character.UnicodeScript.of(cp));
    }

    /** @return whether a word (not an unsegmented character) starts at {@code i} */
    boolean startsWord(int i) {
        int cp = text.codePointAt(i);
        if (isWordChar(cp)) {
            return true;
        }
        return cp == '.' && i + 1 < text.length() && Character.isLetter(text.codePointAt(i + 1))
                && !isUnsegmented(text.codePointAt(i + 1))
                && (i == 0 || text.charAt(i - 1) != '.' && !isWordChar(text.codePointBefore(i)));
    }

    /**
     * @param start where {@link #startsWord} is true
     * @return where that word ends
     */
    int wordEnd(int start) {
        int listed = listedEnd(start);
        if (listed > 0) {
            return listed;
        }
        int segment = text.charAt(start) == '.' ? start + 1 : start;
        int i = runEnd(segment);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '+' || c == '#') {
                return suffixEnd(segment, i);
            }
            if (c == '.' && digitBefore(i) && i + 1 < text.length() && Character.isDigit(text.codePointAt(i + 1))) {
                segment = i + 1;
                i = runEnd(segment);
            } else if (c == '.') {
                return dotSuffixEnd(i);
            } else if ((c == '&' || c == '/') && shortLetters(segment, i) && i + 1 < text.length()
                    && startsShortRun(i + 1)) {
                segment = i + 1;
                i = runEnd(segment);
            } else {
                return i;
            }
        }
        return i;
    }

    /** @return the index after the combining marks that start at {@code i} */
    int afterMarks(int i) {
        while (i < text.length() && isMark(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** Letters, digits and numbers of any script, and the wildcards of a pattern. */
    private boolean isWordChar(int cp) {
        if (cp < 0x80) {
            int lower = cp | 0x20;
            return lower >= 'a' && lower <= 'z' || cp >= '0' && cp <= '9' || wildcards && (cp == '*' || cp == '?');
        }
        if (isUnsegmented(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        if (cp == 0xFF9E || cp == 0xFF9F) {
            return true; // half-width voicing marks, which fold into the kana before them
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** @return the end of the letters, digits and marks from {@code i}, with format characters between them */
    private int runEnd(int i) {
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWordChar(cp) || isMark(cp)) {
                i = next;
            } else if (Character.getType(cp) == Character.FORMAT && next < text.length()
                    && isWordChar(text.codePointAt(next))) {
                i = next; // a soft hyphen or a joiner inside a word
            } else {
                break;
            }
        }
        return i;
    }

    private int listedEnd(int start) {
        for (String name : LISTED) {
            int end = start + name.length();
            if (text.regionMatches(true, start, name, 0, name.length())
                    && (end == text.length() || !isWordChar(text.codePointAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    /** {@code C++}, {@code C#}: the word ends after the suffix, or before it when the rule does not apply. */
    private int suffixEnd(int segment, int at) {
        char c = text.charAt(at);
        int end = at + 1;
        if (c == '+' && end < text.length() && text.charAt(end) == '+') {
            end++;
        }
        boolean endsThere = end == text.length() || !Character.isLetter(text.codePointAt(end))
                && text.charAt(end) != '+' && text.charAt(end) != '#';
        return shortLetters(segment, at) && endsThere ? end : at;
    }

    /** {@code Node.js}, {@code ASP.NET}: the word ends after the suffix, or before the dot. */
    private int dotSuffixEnd(int dot) {
        for (String suffix : DOT_SUFFIXES) {
            int end = dot + 1 + suffix.length();
            if (text.regionMatches(true, dot + 1, suffix, 0, suffix.length())
                    && (end == text.length() || !isWordChar(text.codePointAt(end)))) {
                return end;
            }
        }
        return dot;
    }

    private boolean digitBefore(int i) {
        return i > 0 && Character.isDigit(text.codePointBefore(i));
    }

    /** @return whether {@code [from, to)} holds one or two letters (and marks) and nothing else */
    private boolean shortLetters(int from, int to) {
        int letters = 0;
        for (int i = from; i < to; i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
            } else if (!isMark(cp) && Character.getType(cp) != Character.FORMAT) {
                return false;
            }
        }
        return letters >= 1 && letters <= 2;
    }

    private boolean startsShortRun(int i) {
        return isWordChar(text.codePointAt(i)) && shortLetters(i, runEnd(i));
    }
}
