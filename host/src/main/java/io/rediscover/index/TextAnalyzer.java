package io.rediscover.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text into the terms the index stores and queries ask for: lower case, accents folded, tech tokens (C++, C#,
 * .NET, Node.js) kept whole, other punctuation splitting words. One analyzer for both sides, so a query for {@code c++}
 * finds a resume that says "C++".
 */
public final class TextAnalyzer {

    private static final Pattern TOKEN = Pattern.compile("\\.?[\\p{L}\\p{N}]+(?:[.&][\\p{L}\\p{N}]+)*[+#]*");

    private TextAnalyzer() {
    }

    /**
     * @param text any text, or null
     * @return its terms in order
     */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = TOKEN.matcher(fold(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * @param text any text, or null
     * @return its terms joined by single spaces, as the index's whitespace tokenizer takes them
     */
    public static String analyzed(String text) {
        return String.join(" ", terms(text));
    }

    /** @param text text @return lower case, accents removed */
    public static String fold(String text) {
        String d = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("ł", "l").replace("Ł", "l")
                .replace("æ", "ae").replace("Æ", "ae").replace("đ", "d").replace("Đ", "d").toLowerCase(Locale.ROOT);
    }
}
