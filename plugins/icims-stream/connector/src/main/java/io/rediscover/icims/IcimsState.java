package io.rediscover.icims;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.sync.SyncState;

import java.io.IOException;
import java.util.ArrayList;
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
 *   <li>v3: the first download reads people newest first, in windows of {@code updateddate} ({@link Download}), with
 *       their workflows and jobs; change scans (the incremental runs, and the daily catch-up during a download) can
 *       stop at the budget and resume ({@link Scan}); reconciliation is tracked per type. A v1 or v2 download in
 *       progress continues as a v3 download: what it read is in the host's mirror, and the download skips what the
 *       host holds.</li>
 * </ul>
 * Times are epoch milliseconds, independent of any date library on the reading side.
 *
 * @param v             format version
 * @param stage         {@code download} during the first download, {@code incremental} after it
 * @param fullStartedAt when the first download started: its windows are measured back from here
 * @param download      how far the first download has come; null after it
 * @param watermark     change scans search {@code updateddate >= watermark - overlap} (epoch ms)
 * @param streamKey     the Data Stream's last evaluated key, or null
 * @param scan          a change scan that stopped part-way (the budget ran out), or null
 * @param reconciled    per type (URL segment), when every id was last enumerated (epoch ms)
 * @param sizes         per type, how many ids the last enumeration listed (what a reconciliation will cost)
 * @param recent        per type, ids already read whose update time falls inside the next scan's overlap window:
 *                      the search lists them again, and unless the Data Stream reports a change they are not read
 *                      again (a window of minutes, so the lists stay short)
 * @param retry         per type, ids that could not be read; the next scan reads them again
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IcimsState(int v, String stage, long fullStartedAt, Download download, long watermark, String streamKey,
                  Scan scan, Map<String, Long> reconciled, Map<String, Long> sizes, Map<String, List<Long>> recent,
                  Map<String, List<Long>> retry) {

    /** The steps of the first download, in order. */
    enum Step {
        /** People, newest window of {@code updateddate} first, each with their workflows and jobs. */
        WINDOWS,
        /** Every id of every type, reading what the windows did not bring (jobs no workflow names, for one). */
        REST,
        /** The resumes deferred while the budget was tight. */
        RESUMES
    }

    /**
     * How far the first download has come.
     *
     * @param step      the running step
     * @param window    {@link Step#WINDOWS}: the index of the window being read ({@link Windows})
     * @param type      {@link Step#REST}: the URL segment of the type being enumerated
     * @param range     {@link Step#RESUMES}: the index of the deferred range being read
     * @param cursor    the last id handled in the running window, type or range
     * @param estimate  people in iCIMS when the download began (estimated), or -1 before the estimate
     * @param done      people handled by the windows so far
     * @param spent     requests counted against the quota by the download so far
     * @param deferred  id ranges of windows whose people's resumes were deferred, as {@code [window, first, last]}
     * @param deferredCount how many resumes were deferred
     * @param resumesRead   how many deferred people the resume step has handled
     * @param listed    {@link Step#REST}: ids listed per type (becomes {@link #sizes})
     * @param mostWorkflows the most workflows one person had (read), for planning what a person may cost at worst
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Download(Step step, int window, String type, int range, long cursor, long estimate, long done, long spent,
                    List<List<Long>> deferred, long deferredCount, long resumesRead, Map<String, Long> listed,
                    int mostWorkflows) {

        Download {
            step = step == null ? Step.WINDOWS : step;
            deferred = deferred == null ? List.of() : List.copyOf(deferred);
            listed = listed == null ? Map.of() : Map.copyOf(listed);
        }

        static Download start() {
            return new Download(Step.WINDOWS, 0, null, 0, 0, -1, 0, 0, List.of(), 0, 0, Map.of(), 0);
        }

        Download estimated(long people) {
            return new Download(step, window, type, range, cursor, people, done, spent, deferred, deferredCount,
                    resumesRead, listed, mostWorkflows);
        }

        /** @return at {@code cursor} in the running window, with {@code handled} more people done */
        Download windowAt(int w, long at, long handled, long spentNow) {
            return new Download(Step.WINDOWS, w, null, 0, at, estimate, done + handled, spentNow, deferred,
                    deferredCount, resumesRead, listed, mostWorkflows);
        }

        /** @return with the most workflows one person has had */
        Download busiest(int workflows) {
            return new Download(step, window, type, range, cursor, estimate, done, spent, deferred, deferredCount,
                    resumesRead, listed, Math.max(mostWorkflows, workflows));
        }

        /** @return with the resumes of window {@code w}'s ids {@code first..last} deferred ({@code count} people) */
        Download deferring(int w, long first, long last, long count) {
            if (count == 0) {
                return this;
            }
            List<List<Long>> ranges = new ArrayList<>(deferred);
            List<Long> tail = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (tail != null && tail.get(0) == w && tail.get(2) < first) {
                ranges.set(ranges.size() - 1, List.of((long) w, tail.get(1), last)); // one range per stretch of a window
            } else {
                ranges.add(List.of((long) w, first, last));
            }
            return new Download(step, window, type, range, cursor, estimate, done, spent, ranges,
                    deferredCount + count, resumesRead, listed, mostWorkflows);
        }

        Download restAt(IcimsType t, long at, long listedMore, long spentNow) {
            Map<String, Long> l = new HashMap<>(listed);
            l.merge(t.segment, listedMore, Long::sum);
            return new Download(Step.REST, window, t.segment, 0, at, estimate, done, spentNow, deferred, deferredCount,
                    resumesRead, l, mostWorkflows);
        }

        Download resumesAt(int r, long at, long handled, long spentNow) {
            return new Download(Step.RESUMES, window, null, r, at, estimate, done, spentNow, deferred, deferredCount,
                    resumesRead + handled, listed, mostWorkflows);
        }
    }

    /**
     * A change scan that stopped part-way: the records of the types before {@code type}, and of {@code type} up to
     * {@code lastId}, that its search listed are read.
     *
     * @param until  the scan's upper bound (exclusive, epoch ms): what changed after it is the next scan's
     * @param type   the URL segment of the type being read
     * @param lastId the last id read of that type
     */
    record Scan(long until, String type, long lastId) {
    }

    static final int VERSION = 3;
    static final String DOWNLOAD = "download";
    static final String INCREMENTAL = "incremental";
    /** The order in which change scans and reconciliations go through the types: jobs first, for applications. */
    static final List<IcimsType> TYPES = List.of(IcimsType.JOBS, IcimsType.PEOPLE, IcimsType.WORKFLOWS);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Canonical constructor: absent maps are empty. */
    IcimsState {
        reconciled = reconciled == null ? Map.of() : Map.copyOf(reconciled);
        sizes = sizes == null ? Map.of() : Map.copyOf(sizes);
        recent = recent == null ? Map.of() : recent;
        retry = retry == null ? Map.of() : retry;
    }

    /** @return the state of a first download starting now: its catch-ups begin at {@code now} */
    static IcimsState fresh(long now, String streamKey) {
        return new IcimsState(VERSION, DOWNLOAD, now, Download.start(), now, streamKey, null, everyType(now), Map.of(),
                Map.of(), Map.of());
    }

    private static Map<String, Long> everyType(long at) {
        Map<String, Long> m = new HashMap<>();
        TYPES.forEach(t -> m.put(t.segment, at));
        return m;
    }

    static IcimsState read(SyncState state) throws ConnectorException {
        try {
            JsonNode json = JSON.readTree(state.value());
            int v = json.path("v").asInt(-1);
            if (v < 1 || v > VERSION) {
                throw new ConnectorException(ErrorKind.INTERNAL, "saved iCIMS state has version " + v
                        + ", this connector reads 1 to " + VERSION + " (was it written by a newer version?)");
            }
            return JSON.treeToValue(v < VERSION ? fromV2(v == 1 ? fromV1(json) : json) : json, IcimsState.class);
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.INTERNAL, "saved iCIMS state does not read: " + e.getMessage(), e);
        }
    }

    /** v1 kept one {@code lastId} for the running stage; in v2 terms that is the stage's cursor. */
    private static JsonNode fromV1(JsonNode v1) {
        ObjectNode v2 = v1.deepCopy();
        v2.remove("lastId");
        v2.put("v", 2);
        return v2;
    }

    /**
     * v2 read jobs, people and workflows by id, type after type, then changes. A v2 download in progress goes on as a v3
     * download from its first window: the records v2 read are in the host's mirror and are skipped. Its watermark was
     * not used during the download; the catch-ups start where it started.
     */
    private static JsonNode fromV2(JsonNode v2) {
        ObjectNode v3 = v2.deepCopy();
        boolean downloading = !INCREMENTAL.equals(v2.path("stage").asText());
        long started = v2.path("fullStartedAt").asLong();
        v3.remove(List.of("cursors", "lastReconciliation"));
        v3.put("v", VERSION);
        v3.put("stage", downloading ? DOWNLOAD : INCREMENTAL);
        v3.set("reconciled", JSON.valueToTree(everyType(v2.path("lastReconciliation").asLong(started))));
        if (downloading) {
            v3.set("download", JSON.valueToTree(Download.start()));
            v3.put("watermark", started);
        }
        return v3;
    }

    SyncState write() {
        try {
            return SyncState.of(JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new IllegalStateException("state does not serialise", e);
        }
    }

    boolean downloading() {
        return DOWNLOAD.equals(stage);
    }

    IcimsState with(Download d) {
        return new IcimsState(VERSION, stage, fullStartedAt, d, watermark, streamKey, scan, reconciled, sizes, recent,
                retry);
    }

    /** @return this state with a change scan stopped at {@code at}, reads of failed ids kept for the next one */
    IcimsState scanning(Scan at, Map<String, List<Long>> newRetry) {
        return new IcimsState(VERSION, stage, fullStartedAt, download, watermark, streamKey, at, reconciled, sizes, recent,
                newRetry);
    }

    /** @return this state after a change scan up to {@code until}: the next one starts there */
    IcimsState scanned(long until, String newStreamKey, Map<String, List<Long>> newRecent, Map<String, List<Long>> newRetry) {
        return new IcimsState(VERSION, stage, fullStartedAt, download, until, newStreamKey, null, reconciled, sizes,
                newRecent, newRetry);
    }

    /** @return this state with ids read since the last scan whose update falls in the next scan's overlap */
    IcimsState recentlyRead(Map<String, List<Long>> newRecent, Map<String, List<Long>> newRetry) {
        return new IcimsState(VERSION, stage, fullStartedAt, download, watermark, streamKey, scan, reconciled, sizes,
                newRecent, newRetry);
    }

    IcimsState reconciledAt(IcimsType type, long at, long listed) {
        Map<String, Long> r = new HashMap<>(reconciled);
        r.put(type.segment, at);
        Map<String, Long> s = new HashMap<>(sizes);
        s.put(type.segment, listed);
        return new IcimsState(VERSION, stage, fullStartedAt, download, watermark, streamKey, scan, r, s, recent, retry);
    }

    /** @return the state after the first download: changes only from now on */
    IcimsState downloaded() {
        return new IcimsState(VERSION, INCREMENTAL, fullStartedAt, null, watermark, streamKey, scan, reconciled,
                download.listed(), recent, retry);
    }

    long reconciled(IcimsType type) {
        return reconciled.getOrDefault(type.segment, fullStartedAt);
    }
}
