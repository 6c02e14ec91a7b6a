package io.rediscover.icims.simulator;

/**
 * D11: a cap on in-flight API requests; one more than {@code maxInFlight} at once gets 429 [ASSUME: iCIMS
 * documents no concurrency limit]. 0 = no cap (the default). Also records the peak seen, which tests use
 * to check a client's own concurrency setting.
 */
public final class ConcurrencyGate {
    private int maxInFlight;
    private int inFlight;
    private int peak;

    ConcurrencyGate(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    synchronized boolean tryEnter() {
        if (maxInFlight > 0 && inFlight >= maxInFlight) {
            return false;
        }
        inFlight++;
        peak = Math.max(peak, inFlight);
        return true;
    }

    synchronized void exit() {
        inFlight--;
    }

    public synchronized void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    /** API requests being handled right now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Highest number of API requests in flight at once since start or {@link #resetPeak}. */
    public synchronized int peakInFlight() {
        return peak;
    }

    public synchronized void resetPeak() {
        peak = inFlight;
    }
}
