package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsDocument;
import io.rediscover.pluginapi.record.AtsJob;
import io.rediscover.pluginapi.record.Education;
import io.rediscover.pluginapi.record.Location;
import io.rediscover.pluginapi.record.WorkHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.rediscover.icims.IcimsAssumptions.*;

/**
 * iCIMS JSON to plain records. Values follow iCIMS's shapes (§3.1): strings, {@code yyyy-MM-dd hh:mm a} UTC datetimes,
 * list objects {@code {id, value, formattedvalue}}, links {@code {id, value, profile}}, collections as arrays of
 * groups. A field iCIMS left out stays null or empty, so the host keeps what it has.
 */
final class IcimsMapper {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a", Locale.US);

    private final List<String> linkedinFieldIds;

    IcimsMapper(List<String> linkedinFieldIds) {
        this.linkedinFieldIds = linkedinFieldIds;
    }

    /** Job facts an application shows: its title and recruiter. */
    record JobInfo(String title, String recruiter) {
    }

    static Optional<Instant> instant(JsonNode node) {
        String s = text(node);
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(s, DATETIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** The text of a value: a string, or a list / link object's {@code value}. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return text(node.get("value"));
        }
        String s = node.asText();
        return s.isBlank() ? null : s.strip();
    }

    static String linkId(JsonNode node) {
        return node == null || !node.isObject() || node.get("id") == null ? null : node.get("id").asText();
    }

    /** Whether iCIMS merged this person into another (§6): renamed "Merged with …" or moved to the Purge folder. */
    static boolean mergedAway(JsonNode person) {
        String first = text(person.get(FIRST_NAME));
        String last = text(person.get(LAST_NAME));
        return PURGE_FOLDER.equalsIgnoreCase(text(person.get(FOLDER)))
                || (first != null && first.startsWith(MERGED_PREFIX)) || (last != null && last.startsWith(MERGED_PREFIX));
    }

    /** @return the survivor's id when the name says "Merged with <id> - <date>" */
    static Optional<Long> mergedInto(JsonNode person) {
        for (String field : List.of(FIRST_NAME, LAST_NAME)) {
            String s = text(person.get(field));
            if (s != null && s.startsWith(MERGED_PREFIX)) {
                String rest = s.substring(MERGED_PREFIX.length()).split("\\s")[0];
                try {
                    return Optional.of(Long.parseLong(rest));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    AtsCandidate candidate(long id, JsonNode p, AtsDocument resume, Instant fallbackUpdated) {
        AtsCandidate.Builder b = AtsCandidate.builder(Long.toString(id), instant(p.get(UPDATED)).orElse(fallbackUpdated))
                .name(text(p.get(FIRST_NAME)), text(p.get(MIDDLE_NAME)), text(p.get(LAST_NAME)))
                .email(text(p.get(EMAIL)));
        for (JsonNode phone : p.path(PHONES)) {
            b.phone(text(phone.get(PHONE_NUMBER)));
            b.attribute(IcimsDescriptor.PHONE, text(phone.get(PHONE_NUMBER)));
        }
        JsonNode address = p.path(ADDRESSES).path(0);
        if (address.isObject()) {
            Location l = new Location(text(address.get(CITY)), text(address.get(STATE)), text(address.get(ZIP)),
                    text(address.get(COUNTRY)));
            if (!l.isEmpty()) {
                b.location(l);
            }
        }
        for (JsonNode w : p.path(WORK)) {
            b.work(new WorkHistory(text(w.get(WORK_EMPLOYER)), text(w.get(WORK_TITLE)), text(w.get(WORK_START)),
                    text(w.get(WORK_END)), "yes".equalsIgnoreCase(text(w.get(WORK_CURRENT)))));
        }
        for (JsonNode e : p.path(EDUCATION)) {
            b.education(new Education(text(e.get(SCHOOL)), text(e.get(DEGREE)), text(e.get(MAJOR)),
                    text(e.get(EDUCATION_START)), text(e.get(GRADUATION))));
        }
        for (String field : linkedinFieldIds) {
            ProfileLinks.find(text(p.get(field))).forEach(b::link);
        }
        everyString(p, s -> ProfileLinks.find(s).forEach(b::link));
        b.resume(resume)
                .attribute(IcimsDescriptor.EMAIL, text(p.get(EMAIL)))
                .attribute(IcimsDescriptor.CANDIDATE_ID, Long.toString(id));
        AtsCandidate built = b.build();
        if (!built.displayName().isEmpty()) {
            b.attribute(IcimsDescriptor.CANDIDATE_NAME, built.displayName());
            built = b.build();
        }
        return built;
    }

    AtsJob job(long id, JsonNode j, Instant fallbackUpdated) {
        Map<String, List<String>> attributes = new HashMap<>();
        return new AtsJob(Long.toString(id), instant(j.get(UPDATED)).orElse(fallbackUpdated), text(j.get(JOB_TITLE)),
                text(j.get(JOB_NUMBER)), text(j.get(FOLDER)), text(j.get(RECRUITER)), text(j.get(HIRING_MANAGER)),
                location(text(j.get(JOB_LOCATION))), attributes);
    }

    static JobInfo jobInfo(JsonNode j) {
        return new JobInfo(text(j.get(JOB_TITLE)), text(j.get(RECRUITER)));
    }

    /** @return the application, or empty when the workflow names no person (it cannot be placed) */
    Optional<AtsApplication> application(long id, JsonNode w, JobInfo job, Instant fallbackUpdated) {
        String personId = linkId(w.get(PERSON_LINK));
        if (personId == null) {
            return Optional.empty();
        }
        Instant updated = instant(w.get(UPDATED)).orElse(fallbackUpdated);
        String jobTitle = Optional.ofNullable(text(w.get(JOB_LINK))).orElse(job == null ? null : job.title());
        String recruiter = job == null ? null : job.recruiter();
        String status = text(w.get(STATUS));
        String stage = text(w.get(BIN));
        String source = Optional.ofNullable(text(w.get(SOURCE))).orElse(text(w.get(SOURCE_NAME)));
        Map<String, List<String>> a = new HashMap<>();
        put(a, IcimsDescriptor.STATUS, status);
        put(a, IcimsDescriptor.JOB, jobTitle);
        put(a, IcimsDescriptor.SOURCE, source);
        put(a, IcimsDescriptor.RECRUITER, recruiter);
        put(a, IcimsDescriptor.STAGE, stage);
        put(a, IcimsDescriptor.LAST_UPDATED, updated.toString());
        put(a, IcimsDescriptor.WORKFLOW_ID, Long.toString(id));
        put(a, IcimsDescriptor.WORKFLOW_SOURCE, source);
        put(a, IcimsDescriptor.WORKFLOW_STATUS, status);
        put(a, IcimsDescriptor.WORKFLOW_RECRUITER, recruiter);
        put(a, IcimsDescriptor.WORKFLOW_LAST_UPDATED, updated.toString());
        return Optional.of(new AtsApplication(Long.toString(id), personId, linkId(w.get(JOB_LINK)), jobTitle, status, stage,
                source, recruiter, updated, a));
    }

    private static void put(Map<String, List<String>> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, List.of(value));
        }
    }

    private static Location location(String display) {
        if (display == null) {
            return null;
        }
        String[] parts = display.split(",\\s*");
        return switch (parts.length) {
            case 1 -> new Location(parts[0], null, null, null);
            case 2 -> new Location(parts[0], null, null, parts[1]);
            default -> new Location(parts[0], parts[1], null, parts[parts.length - 1]);
        };
    }

    private static void everyString(JsonNode node, java.util.function.Consumer<String> each) {
        if (node.isTextual()) {
            each.accept(node.asText());
        } else if (node.isContainerNode()) {
            Iterator<JsonNode> it = node.elements();
            while (it.hasNext()) {
                everyString(it.next(), each);
            }
        }
    }
}
