package io.rediscover.icims;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.sync.SyncState;

import java.io.IOException;

/**
 * The connector's resume token, as versioned JSON ({@code "v":1}): where a full download stands (stage and the last id
 * done), when it started, the incremental watermark, the Data Stream cursor and the last reconciliation. Epoch
 * milliseconds keep it independent of any date library on the reading side.
 *
 * @param v                  format version
 * @param stage              {@code jobs}, {@code people} while a full download runs; {@code incremental} after it
 * @param lastId             the last id done in the current full-download stage
 * @param fullStartedAt      when the full download started (its end becomes the first watermark)
 * @param watermark          incremental searches start at {@code watermark - overlap} (epoch ms)
 * @param streamKey          the Data Stream's last evaluated key, or null
 * @param lastReconciliation when every id was last enumerated (epoch ms)
 * @param recent             per type (URL segment), ids already read whose update time falls inside the next run's
 *                           overlap window: the safety-net search lists them again, and unless the Data Stream reports
 *                           a change they are not read again (it is a window of minutes, so the lists stay short)
 * @param retry              per type (URL segment), ids that could not be read; the next run reads them again
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IcimsState(int v, String stage, long lastId, long fullStartedAt, long watermark, String streamKey,
                  long lastReconciliation, java.util.Map<String, java.util.List<Long>> recent,
                  java.util.Map<String, java.util.List<Long>> retry) {

    /** Canonical constructor: absent maps (older states) are empty. */
    IcimsState {
        recent = recent == null ? java.util.Map.of() : recent;
        retry = retry == null ? java.util.Map.of() : retry;
    }

    static final int VERSION = 1;
    static final String JOBS = "jobs";
    static final String PEOPLE = "people";
    static final String INCREMENTAL = "incremental";

    private static final ObjectMapper JSON = new ObjectMapper();

    static IcimsState fresh(long now, String streamKey) {
        return new IcimsState(VERSION, JOBS, 0, now, 0, streamKey, now, java.util.Map.of(), java.util.Map.of());
    }

    static IcimsState read(SyncState state) throws ConnectorException {
        try {
            IcimsState s = JSON.readValue(state.value(), IcimsState.class);
            if (s.v() < 1 || s.v() > VERSION) {
                throw new ConnectorException(ErrorKind.INTERNAL, "saved iCIMS state has unknown version " + s.v());
            }
            return s;
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.INTERNAL, "saved iCIMS state does not read: " + e.getMessage(), e);
        }
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

    IcimsState at(String newStage, long newLastId, java.util.Map<String, java.util.List<Long>> newRetry) {
        return new IcimsState(VERSION, newStage, newLastId, fullStartedAt, watermark, streamKey, lastReconciliation, recent,
                newRetry);
    }

    IcimsState incremental(long newWatermark, String newStreamKey, long reconciled,
                           java.util.Map<String, java.util.List<Long>> newRecent,
                           java.util.Map<String, java.util.List<Long>> newRetry) {
        return new IcimsState(VERSION, INCREMENTAL, 0, fullStartedAt, newWatermark, newStreamKey, reconciled, newRecent,
                newRetry);
    }
}
