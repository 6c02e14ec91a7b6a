package io.rediscover.sync;

import io.rediscover.pluginapi.ErrorKind;

import java.time.Instant;
import java.util.Map;

/**
 * One sync run of one connection, as the run history keeps it: written when the run starts, at every checkpoint (so
 * a crash leaves a record of how far it came) and when it ends.
 *
 * @param runId        the run's id, increasing per connection
 * @param org          the org
 * @param connectionId the connection
 * @param mode         full download or changes only
 * @param startedAt    start
 * @param endedAt      end, or null while running
 * @param result       how it ended
 * @param progress     how far it came
 * @param counts       what it changed in the mirror
 * @param requests     requests made to the ATS, by endpoint
 * @param error        why it failed, or null
 */
public record SyncRun(String runId, String org, String connectionId, Mode mode, Instant startedAt, Instant endedAt,
                      Result result, Progress progress, Counts counts, Map<String, Long> requests, RunError error) {

    /** Canonical constructor: copies the request counts. */
    public SyncRun {
        requests = requests == null ? Map.of() : Map.copyOf(requests);
    }

    /** Full download (no saved state) or incremental (from the saved state). */
    public enum Mode { FULL, INCREMENTAL }

    /** How a run ended. */
    public enum Result {
        /** Still going. */
        RUNNING,
        /** Read everything up to now. */
        SUCCEEDED,
        /** Stopped by an error; see {@link SyncRun#error()}. */
        FAILED,
        /** Stopped on request. */
        CANCELLED,
        /** The host stopped or crashed during the run; the next run resumes from its last checkpoint. */
        INTERRUPTED,
        /**
         * Stopped for the day at its last checkpoint: the connection's daily request budget, or the ATS's own quota, is
         * spent. The next run goes on from there after the reset ({@link RunError#retryAfterSeconds()} from the end).
         */
        BUDGET_SPENT
    }

    /**
     * @param phase            what the plugin reads now
     * @param done             records of the phase handled
     * @param estimatedTotal   the plugin's estimate, or -1
     * @param ratePerSecond    records per second over the run
     * @param eta              estimated end of the phase, or null when unknown
     * @param lastCheckpointAt when the last checkpoint was committed, or null
     * @param requestsLeft     the plugin's estimate of the requests that count against the ATS's quota still needed to
     *                         finish what is left (a first download: all of it), or null when unknown
     */
    public record Progress(String phase, long done, long estimatedTotal, double ratePerSecond, Instant eta,
                           Instant lastCheckpointAt, Long requestsLeft) {
        /** @return nothing done yet */
        public static Progress starting() {
            return new Progress("starting", 0, -1, 0, null, null, null);
        }

        /** @return this progress as of a checkpoint committed at {@code at} */
        Progress checkpointedAt(Instant at) {
            return new Progress(phase, done, estimatedTotal, ratePerSecond, eta, at, requestsLeft);
        }
    }

    /**
     * @param added      new records
     * @param updated    changed records
     * @param unchanged  stale or repeated versions ignored
     * @param deleted    records the ATS deleted
     * @param accessLost records no longer visible to the integration user
     * @param failed     records that could not be read (listed in the run's failures)
     */
    public record Counts(long added, long updated, long unchanged, long deleted, long accessLost, long failed) {
        /** @return all zero */
        public static Counts zero() {
            return new Counts(0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * @param kind              who was at fault
     * @param message           what happened, for admins (never secrets)
     * @param retryAfterSeconds when the ATS asked us to wait (rate limits), or null
     */
    public record RunError(ErrorKind kind, String message, Long retryAfterSeconds) {
        /** @param kind who was at fault @param message what happened */
        public RunError(ErrorKind kind, String message) {
            this(kind, message, null);
        }
    }

    SyncRun withProgress(Progress p) {
        return new SyncRun(runId, org, connectionId, mode, startedAt, endedAt, result, p, counts, requests, error);
    }

    SyncRun withCounts(Counts c, Map<String, Long> r) {
        return new SyncRun(runId, org, connectionId, mode, startedAt, endedAt, result, progress, c, r, error);
    }

    SyncRun ended(Result r, Instant at, RunError e) {
        return new SyncRun(runId, org, connectionId, mode, startedAt, at, r, progress, counts, requests, e);
    }
}
