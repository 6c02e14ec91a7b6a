package io.rediscover.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.Location;
import io.rediscover.pluginapi.record.WorkHistory;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncSink;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Translates one candidate of the ATS into the contract's record and emits it: a change, a deletion, or a failure
 * with its reason (the host lists it in the run's failures and the run goes on; nothing is dropped silently).
 */
final class TemplateMapper {

    private TemplateMapper() {
    }

    static void emit(JsonNode c, SyncSink sink) {
        String id = text(c, "id");
        if (id == null) {
            sink.failed(RecordKind.CANDIDATE, "(no id)", "a candidate without an id: " + abbreviate(c.toString()));
            return;
        }
        if (c.path("deleted").asBoolean(false)) {
            sink.deleted(RecordKind.CANDIDATE, id);
            return;
        }
        try {
            sink.candidate(candidate(id, c));
        } catch (BadRecord e) {
            sink.failed(RecordKind.CANDIDATE, id, e.getMessage());
        }
    }

    private static AtsCandidate candidate(String id, JsonNode c) throws BadRecord {
        AtsCandidate.Builder b = AtsCandidate.builder(id, instant(c, "updatedAt"))
                .name(text(c, "firstName"), null, text(c, "lastName"))
                .email(text(c, "email"))
                .phone(text(c, "phone"))
                .link(text(c, "profileUrl"))
                // Attributes: only keys the descriptor declares (the contract test checks it).
                .attribute(TemplateDescriptor.STATUS, text(c, "status"))
                .attribute(TemplateDescriptor.EMAIL, text(c, "email"))
                .attribute(TemplateDescriptor.PHONE, text(c, "phone"));
        if (text(c, "title") != null || text(c, "company") != null) {
            b.work(new WorkHistory(text(c, "company"), text(c, "title"), null, null, true));
        }
        if (text(c, "city") != null || text(c, "country") != null) {
            b.location(new Location(text(c, "city"), null, null, text(c, "country")));
        }
        JsonNode skills = c.path("skills");
        if (!skills.isMissingNode() && !skills.isNull()) {
            if (!skills.isArray()) {
                throw new BadRecord("skills is not a list: " + abbreviate(skills.toString()));
            }
            skills.forEach(s -> b.skill(s.asText()));
        }
        return b.build();
    }

    private static Instant instant(JsonNode c, String field) throws BadRecord {
        String v = text(c, field);
        if (v == null) {
            throw new BadRecord(field + " is missing");
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRecord(field + " is not an ISO-8601 instant: " + abbreviate(v));
        }
    }

    /** @return the field's text, or null when absent, null or blank (the host then keeps what it holds) */
    private static String text(JsonNode c, String field) {
        JsonNode v = c.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /** One record that cannot be mapped; the others still can. */
    private static final class BadRecord extends Exception {
        private static final long serialVersionUID = 1L;

        BadRecord(String message) {
            super(message, null, false, false);
        }
    }
}
