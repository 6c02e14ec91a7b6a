package io.rediscover.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The mirror's upsert rules for one record, as pure functions over JSON:
 * <ul>
 *   <li>an incoming version older than the stored one is ignored, so replays after a crash and overlapping
 *       incremental windows are harmless;</li>
 *   <li>a field the ATS did not return (null, empty text, empty list or map) never blanks a stored value: ATSs such
 *       as iCIMS omit fields that are empty <em>or hidden</em>, and cannot tell us which.</li>
 * </ul>
 */
public final class RecordMerge {

    private RecordMerge() {
    }

    /**
     * @param storedUpdatedAt   the stored version's time, or null when nothing is stored
     * @param storedDeletedAt   the stored tombstone's time, or null when live
     * @param incomingUpdatedAt the incoming version's time
     * @return whether the incoming version should be applied
     */
    public static boolean isNewer(Instant storedUpdatedAt, Instant storedDeletedAt, Instant incomingUpdatedAt) {
        if (storedDeletedAt != null && !incomingUpdatedAt.isAfter(storedDeletedAt)) {
            return false; // a version from before the deletion must not resurrect the record
        }
        return storedUpdatedAt == null || !incomingUpdatedAt.isBefore(storedUpdatedAt);
    }

    /**
     * Overlays the incoming record on the stored one, field by field, recursively into objects; lists are replaced as
     * a whole when the incoming list is not empty.
     *
     * @param stored   the stored record, or null
     * @param incoming the incoming record
     * @return the merged record (a new object; the inputs are not changed)
     */
    public static ObjectNode merge(ObjectNode stored, ObjectNode incoming) {
        if (stored == null) {
            return incoming.deepCopy();
        }
        ObjectNode out = stored.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = incoming.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode value = f.getValue();
            if (isAbsent(value)) {
                continue;
            }
            JsonNode old = out.get(f.getKey());
            if (value.isObject() && old != null && old.isObject()) {
                out.set(f.getKey(), merge((ObjectNode) old, (ObjectNode) value));
            } else {
                out.set(f.getKey(), value.deepCopy());
            }
        }
        return out;
    }

    /** @param value a JSON value @return whether it means "not returned" */
    static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isTextual() && value.asText().isBlank())
                || (value.isContainerNode() && value.isEmpty());
    }
}
