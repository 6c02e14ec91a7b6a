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
     * @param ok     whether this part works
     * @param detail one line for operators; never secrets
     */
    record Status(boolean ok, String detail) {
    }
}
