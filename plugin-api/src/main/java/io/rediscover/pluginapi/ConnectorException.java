package io.rediscover.pluginapi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure of a connector call, with its {@link ErrorKind} so the host knows whether to retry, stop or carry on.
 *
 * <p>Messages are shown to org admins and written to logs: say what happened and what to do, and never include a
 * secret value or a bearer token.
 */
public class ConnectorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String field;
    private final transient Duration retryAfter;
    private final Instant quotaResetsAt;

    /**
     * @param kind       who is at fault
     * @param field      the credential key at fault ({@link ErrorKind#CONFIG}), or null
     * @param message    what happened and what to do
     * @param retryAfter the earliest sensible retry ({@link ErrorKind#RATE_LIMITED}), or null
     * @param cause      the underlying exception, or null
     */
    public ConnectorException(ErrorKind kind, String field, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
        this.retryAfter = retryAfter;
        this.quotaResetsAt = null;
    }

    private ConnectorException(String message, Instant quotaResetsAt, Duration retryAfter) {
        super(message);
        this.kind = ErrorKind.RATE_LIMITED;
        this.field = null;
        this.retryAfter = retryAfter;
        this.quotaResetsAt = Objects.requireNonNull(quotaResetsAt, "quotaResetsAt");
    }

    /**
     * @param kind    who is at fault
     * @param message what happened and what to do
     */
    public ConnectorException(ErrorKind kind, String message) {
        this(kind, null, message, null, null);
    }

    /**
     * @param kind    who is at fault
     * @param message what happened and what to do
     * @param cause   the underlying exception
     */
    public ConnectorException(ErrorKind kind, String message, Throwable cause) {
        this(kind, null, message, null, cause);
    }

    /**
     * @param field   the credential key at fault, or null
     * @param message what is wrong and what to do
     * @return a {@link ErrorKind#CONFIG} exception
     */
    public static ConnectorException config(String field, String message) {
        return new ConnectorException(ErrorKind.CONFIG, field, message, null, null);
    }

    /**
     * @param message    what happened
     * @param retryAfter the earliest sensible retry, or null when unknown
     * @return a {@link ErrorKind#RATE_LIMITED} exception
     */
    public static ConnectorException rateLimited(String message, Duration retryAfter) {
        return new ConnectorException(ErrorKind.RATE_LIMITED, null, message, retryAfter, null);
    }

    /**
     * A daily request quota is spent: the connection's budget on the host ({@link BudgetExhaustedException}), or the
     * ATS's own quota (for example a 429 whose {@code Retry-After} runs to the ATS's next quota day). The host ends the
     * day for the connection: the run stops as "budget spent", and the next one starts from its last checkpoint once
     * the budget resets, and not before {@code resetsAt}. Checkpoint what is complete before throwing it.
     *
     * @param message    what was spent
     * @param resetsAt   when the quota resets
     * @param retryAfter how long from now that is
     * @return a {@link ErrorKind#RATE_LIMITED} exception that says the quota is spent until {@code resetsAt}
     */
    public static ConnectorException quotaExhausted(String message, Instant resetsAt, Duration retryAfter) {
        return new ConnectorException(message, resetsAt, retryAfter);
    }

    /** @return who is at fault */
    public ErrorKind kind() {
        return kind;
    }

    /** @return the credential key at fault, if any */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** @return the earliest sensible retry, if the ATS said */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return when the spent daily quota resets, if this is {@link #quotaExhausted} */
    public Optional<Instant> quotaResetsAt() {
        return Optional.ofNullable(quotaResetsAt);
    }
}
