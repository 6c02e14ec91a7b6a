package io.rediscover.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.mirror.MirrorRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A mirrored candidate and its applications, read from the mirror's JSON (the plugin's {@code AtsCandidate} and
 * {@code AtsApplication} as emitted), leniently: a field a connector did not fill is empty, never an error.
 *
 * @param record       the candidate's mirror record
 * @param applications its live applications, newest first
 */
record AtsData(MirrorRecord record, List<MirrorRecord> applications) {

    JsonNode data() {
        return record.data();
    }

    String firstName() {
        return text(data(), "firstName");
    }

    String middleName() {
        return text(data(), "middleName");
    }

    String lastName() {
        return text(data(), "lastName");
    }

    /** @return first, middle and last name as one, or the id when the ATS has no name */
    String displayName() {
        String n = Stream.of(firstName(), middleName(), lastName()).filter(Objects::nonNull)
                .collect(Collectors.joining(" ")).strip();
        return n.isEmpty() ? record.externalId() : n;
    }

    List<String> emails() {
        return texts(data().path("emails"));
    }

    List<String> links() {
        return texts(data().path("links"));
    }

    List<String> skills() {
        return texts(data().path("skills"));
    }

    /** @return city, region, country as one line, or null */
    String location() {
        JsonNode l = data().path("location");
        String joined = Stream.of(text(l, "city"), text(l, "region"), text(l, "country")).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    List<CandidateView.Position> workHistory() {
        List<CandidateView.Position> out = new ArrayList<>();
        for (JsonNode w : data().path("workHistory")) {
            out.add(new CandidateView.Position(text(w, "company"), text(w, "title"), text(w, "startDate"),
                    text(w, "endDate"), w.path("current").asBoolean(false)));
        }
        return out;
    }

    List<CandidateView.School> education() {
        List<CandidateView.School> out = new ArrayList<>();
        for (JsonNode e : data().path("education")) {
            out.add(new CandidateView.School(text(e, "school"), text(e, "degree"), text(e, "major"), text(e, "startDate"),
                    text(e, "endDate")));
        }
        return out;
    }

    /** @return the candidate's declared attribute values by key (candidate level only) */
    Map<String, List<String>> attributes() {
        return attributes(data());
    }

    /**
     * @param key a declared filter or profile-field key
     * @return its values over the candidate and every application, once each, in order
     */
    List<String> valuesOf(String key) {
        List<String> out = new ArrayList<>(attributes().getOrDefault(key, List.of()));
        for (MirrorRecord a : applications) {
            for (String v : attributes(a.data()).getOrDefault(key, List.of())) {
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** @return when the candidate or any of its applications last changed in the ATS */
    Instant updatedAt() {
        Instant latest = record.updatedAt();
        for (MirrorRecord a : applications) {
            if (a.updatedAt() != null && (latest == null || a.updatedAt().isAfter(latest))) {
                latest = a.updatedAt();
            }
        }
        return latest;
    }

    static Map<String, List<String>> attributes(JsonNode data) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        data.path("attributes").fields().forEachRemaining(e -> out.put(e.getKey(), texts(e.getValue())));
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            }
        }
        return out;
    }
}
