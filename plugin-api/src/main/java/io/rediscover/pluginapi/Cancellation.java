package io.rediscover.pluginapi;

/**
 * The host's stop signal for a running call (a user pressed stop, the connection was removed, the host is shutting
 * down). Poll it between requests and return promptly once it is requested; never start work after that.
 */
public interface Cancellation {

    /** @return whether the host asked the call to stop */
    boolean isRequested();

    /**
     * Throws when a stop was requested; convenient between pages.
     *
     * @throws ConnectorException of kind {@link ErrorKind#TRANSIENT} saying the run was stopped; the host
     *                            recognises it and does not count it as a failure
     */
    default void throwIfRequested() throws ConnectorException {
        if (isRequested()) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "stopped on request");
        }
    }

    /** @return a cancellation that is never requested, for tools and tests */
    static Cancellation never() {
        return () -> false;
    }
}
