package io.rediscover.index;

import java.text.Normalizer;
import java.util.Map;

/**
 * Turns a word as written into its term: lower case, accents and compatibility forms folded, so that "Résumé",
 * "RESUME" and "resume" are one term, as are "Straße" and "strasse", "Ｊａｖａ" (full width) and "java".
 * <p>
 * Compatibility decomposition (NFKD) splits accented letters into a base letter and combining marks, and maps
 * ligatures, full-width and circled forms to plain ones; the marks of the combining-diacritics blocks are then dropped
 * (in every script: é→e, ё→е, ά→α), as are format characters (soft hyphens, joiners) and anything white. Letters that
 * carry no decomposable accent but are written as plain letters on keyboards without them (ß, æ, ø, ł, đ, þ …) come
 * from a small table. Recomposition (NFC) at the end keeps what is left in its usual form (Hangul syllables, kana with
 * voicing marks).
 */
final class Folding {

    /** Letters NFKD leaves alone, spelled as they are on a plain keyboard (the lower-case forms; upper case is lowered first). */
    private static final Map<Integer, String> LETTERS = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'þ', "th"), Map.entry((int) 'ł', "l"), Map.entry((int) 'ı', "i"),
            Map.entry((int) 'ħ', "h"), Map.entry((int) 'ŧ', "t"), Map.entry((int) 'ŋ', "n"),
            Map.entry((int) 'ƒ', "f"), Map.entry((int) 'ς', "σ"));

    private Folding() {
    }

    /**
     * @param word a word as written (never white space at either end)
     * @return its term; empty only when nothing of it is searchable
     */
    static String fold(String word) {
        if (isAscii(word)) {
            return asciiLowerCase(word);
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            int lower = Character.toLowerCase(cp);
            if (dropped(lower)) {
                return;
            }
            String spelled = LETTERS.get(lower);
            if (spelled != null) {
                folded.append(spelled);
            } else {
                folded.appendCodePoint(lower);
            }
        });
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    /** Accents (the combining-diacritics blocks and variation selectors), format characters, controls and spaces. */
    private static boolean dropped(int cp) {
        if (cp >= 0x0300 && cp <= 0x036F || cp >= 0x1AB0 && cp <= 0x1AFF || cp >= 0x1DC0 && cp <= 0x1DFF
                || cp >= 0x20D0 && cp <= 0x20FF || cp >= 0xFE20 && cp <= 0xFE2F
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.CONTROL, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }
}
