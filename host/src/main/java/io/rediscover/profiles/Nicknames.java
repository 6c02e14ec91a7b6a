package io.rediscover.profiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Given names and the names the same person goes by (Bill for William, Paco for Francisco, Sasha for Alexander or
 * Alexandra, Mohamed for Mohammed), from the resource {@code nicknames.txt}: groups of a canonical name and its
 * variants across many origins. A name's <em>forms</em> are the canonical names of every group it belongs to — not a
 * transitive closure, which would make Jean (John, Jane) the same name as Jane's Janet.
 */
public final class Nicknames {

    private static final Map<String, Set<String>> FORMS = load();

    private Nicknames() {
    }

    /**
     * @param name a given name (any case and accents; folded here)
     * @return the names it stands for: itself (folded; Anna is a name of its own as well as Johanna's short form) and
     *         the canonical names of the groups it belongs to; empty for a blank name
     */
    public static Set<String> forms(String name) {
        String folded = NameKeys.fold(name).replace(" ", "");
        if (folded.isEmpty()) {
            return Set.of();
        }
        return FORMS.getOrDefault(folded, Set.of(folded));
    }

    /**
     * @param a a given name
     * @param b another
     * @return whether they can name the same person: they share a form (William and Bill, Kate and Catherine)
     */
    public static boolean sameName(String a, String b) {
        Set<String> fa = forms(a);
        return forms(b).stream().anyMatch(fa::contains);
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> forms = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream("nicknames.txt")) {
            if (in == null) {
                throw new IllegalStateException("the resource nicknames.txt is missing from the host's jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("nicknames.txt: '" + line + "' is not 'canonical: variant, …'");
                }
                String canonical = NameKeys.fold(line.substring(0, colon)).replace(" ", "");
                forms.computeIfAbsent(canonical, k -> new LinkedHashSet<>(Set.of(k))).add(canonical);
                for (String variant : line.substring(colon + 1).split(",")) {
                    String v = NameKeys.fold(variant).replace(" ", "");
                    if (!v.isEmpty()) {
                        forms.computeIfAbsent(v, k -> new LinkedHashSet<>(Set.of(k))).add(canonical);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        forms.forEach((name, canonicals) -> frozen.put(name, Set.copyOf(canonicals)));
        return Map.copyOf(frozen);
    }
}
