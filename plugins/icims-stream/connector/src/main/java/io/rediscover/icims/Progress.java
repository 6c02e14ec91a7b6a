package io.rediscover.icims;

import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncSink;

/**
 * How far a run has come, as reported to the host: the phase, records handled in it, the estimated total (refined as
 * pages arrive) and the requests made so far. The host computes rate and ETA from it.
 */
final class Progress {

    private final RequestCounter requests;
    private String phase = "starting";
    private long done;
    private long estimate = -1;

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
            p = new SyncProgress(phase, done, estimate < 0 ? -1 : Math.max(estimate, done), requests.snapshot());
        }
        sink.progress(p);
    }
}
