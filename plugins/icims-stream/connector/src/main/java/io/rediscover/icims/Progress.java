package io.rediscover.icims;

import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncSink;

/**
 * How far a run has come, as reported to the host: the phase, records handled in it, the estimated total (refined as
 * pages arrive), the requests made so far and, during the first download, the requests it still needs. The host computes
 * rate and ETA from it, and with the daily budget how many days the download will take.
 */
final class Progress {

    private final RequestCounter requests;
    private String phase = "starting";
    private long done;
    private long estimate = -1;
    private long requestsLeft = -1;

    Progress(RequestCounter requests) {
        this.requests = requests;
    }

    /** Starts a phase that has already handled {@code done} records of an estimated {@code estimate} (-1: unknown). */
    synchronized void phase(String name, long alreadyDone, long estimatedTotal) {
        phase = name;
        done = alreadyDone;
        estimate = estimatedTotal;
    }

    synchronized void estimate(long estimatedTotal) {
        estimate = estimatedTotal;
    }

    /** @param requests what finishing the work the state says is left will still cost, or -1 when unknown */
    synchronized void requestsLeft(long requests) {
        requestsLeft = requests;
    }

    synchronized void handled(long records) {
        done += records;
    }

    synchronized long done() {
        return done;
    }

    /** Reports to the host; an estimate the run has already passed (records created meanwhile) shows as done. */
    void report(SyncSink sink) {
        SyncProgress p;
        synchronized (this) {
            p = new SyncProgress(phase, done, estimate < 0 ? -1 : Math.max(estimate, done), requests.snapshot(),
                    requestsLeft);
        }
        sink.progress(p);
    }
}
