package io.rediscover.health;

/**
 * One thing {@code GET /api/health} reports on. Capability modules contribute checks with
 * {@link HealthModule#addCheck}; a check must be cheap (it runs on every health request) and must not throw.
 */
public interface HealthCheck {

    /**
     * @return a short stable name, e.g. {@code store}
     */
    String name();

    /** @return the current state */
    Status check();

    /**
     * @param ok      whether this part works
     * @param detail  one line for operators; never secrets
     * @param warning what will stop working soon unless someone acts (a disk filling up), or null
     */
    record Status(boolean ok, String detail, String warning) {
        /** @param ok whether this part works @param detail one line for operators */
        public Status(boolean ok, String detail) {
            this(ok, detail, null);
        }
    }
}
