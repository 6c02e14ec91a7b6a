package io.rediscover.pluginapi;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Thrown by the host's HTTP client ({@link ConnectorContext#http()}) instead of sending a request that counts against
 * the ATS's quota when the connection's daily request budget is spent: the request never left. It is an
 * {@link IOException} because that is what {@link java.net.http.HttpClient#send} may throw (and what
 * {@code sendAsync}'s future fails with); catch it <em>before</em> generic I/O failures, which are worth retrying while
 * this one is not: checkpoint what is complete and end the call with {@link #toConnectorException()}, so the host
 * resumes the run from that checkpoint after {@link #resetsAt()}.
 */
public class BudgetExhaustedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Instant resetsAt;
    private final transient Duration retryAfter;

    /**
     * @param message    what was spent, for logs and the org admin
     * @param resetsAt   when the next budget day begins
     * @param retryAfter how long from now that is
     */
    public BudgetExhaustedException(String message, Instant resetsAt, Duration retryAfter) {
        super(message);
        this.resetsAt = Objects.requireNonNull(resetsAt, "resetsAt");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** @return when the next budget day begins */
    public Instant resetsAt() {
        return resetsAt;
    }

    /** @return how long from the refusal until then */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return the signal that ends the call: {@link ConnectorException#quotaExhausted} with the reset time */
    public ConnectorException toConnectorException() {
        return ConnectorException.quotaExhausted(getMessage(), resetsAt, retryAfter);
    }
}
