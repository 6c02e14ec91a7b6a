package io.rediscover.pluginapi;

/**
 * Who is at fault for a {@link ConnectorException}, which decides what the host does next.
 */
public enum ErrorKind {
    /**
     * The connection's configuration is wrong (bad credentials, missing permission, unknown stream). Retrying does
     * not help: the host stops the schedule and marks the connection "needs attention" with the message.
     */
    CONFIG,
    /** A passing fault (timeout, 5xx, truncated response). The host retries the run later from the last checkpoint. */
    TRANSIENT,
    /**
     * The ATS asked us to slow down or a quota is exhausted. The host retries later, not before
     * {@link ConnectorException#retryAfter()} when given.
     */
    RATE_LIMITED,
    /** One record could not be read or mapped. The host records the record and the reason and carries on. */
    ATS_DATA,
    /** A bug in the plugin. The host fails the run and logs it with the stack trace. */
    INTERNAL
}
