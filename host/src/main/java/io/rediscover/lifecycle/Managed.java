package io.rediscover.lifecycle;

/**
 * A long-lived service of the host. The {@link Lifecycle} starts every managed service in the order the capability
 * modules were composed and stops them in reverse, so that, for example, the sync scheduler stops before the store
 * closes.
 */
public interface Managed {

    /**
     * Starts the service. Throwing aborts start-up; services started before are stopped again.
     *
     * @throws Exception when the service cannot start
     */
    void start() throws Exception;

    /**
     * Stops the service and releases what it holds. Called once, also after a failed start of a later service.
     *
     * @throws Exception when stopping failed; the lifecycle logs it and goes on stopping the others
     */
    void stop() throws Exception;

    /** @return a short name for logs, e.g. "store" */
    default String name() {
        return getClass().getSimpleName();
    }
}
