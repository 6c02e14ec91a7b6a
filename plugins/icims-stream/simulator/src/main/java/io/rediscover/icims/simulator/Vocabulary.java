package io.rediscover.icims.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Word pools for realistic tenants, read once from {@code vocab/*.txt} resources next to this class:
 * names of many origins, employers, titles, schools, cities in several countries. Values picked from the
 * pools are shared string instances, which keeps 100,000-person tenants small.
 */
final class Vocabulary {
    /** An employer and its industry. */
    record Company(String name, String industry) {
    }

    /** A job title and the position category it belongs to. */
    record Title(String name, String category) {
    }

    /** Skills and certifications of one position category (function). */
    record Discipline(String name, List<String> skills, List<Certification> certifications) {
    }

    /** A certification and who issues it. */
    record Certification(String name, String organization) {
    }

    /** A city with its state (code and name; empty outside federal countries), country and zip prefix. */
    record City(String name, String stateCode, String stateName, String country, String zipPrefix) {
    }

    private static volatile Vocabulary instance;

    final List<String> firstNames = lines("first-names.txt");
    final List<String> lastNames = lines("last-names.txt");
    final Map<String, List<String>> nicknames = nicknames();
    final List<Company> companies = parse("companies.txt", p -> new Company(p[0], p[1]));
    final List<Title> titles = parse("titles.txt", p -> new Title(p[0], p[1]));
    final List<String> schools = lines("schools.txt");
    final List<String> degrees = lines("degrees.txt");
    final List<String> majors = lines("majors.txt");
    final List<String> skills = lines("skills.txt");
    final List<String> streets = lines("streets.txt");
    final List<City> cities = parse("cities.txt", p -> new City(p[0], p[1], p[2], p[3], p.length > 4 ? p[4] : ""));
    final List<String> emailDomains = lines("email-domains.txt");
    /** Skills and certifications by position category, for generated public profiles. */
    final Map<String, Discipline> functions = functions();
    /** Employers for generated careers: the named companies and many generated ones (prefix + noun), with industries. */
    final List<Company> employers = employers(companies);
    final List<String> interests = lines("interests.txt");
    final List<String> groups = lines("groups.txt");
    final List<String> honors = lines("honors.txt");
    final List<String> languages = lines("languages.txt");

    static Vocabulary get() {
        Vocabulary v = instance;
        if (v == null) {
            synchronized (Vocabulary.class) {
                if (instance == null) {
                    instance = new Vocabulary();
                }
                v = instance;
            }
        }
        return v;
    }

    private Vocabulary() {
    }

    /** Lower-case ASCII form of a name for e-mail addresses and URL slugs ("José Núñez" → "josenunez"). */
    static String asciiSlug(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean plain = true;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (c > 127) {
                plain = false;
            }
        }
        if (plain) {
            return sb.toString(); // the common case: no accents to fold
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private static Map<String, List<String>> nicknames() {
        Map<String, List<String>> map = new HashMap<>();
        for (String line : lines("nicknames.txt")) {
            String[] kv = line.split("=", 2);
            map.put(kv[0], List.of(kv[1].split(",")));
        }
        return map;
    }

    private static Map<String, Discipline> functions() {
        Map<String, Discipline> out = new HashMap<>();
        for (String line : lines("functions.txt")) {
            String[] p = line.split("\\|", -1);
            List<Certification> certs = new ArrayList<>();
            for (String c : p[2].split(";")) {
                String[] nameIssuer = c.split("@", 2);
                certs.add(new Certification(nameIssuer[0], nameIssuer[1]));
            }
            out.put(p[0], new Discipline(p[0], List.of(p[1].split(",")), List.copyOf(certs)));
        }
        return Map.copyOf(out);
    }

    private static List<Company> employers(List<Company> named) {
        List<Company> out = new ArrayList<>(named);
        List<String> prefixes = List.of();
        List<String[]> nouns = new ArrayList<>();
        for (String line : lines("company-words.txt")) {
            if (line.startsWith("@prefixes=")) {
                prefixes = List.of(line.substring("@prefixes=".length()).split(","));
            } else {
                nouns.add(line.split("\\|", 2));
            }
        }
        for (String prefix : prefixes) {
            for (String[] noun : nouns) {
                out.add(new Company((prefix + " " + noun[0]).intern(), noun[1].intern()));
            }
        }
        return List.copyOf(out);
    }

    private static <T> List<T> parse(String file, Function<String[], T> mapper) {
        List<T> out = new ArrayList<>();
        for (String line : lines(file)) {
            out.add(mapper.apply(line.split("\\|", -1)));
        }
        return List.copyOf(out);
    }

    private static List<String> lines(String file) {
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocab/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing vocabulary resource " + file);
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    out.add(trimmed.intern());
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
