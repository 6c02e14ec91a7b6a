package io.rediscover.profiles;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Blocking keys of a person's name: the keys a public profile is indexed under and an ATS candidate is looked up by, so
 * that the matcher finds the few profiles worth scoring without scanning the corpus. Both sides use the same function,
 * so two spellings of one name meet on at least one key when they differ only by
 * <ul>
 *   <li>case, accents and punctuation ({@code García-Márquez}, {@code garcia marquez}; {@code O'Brien}, {@code OBrien}) —
 *       {@link #fold};</li>
 *   <li>a nickname or spelling variant of the first name (Bill and William, Paco and Francisco) — {@link Nicknames};</li>
 *   <li>a compound surname given in part (García for García Márquez, Berg for van der Berg);</li>
 *   <li>first and last name swapped (the strong key is the <em>unordered</em> pair of surname and first name);</li>
 *   <li>a first name given as an initial, or misspelt (the weak keys: surname and first initial, and first name and
 *       surname initial).</li>
 * </ul>
 * Keys are {@code n:<a>|<b>} (strong: a surname form and a first-name form, in alphabetical order) and
 * {@code i:<name>|<initial>} (weak). A weak key is shared by many more people; the profile store says when a key is too
 * common to be useful ({@code ProfileStore.idsByNameKey}). A release that changes these keys must rebuild the profile
 * index (a store migration), since a profile's old keys are recomputed from it when it is replaced.
 */
public final class NameKeys {

    /** Prefix of strong keys: a surname and a first name. */
    public static final String STRONG = "n:";
    /** Prefix of weak keys: a name and an initial. */
    public static final String WEAK = "i:";
    /** The most keys one person gets: a name of many parts must not flood the index. */
    static final int MAX_KEYS = 64;

    /** Surname particles that a person may drop (van der Berg → Berg), compared folded. */
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "delle", "dei",
            "degli", "di", "da", "das", "dos", "do", "du", "des", "la", "le", "lo", "el", "al", "bin", "binti", "ibn",
            "ben", "bat", "ter", "ten", "te", "y", "e", "st", "saint", "mac", "zu", "af", "av");

    private NameKeys() {
    }

    /**
     * @param first   first name(s), e.g. {@code Ana María}
     * @param middle  middle name(s), or null
     * @param last    last name(s), e.g. {@code García Márquez}
     * @param aliases other full names of the person (nicknames, maiden names), e.g. {@code bill smith}; a one-word alias
     *                is a first name with {@code last}
     * @return the person's blocking keys, strong ones first; empty when there is no first and last name to pair
     */
    public static Set<String> of(String first, String middle, String last, Collection<String> aliases) {
        Set<String> keys = new LinkedHashSet<>();
        add(keys, first, middle, last);
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            List<String> tokens = tokens(alias);
            if (tokens.size() == 1) {
                add(keys, tokens.get(0), null, last);
            } else if (tokens.size() > 1) {
                add(keys, tokens.get(0), String.join(" ", tokens.subList(1, tokens.size() - 1)), tokens.get(tokens.size() - 1));
            }
        }
        if (keys.size() <= MAX_KEYS) {
            return keys;
        }
        Set<String> capped = new LinkedHashSet<>();
        keys.stream().filter(k -> k.startsWith(STRONG)).limit(MAX_KEYS).forEach(capped::add);
        keys.stream().filter(k -> k.startsWith(WEAK)).limit(MAX_KEYS - capped.size()).forEach(capped::add);
        return capped;
    }

    /**
     * @param fullName a full name, e.g. {@code ana maría torres}: the first word is the first name, the last word the
     *                 surname, the words between middle names
     * @return its keys, as {@link #of}
     */
    public static Set<String> ofFullName(String fullName) {
        List<String> tokens = tokens(fullName);
        if (tokens.size() < 2) {
            return Set.of();
        }
        return of(tokens.get(0), String.join(" ", tokens.subList(1, tokens.size() - 1)), tokens.get(tokens.size() - 1),
                List.of());
    }

    /** @param key a key @return whether it is a weak key (an initial stands for a first name) */
    public static boolean isWeak(String key) {
        return key.startsWith(WEAK);
    }

    private static void add(Set<String> keys, String first, String middle, String last) {
        List<String> firstTokens = tokens(first);
        List<String> lastTokens = tokens(last);
        if (firstTokens.isEmpty() && lastTokens.size() > 1) {
            firstTokens = List.of(lastTokens.get(0)); // "Smith John" all in the surname field
            lastTokens = lastTokens.subList(1, lastTokens.size());
        } else if (lastTokens.isEmpty() && firstTokens.size() > 1) {
            lastTokens = List.of(firstTokens.get(firstTokens.size() - 1)); // the whole name in the first-name field
            firstTokens = firstTokens.subList(0, firstTokens.size() - 1);
        }
        if (firstTokens.isEmpty() || lastTokens.isEmpty()) {
            return;
        }
        Set<String> surnames = surnames(lastTokens);
        Set<String> firstForms = firstForms(firstTokens, tokens(middle));
        Set<String> initials = new LinkedHashSet<>();
        initials.add(firstTokens.get(0).substring(0, 1));
        firstForms.forEach(f -> initials.add(f.substring(0, 1)));
        // Strong: an unordered pair, so that a swapped name meets itself; read the other way round as well, so that a
        // swapped nickname ("Smith, Bill") still meets William Smith.
        for (String s : surnames) {
            for (String f : firstForms) {
                keys.add(pair(s, f));
            }
        }
        List<String> lastAsFirst = lastTokens.stream().filter(t -> !PARTICLES.contains(t)).toList();
        if (!lastAsFirst.isEmpty()) {
            for (String s : surnames(firstTokens)) {
                for (String f : firstForms(lastAsFirst, List.of())) {
                    keys.add(pair(s, f));
                }
            }
        }
        for (String s : surnames) {
            for (String i : initials) {
                keys.add(WEAK + s + "|" + i);
            }
        }
        for (String f : firstForms) {
            for (String s : surnames) {
                keys.add(WEAK + f + "|" + s.charAt(0));
            }
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? STRONG + a + "|" + b : STRONG + b + "|" + a;
    }

    /**
     * The surname as written (joined), without its particles, and — for a compound surname — each of its parts; never an
     * initial.
     */
    private static Set<String> surnames(List<String> tokens) {
        Set<String> out = new LinkedHashSet<>();
        out.add(String.join("", tokens));
        List<String> parts = tokens.stream().filter(t -> !PARTICLES.contains(t)).toList();
        if (!parts.isEmpty()) {
            out.add(String.join("", parts));
        }
        if (parts.size() > 1) {
            out.addAll(parts);
        }
        out.removeIf(s -> s.length() < 2);
        return out;
    }

    /**
     * The forms of the first name (the first word, and the whole name when it has several words: Ana and Anamaria for
     * Ana María) and of middle names the person may go by; an initial has no form.
     */
    private static Set<String> firstForms(List<String> first, List<String> middle) {
        Set<String> out = new LinkedHashSet<>();
        List<String> given = new ArrayList<>();
        if (first.get(0).length() > 1) {
            given.add(first.get(0));
            if (first.size() > 1) {
                given.add(String.join("", first));
            }
        }
        middle.stream().filter(m -> m.length() > 1).forEach(given::add);
        if (first.get(0).length() == 1 && first.size() > 1 && first.get(1).length() > 1) {
            given.add(first.get(1)); // "J Robert": goes by the second name
        }
        given.forEach(g -> out.addAll(Nicknames.forms(g)));
        return out;
    }

    private static List<String> tokens(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    /**
     * Folds a name for comparison: lower case, accents and other marks removed (and ß, æ, œ, ø, ł, đ, þ, ı spelt out in
     * plain letters), apostrophes dropped (O'Brien → obrien), every other character that is not a letter or digit a
     * space, spaces collapsed. Letters of other scripts stay as they are.
     *
     * @param text any text, or null
     * @return the folded text; empty for null or blank
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || "'’ʼ`´‘".indexOf(c) >= 0) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                sb.append(plain(Character.toLowerCase(c)));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    /** Letters that decomposition leaves alone, spelt the way people type them without the key. */
    private static String plain(char c) {
        return switch (c) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            default -> String.valueOf(c);
        };
    }
}
