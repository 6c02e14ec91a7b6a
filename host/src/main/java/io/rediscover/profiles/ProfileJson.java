package io.rediscover.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one line of the import format ({@code shared/design/profile-format.md}) into a {@link Profile}, leniently where
 * the format is lenient — unknown keys are ignored, a missing key or {@code null} is unknown, an empty string too — and
 * strictly where a value could only be misread: a value of the wrong type, a date that is none of the format's shapes,
 * a diversity value outside the provider vocabulary. Those make the line a {@link BadLine} whose reason names the field
 * by its path ({@code experience[1].start_date}) and says what was expected and what was found.
 */
public final class ProfileJson {

    /** Longest accepted id: ids are store keys. */
    static final int MAX_ID_LENGTH = 256;
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private ProfileJson() {
    }

    /**
     * @param line one line of an import file (not blank)
     * @return the profile
     * @throws BadLine when it is not a profile, with the reason
     */
    public static Profile parse(String line) throws BadLine {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage().replaceAll("\\s+", " ")
                    .replaceAll(" ?\\((start marker at )?\\[Source:.*?\\]\\)", "");
            if (what.startsWith("Trailing token")) {
                what = "more than one JSON value on the line";
            }
            throw new BadLine("not valid JSON at column " + e.getLocation().getColumnNr() + ": " + what);
        }
        if (root == null || !root.isObject()) {
            throw new BadLine("expected a JSON object, got " + kind(root));
        }
        return read(new Node(root, ""));
    }

    private static Profile read(Node p) throws BadLine {
        String id = p.text("id");
        if (id == null) {
            throw new BadLine("id: required, a non-empty string");
        }
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new BadLine("id: expected at most " + MAX_ID_LENGTH + " characters without control characters");
        }
        String linkedin = p.text("linkedin_url");
        String github = p.text("github_url");
        return new Profile(id, p.text("full_name"), p.text("first_name"), p.text("middle_name"), p.text("last_name"),
                p.texts("name_aliases"),
                linkedin == null ? null : LinkUrls.linkedin(linkedin).orElse(null),
                github == null ? null : LinkUrls.github(github).orElse(null),
                p.text("twitter_url"), p.text("facebook_url"),
                p.objects("profiles", ProfileJson::social),
                p.text("headline"), p.text("job_title"), p.text("job_company_name"), p.text("job_company_size"),
                p.text("job_company_industry"), p.date("job_start_date"), p.text("industry"),
                p.text("location_name"), p.text("location_locality"), p.text("location_region"),
                p.text("location_country"), p.texts("skills"),
                p.objects("experience", ProfileJson::experience),
                p.objects("education", e -> new Profile.EducationEntry(e.object("school").text("name"), e.texts("degrees"),
                        e.texts("majors"), e.date("start_date"), e.date("end_date"))),
                p.objects("certifications", c -> new Profile.Certification(c.text("name"), c.text("organization"),
                        c.date("start_date"), c.date("end_date"))),
                p.objects("languages", l -> new Profile.Language(l.text("name"), l.text("proficiency"))),
                p.texts("interests"), p.texts("groups"), p.texts("honors"), diversity(p));
    }

    private static Profile.SocialProfile social(Node s) throws BadLine {
        String network = s.text("network");
        network = network == null ? null : network.toLowerCase(Locale.ROOT);
        String url = s.text("url");
        if (url != null && "linkedin".equals(network)) {
            url = LinkUrls.linkedin(url).orElse(null);
        } else if (url != null && "github".equals(network)) {
            url = LinkUrls.github(url).orElse(null);
        }
        return new Profile.SocialProfile(network, url, s.text("username"));
    }

    private static Profile.Experience experience(Node e) throws BadLine {
        Node company = e.object("company");
        Profile.Company c = company.isMissing() ? null
                : new Profile.Company(company.text("name"), company.text("size"), company.text("industry"));
        return new Profile.Experience(c, e.object("title").text("name"), e.date("start_date"), e.date("end_date"),
                e.bool("is_primary"), e.texts("location_names"));
    }

    private static List<String> diversity(Node p) throws BadLine {
        List<String> values = new ArrayList<>();
        List<String> given = p.texts("diversity");
        for (int i = 0; i < given.size(); i++) {
            String v = given.get(i).toLowerCase(Locale.ROOT);
            if (!Profile.DIVERSITY.contains(v)) {
                throw new BadLine("diversity[" + i + "]: expected one of " + String.join(", ", Profile.DIVERSITY)
                        + ", got '" + given.get(i) + "'");
            }
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        return values;
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + n.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** Reads one element of an array of objects. */
    @FunctionalInterface
    private interface ElementReader<T> {
        T read(Node element) throws BadLine;
    }

    /** A JSON object being read, with its path for the reasons. */
    private record Node(JsonNode json, String path) {

        boolean isMissing() {
            return json == null || json.isMissingNode() || json.isNull();
        }

        private String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private JsonNode get(String field) {
            return isMissing() ? null : json.get(field);
        }

        private static boolean absent(JsonNode v) {
            return v == null || v.isNull();
        }

        /** A string, stripped; null when missing, null or blank. */
        String text(String field) throws BadLine {
            JsonNode v = get(field);
            if (absent(v)) {
                return null;
            }
            if (!v.isTextual()) {
                throw new BadLine(at(field) + ": expected a string, got " + kind(v));
            }
            String s = v.asText().strip();
            return s.isEmpty() ? null : s;
        }

        /** An array of strings; blank and null items are skipped. */
        List<String> texts(String field) throws BadLine {
            JsonNode v = get(field);
            if (absent(v)) {
                return List.of();
            }
            if (!v.isArray()) {
                throw new BadLine(at(field) + ": expected an array of strings, got " + kind(v));
            }
            List<String> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                if (absent(item)) {
                    continue;
                }
                if (!item.isTextual()) {
                    throw new BadLine(at(field) + "[" + i + "]: expected a string, got " + kind(item));
                }
                if (!item.asText().isBlank()) {
                    out.add(item.asText().strip());
                }
            }
            return out;
        }

        /** An object; a missing or null one reads as a missing node whose fields are all unknown. */
        Node object(String field) throws BadLine {
            JsonNode v = get(field);
            if (!absent(v) && !v.isObject()) {
                throw new BadLine(at(field) + ": expected an object, got " + kind(v));
            }
            return new Node(absent(v) ? null : v, at(field));
        }

        /** An array of objects, each read by {@code reader}; null items are skipped. */
        <T> List<T> objects(String field, ElementReader<T> reader) throws BadLine {
            JsonNode v = get(field);
            if (absent(v)) {
                return List.of();
            }
            if (!v.isArray()) {
                throw new BadLine(at(field) + ": expected an array of objects, got " + kind(v));
            }
            List<T> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                if (absent(item)) {
                    continue;
                }
                String where = at(field) + "[" + i + "]";
                if (!item.isObject()) {
                    throw new BadLine(where + ": expected an object, got " + kind(item));
                }
                out.add(reader.read(new Node(item, where)));
            }
            return out;
        }

        /** A date of the format: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, kept as given. */
        String date(String field) throws BadLine {
            String s = text(field);
            if (s == null) {
                return null;
            }
            var m = DATE.matcher(s);
            boolean valid = m.matches();
            if (valid) {
                try {
                    LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                            m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    valid = false;
                }
            }
            if (!valid) {
                throw new BadLine(at(field) + ": expected a date YYYY, YYYY-MM or YYYY-MM-DD, got '" + s + "'");
            }
            return s;
        }

        /** A boolean, or null when missing. */
        Boolean bool(String field) throws BadLine {
            JsonNode v = get(field);
            if (absent(v)) {
                return null;
            }
            if (!v.isBoolean()) {
                throw new BadLine(at(field) + ": expected true or false, got " + kind(v));
            }
            return v.asBoolean();
        }
    }
}
