package io.rediscover.insights;

import io.rediscover.index.Analyzer;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.IndexedCandidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A deterministic crowd of made-up people with a value in every insight category, written straight into an index, and
 * the insights expected of any subset of them, computed here from the people themselves (not through the index). Values
 * come in several spellings of one value ("Zürich", "ZÜRICH", "zurich", "Zürich" with two spaces), some people lack some
 * categories, and the multi-valued categories hold up to several values per person.
 */
final class HandMadePeople {

    /** The terms categories: their pools, most frequent first, and how many values a person holds at most. */
    record Pool(List<String> values, int max, int absentPercent) {
    }

    static final Map<String, Pool> POOLS = new LinkedHashMap<>();

    static {
        List<String> companies = List.of("Acme", "Globex", "Initech", "Hooli", "Umbrella", "Stark Industries", "AT&T",
                "<script>alert(1)</script> Labs", "Société Générale", "Müller & Söhne", "Cyberdyne", "Wayne Enterprises");
        List<String> titles = List.of("Software Engineer", "Data Scientist", "Product Manager", "Recruiter", "Designer",
                "DevOps Engineer", "Sales Manager", "CTO", "Analyst");
        POOLS.put("location", new Pool(List.of("Boston", "Zürich", "San Francisco", "München", "Łódź", "New York", "Paris",
                "São Paulo", "Toronto", "Berlin", "London", "Tokyo"), 1, 15));
        POOLS.put("company", new Pool(companies, 1, 10));
        POOLS.put("title", new Pool(titles, 1, 10));
        POOLS.put("pastcompany", new Pool(companies, 3, 25));
        POOLS.put("pasttitle", new Pool(List.of("Intern", "Software Engineer", "Analyst", "Designer", "Recruiter", "Consultant",
                "Teacher", "Data Scientist"), 3, 25));
        POOLS.put("skill", new Pool(List.of("Java", "Python", "SQL", "Kotlin", "C++", "C#", ".NET", "Node.js", "Go", "Rust",
                "Machine Learning", "R&D", "Excel", "Spark", "Kafka", "Docker", "Kubernetes", "React"), 6, 10));
        POOLS.put("school", new Pool(List.of("MIT", "Stanford", "ETH Zürich", "UCLA", "Université de Montréal", "TU München",
                "Harvard", "Oxford"), 2, 20));
        POOLS.put("degree", new Pool(List.of("BSc", "MSc", "PhD", "MBA", "BA"), 2, 20));
        POOLS.put("major", new Pool(List.of("Computer Science", "Mathematics", "Statistics", "Business", "Design", "Physics"), 2, 25));
        POOLS.put("diversity", new Pool(List.of("female", "asian", "black", "hispanic", "veteran"), 2, 40));
        POOLS.put("industry", new Pool(List.of("Software", "Finance", "Healthcare", "Retail", "Energy", "Education",
                "Manufacturing"), 1, 30));
        POOLS.put("companysize", new Pool(List.of("51-200", "11-50", "201-500", "1-10", "501-1000", "1001-5000", "5001-10000",
                "10001+"), 1, 30));
        POOLS.put("certification", new Pool(List.of("AWS Certified Solutions Architect", "PMP", "CISSP", "Scrum Master", "CPA",
                "Google Cloud Professional"), 3, 50));
        POOLS.put("language", new Pool(List.of("English", "Deutsch", "Français", "Español", "日本語", "Português", "Polski"), 3, 20));
        POOLS.put("group", new Pool(List.of("IEEE", "ACM", "Women in Tech", "Toastmasters", "Rotary"), 2, 45));
        POOLS.put("interest", new Pool(List.of("Chess", "Running", "Photography", "Cooking", "Hiking", "Music", "Robotics"), 3, 30));
        POOLS.put("honor", new Pool(List.of("Dean's List", "Employee of the Year", "Hackathon Winner", "Best Paper", "Patent"), 2, 55));
    }

    static final List<String> TEAMS = List.of("alpha", "beta", "gamma");

    /**
     * One person.
     *
     * @param id     their id
     * @param team   a word of their text, for queries
     * @param values their values by category, spelled as given, one spelling per value
     * @param years  years of experience, or null
     * @param inRole years in the current role, or null
     */
    record Person(String id, String team, Map<String, List<String>> values, Long years, Long inRole) {

        /** @param key a document key @param connection its connection ("" for a public profile) @return the document */
        IndexedCandidate document(String key, String connection) {
            Map<String, List<String>> keywords = new LinkedHashMap<>();
            values.forEach((category, list) -> CandidateFields.facet(keywords, category, list.stream()));
            Map<String, Long> numbers = new HashMap<>();
            if (years != null) {
                numbers.put(CandidateFields.NUMBER_PREFIX + "yearsexperience", years);
            }
            if (inRole != null) {
                numbers.put(CandidateFields.NUMBER_PREFIX + "yearsinrole", inRole);
            }
            String name = "Person " + id;
            return new IndexedCandidate(key, connection, id, Map.of("name", name), Map.of("all", Analyzer.analyzed(name + " " + team)),
                    keywords, numbers, Map.of(CandidateFields.DATE_PREFIX + CandidateFields.UPDATED, Instant.parse("2026-01-01T00:00:00Z")));
        }

        /** @param category a terms category @return its distinct values, folded as filters fold them */
        Set<String> folded(String category) {
            Set<String> out = new LinkedHashSet<>();
            values.getOrDefault(category, List.of()).forEach(v -> out.add(Analyzer.keyword(v)));
            return out;
        }

        /** @param category a year category @return its number, or null */
        Long number(String category) {
            return category.equals("yearsexperience") ? years : inRole;
        }
    }

    private HandMadePeople() {
    }

    /**
     * @param count  how many
     * @param seed   the random seed
     * @param prefix prefixed to every id and every value (to tell two orgs' data apart)
     * @return the people
     */
    static List<Person> generate(int count, long seed, String prefix) {
        Random random = new Random(seed);
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            POOLS.forEach((category, pool) -> {
                if (random.nextInt(100) < pool.absentPercent()) {
                    return;
                }
                int n = 1 + random.nextInt(pool.max());
                Map<String, String> byFolded = new LinkedHashMap<>();
                for (int k = 0; k < n; k++) {
                    String base = prefix + pool.values().get((int) (pool.values().size() * Math.pow(random.nextDouble(), 1.7)));
                    byFolded.putIfAbsent(Analyzer.keyword(base), spelling(base, random));
                }
                values.put(category, List.copyOf(byFolded.values()));
            });
            Long years = random.nextInt(100) < 12 ? null : (long) (random.nextInt(30) + random.nextInt(12));
            Long inRole = random.nextInt(100) < 25 ? null : (long) random.nextInt(years == null ? 8 : (int) Math.min(years, 22) + 1);
            out.add(new Person(prefix + "p" + i, TEAMS.get(random.nextInt(TEAMS.size())), values, years, inRole));
        }
        return out;
    }

    /** Mostly as written; sometimes in capitals, in lower case, or with its spaces doubled. */
    private static String spelling(String value, Random random) {
        int r = random.nextInt(100);
        if (r < 12) {
            return value.toUpperCase(Locale.ROOT);
        }
        if (r < 20) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (r < 24 && value.contains(" ")) {
            return value.replace(" ", "  ");
        }
        return value;
    }

    /** What insights must say about one category of a set of people. */
    record Expected(Map<String, Long> counts, Map<String, Map<String, Long>> spellings, long values, long missing) {
    }

    /**
     * @param people   the result set
     * @param category a category key
     * @return the expected counts: by folded value (or year bucket label), with the spellings of each folded value
     */
    static Expected expected(List<Person> people, String category) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Map<String, Long>> spellings = new HashMap<>();
        long values = 0;
        long missing = 0;
        for (Person p : people) {
            if (category.equals("yearsexperience") || category.equals("yearsinrole")) {
                Long n = p.number(category);
                if (n == null) {
                    missing++;
                    continue;
                }
                values++;
                YearBuckets.ALL.stream().filter(b -> n >= b.from() && (b.to() == null || n <= b.to())).findFirst()
                        .ifPresent(b -> counts.merge(b.label(), 1L, Long::sum));
                continue;
            }
            List<String> held = p.values().getOrDefault(category, List.of());
            if (held.isEmpty()) {
                missing++;
            }
            for (String v : held) {
                String spelled = v.strip().replaceAll("\\s+", " ");
                String folded = Analyzer.keyword(spelled);
                counts.merge(folded, 1L, Long::sum);
                spellings.computeIfAbsent(folded, k -> new HashMap<>()).merge(spelled, 1L, Long::sum);
                values++;
            }
        }
        return new Expected(counts, spellings, values, missing);
    }

    /**
     * @param people  everyone
     * @param filter  the result set's condition
     * @return those who meet it
     */
    static List<Person> where(List<Person> people, Predicate<Person> filter) {
        return people.stream().filter(filter).toList();
    }

    /** @param category a terms category @param values values as a filter takes them @return people holding any */
    static Predicate<Person> holds(String category, String... values) {
        Set<String> wanted = new LinkedHashSet<>();
        Stream.of(values).map(Analyzer::keyword).forEach(wanted::add);
        return p -> p.folded(category).stream().anyMatch(wanted::contains);
    }

    /** @param category a year category @param from first year or null @param to last year or null @return people within */
    static Predicate<Person> within(String category, Long from, Long to) {
        return p -> {
            Long n = p.number(category);
            return n != null && (from == null || n >= from) && (to == null || n <= to);
        };
    }

    /** @param teams team words @return people in any */
    static Predicate<Person> team(String... teams) {
        Set<String> t = Set.of(teams);
        return p -> t.contains(p.team());
    }

    /** @return everyone */
    static Predicate<Person> everyone() {
        return p -> true;
    }

    /** @param people people @param key how each is keyed @return their documents by key */
    static Map<String, Person> byKey(List<Person> people, Function<Person, String> key) {
        Map<String, Person> out = new LinkedHashMap<>();
        people.forEach(p -> out.put(key.apply(p), p));
        return out;
    }
}
