package io.rediscover.icims.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Realistic contact data: e-mail addresses, phone numbers and postal addresses in the format of the
 * person's country, LinkedIn/GitHub URLs in the spellings people actually use.
 */
final class ContactFactory {
    /** Collection ordinals used to derive stable entry ids, see {@link #entryId}. */
    static final int PHONES = 1;
    static final int ADDRESSES = 2;
    static final int WORK = 3;
    static final int EDUCATION = 4;

    private static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("United Kingdom", "44"), Map.entry("Ireland", "353"), Map.entry("Germany", "49"),
            Map.entry("France", "33"), Map.entry("Netherlands", "31"), Map.entry("Spain", "34"),
            Map.entry("Italy", "39"), Map.entry("Poland", "48"), Map.entry("Sweden", "46"),
            Map.entry("India", "91"), Map.entry("Singapore", "65"), Map.entry("Australia", "61"),
            Map.entry("Mexico", "52"), Map.entry("Brazil", "55"), Map.entry("Nigeria", "234"),
            Map.entry("Japan", "81"), Map.entry("South Korea", "82"));

    /** Postal code shapes: '9' a digit, 'A' a letter, anything else literal; the city's prefix overrides the start. */
    private static final Map<String, String> ZIP_PATTERNS = Map.ofEntries(
            Map.entry("United States", "99999"), Map.entry("Canada", "A9A 9A9"),
            Map.entry("United Kingdom", "AA9 9AA"), Map.entry("Ireland", "A99 A999"),
            Map.entry("Germany", "99999"), Map.entry("France", "99999"), Map.entry("Netherlands", "9999 AA"),
            Map.entry("Spain", "99999"), Map.entry("Italy", "99999"), Map.entry("Poland", "99-999"),
            Map.entry("Sweden", "999 99"), Map.entry("India", "999999"), Map.entry("Singapore", "999999"),
            Map.entry("Australia", "9999"), Map.entry("Mexico", "99999"), Map.entry("Brazil", "99999-999"),
            Map.entry("Nigeria", "999999"), Map.entry("Japan", "999-9999"), Map.entry("South Korea", "99999"));

    private final Vocabulary vocab = Vocabulary.get();

    /** Stable, unique collection entry id: a function of the owner's id, the collection and the position. */
    static long entryId(long personId, int collection, int index) {
        return personId * 100 + collection * 10L + index;
    }

    /** A personal e-mail address in one of the usual local-part styles. */
    String email(Dice dice, String first, String last) {
        String f = orElse(Vocabulary.asciiSlug(first), "user");
        String l = orElse(Vocabulary.asciiSlug(last), "mail");
        String local = switch (dice.weighted(40, 20, 15, 15, 10)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + l;
            case 2 -> f + l.charAt(0);
            case 3 -> f + "_" + l;
            default -> l + "." + f;
        };
        if (dice.chance(0.35)) {
            local += dice.between(1, 99);
        }
        return local + "@" + dice.pick(vocab.emailDomains);
    }

    /** A phone number written the way the person's country writes it. */
    String phoneNumber(Dice dice, String country) {
        String code = CALLING_CODES.get(country);
        if (code == null) { // North America
            return "(" + dice.between(201, 989) + ") " + dice.between(200, 999) + "-" + dice.digits(4);
        }
        return "+" + code + " " + dice.between(10, 99) + " " + dice.digits(4) + " " + dice.digits(4);
    }

    List<Phone> phones(Dice dice, long personId, String country) {
        List<Phone> phones = new ArrayList<>(2);
        if (dice.chance(0.9)) {
            phones.add(new Phone(entryId(personId, PHONES, 0), ListCatalog.PHONE_MOBILE, phoneNumber(dice, country)));
            if (dice.chance(0.2)) {
                ListNode type = dice.chance(0.5) ? ListCatalog.PHONE_HOME : ListCatalog.PHONE_WORK;
                phones.add(new Phone(entryId(personId, PHONES, 1), type, phoneNumber(dice, country)));
            }
        }
        return phones;
    }

    Address address(Dice dice, long personId, Vocabulary.City city) {
        String street = dice.between(1, 9999) + " " + dice.pick(vocab.streets);
        ListNode state = city.stateName().isEmpty() || city.stateName().equals(city.country())
                ? null : ListCatalog.state(city.stateCode().isEmpty() ? city.stateName() : city.stateCode());
        return new Address(entryId(personId, ADDRESSES, 0), street, city.name(), state,
                zip(dice, city), ListCatalog.country(city.country()));
    }

    private String zip(Dice dice, Vocabulary.City city) {
        String pattern = ZIP_PATTERNS.getOrDefault(city.country(), "99999");
        StringBuilder sb = new StringBuilder();
        String prefix = city.zipPrefix();
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            if (i < prefix.length()) {
                sb.append(prefix.charAt(i));
            } else if (p == '9') {
                sb.append((char) ('0' + dice.between(0, 9)));
            } else if (p == 'A') {
                sb.append((char) ('A' + dice.between(0, 25)));
            } else {
                sb.append(p);
            }
        }
        return sb.toString();
    }

    /** A LinkedIn profile URL in one of the forms found in ATS data and resumes. */
    String linkedinUrl(Dice dice, String first, String last) {
        String slug = orElse(Vocabulary.asciiSlug(first), "member") + "-" + orElse(Vocabulary.asciiSlug(last), "profile");
        if (dice.chance(0.6)) {
            slug += "-" + dice.hex(dice.between(4, 8));
        }
        return switch (dice.weighted(50, 25, 15, 10)) {
            case 0 -> "https://www.linkedin.com/in/" + slug;
            case 1 -> "https://www.linkedin.com/in/" + slug + "/";
            case 2 -> "linkedin.com/in/" + slug;
            default -> "www.linkedin.com/in/" + slug;
        };
    }

    String githubUrl(Dice dice, String first, String last) {
        String f = orElse(Vocabulary.asciiSlug(first), "dev");
        String l = orElse(Vocabulary.asciiSlug(last), "coder");
        String handle = switch (dice.weighted(40, 30, 30)) {
            case 0 -> f + l;
            case 1 -> f.charAt(0) + l;
            default -> f + "-" + dice.hex(3);
        };
        return dice.chance(0.7) ? "https://github.com/" + handle : "github.com/" + handle;
    }

    private static String orElse(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
