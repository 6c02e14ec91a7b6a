package io.rediscover.icims;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.sync.SyncState;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connector's resume token, as versioned JSON. Stored states outlive the code that wrote them, so every older
 * version is read and migrated ({@link #read}); a newer one (a downgrade) is refused.
 *
 * <ul>
 *   <li>v1: one {@code lastId} for the running stage (jobs, then people with their workflows by person-id range).</li>
 *   <li>v2: one cursor per profile type, because workflows are paged by their own id in a stage of their own.</li>
 * </ul>
 * Times are epoch milliseconds, independent of any date library on the reading side.
 *
 * @param v                  format version
 * @param stage              the full download's running stage ({@code jobs}, {@code people}, {@code applicantworkflows},
 *                           in that order), or {@code incremental} after it
 * @param cursors            per type (URL segment), how far the full download has read it
 * @param fullStartedAt      when the full download started (its end becomes the first watermark)
 * @param watermark          incremental searches start at {@code watermark - overlap} (epoch ms)
 * @param streamKey          the Data Stream's last evaluated key, or null
 * @param lastReconciliation when every id was last enumerated (epoch ms)
 * @param recent             per type, ids already read whose update time falls inside the next run's overlap window:
 *                           the safety-net search lists them again, and unless the Data Stream reports a change they are
 *                           not read again (a window of minutes, so the lists stay short)
 * @param retry              per type, ids that could not be read; the next run reads them again
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IcimsState(int v, String stage, Map<String, Cursor> cursors, long fullStartedAt, long watermark, String streamKey,
                  long lastReconciliation, Map<String, List<Long>> recent, Map<String, List<Long>> retry) {

    /**
     * How far the full download has read one type.
     *
     * @param last the last id read
     * @param done how many records were handled up to it
     */
    record Cursor(long last, long done) {
        static final Cursor START = new Cursor(0, 0);
    }

    static final int VERSION = 2;
    static final String INCREMENTAL = "incremental";
    /** The full download's stages, in order. */
    static final List<IcimsType> STAGES = List.of(IcimsType.JOBS, IcimsType.PEOPLE, IcimsType.WORKFLOWS);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Canonical constructor: absent maps are empty. */
    IcimsState {
        cursors = cursors == null ? Map.of() : Map.copyOf(cursors);
        recent = recent == null ? Map.of() : recent;
        retry = retry == null ? Map.of() : retry;
    }

    static IcimsState fresh(long now, String streamKey) {
        return new IcimsState(VERSION, IcimsType.JOBS.segment, Map.of(), now, 0, streamKey, now, Map.of(), Map.of());
    }

    static IcimsState read(SyncState state) throws ConnectorException {
        try {
            JsonNode json = JSON.readTree(state.value());
            int v = json.path("v").asInt(-1);
            if (v < 1 || v > VERSION) {
                throw new ConnectorException(ErrorKind.INTERNAL, "saved iCIMS state has version " + v
                        + ", this connector reads 1 to " + VERSION + " (was it written by a newer version?)");
            }
            return JSON.treeToValue(v == 1 ? fromV1(json) : json, IcimsState.class);
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.INTERNAL, "saved iCIMS state does not read: " + e.getMessage(), e);
        }
    }

    /** v1 kept one {@code lastId} for the running stage; it becomes that stage's cursor (its count unknown: 0). */
    private static JsonNode fromV1(JsonNode v1) {
        ObjectNode v2 = v1.deepCopy();
        String stage = v1.path("stage").asText(IcimsType.JOBS.segment);
        if (!INCREMENTAL.equals(stage)) {
            v2.putObject("cursors").set(stage, JSON.valueToTree(new Cursor(v1.path("lastId").asLong(0), 0)));
        }
        v2.remove("lastId");
        v2.put("v", VERSION);
        return v2;
    }

    SyncState write() {
        try {
            return SyncState.of(JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new IllegalStateException("state does not serialise", e);
        }
    }

    boolean full() {
        return !INCREMENTAL.equals(stage);
    }

    /** @return whether the full download has yet to finish this type (its stage is now or later) */
    boolean pending(IcimsType type) {
        int running = STAGES.stream().map(t -> t.segment).toList().indexOf(stage);
        return running >= 0 && STAGES.indexOf(type) >= running;
    }

    Cursor cursor(IcimsType type) {
        return cursors.getOrDefault(type.segment, Cursor.START);
    }

    /** @return this state with {@code type} read up to {@code cursor}, its stage running */
    IcimsState at(IcimsType type, Cursor cursor, Map<String, List<Long>> newRetry) {
        Map<String, Cursor> next = new HashMap<>(cursors);
        next.put(type.segment, cursor);
        return new IcimsState(VERSION, type.segment, next, fullStartedAt, watermark, streamKey, lastReconciliation,
                recent, newRetry);
    }

    IcimsState incremental(long newWatermark, String newStreamKey, long reconciled, Map<String, List<Long>> newRecent,
                           Map<String, List<Long>> newRetry) {
        return new IcimsState(VERSION, INCREMENTAL, Map.of(), fullStartedAt, newWatermark, newStreamKey, reconciled,
                newRecent, newRetry);
    }
}
