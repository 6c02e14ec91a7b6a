package io.rediscover.lifecycle;

/**
 * A dependency of the host is down (the store cannot write, an index cannot be opened): the server stays up, degraded,
 * and every request that needs the dependency answers 503 with {@link #code()} and a message that says what to do.
 * Thrown by the capability that owns the dependency; mapped to the response by the web layer.
 */
public class ServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    the error code of the 503 answer, e.g. {@code storage_unavailable}
     * @param message what is wrong and what to do, for the operator and the caller
     * @param cause   the underlying failure, or null
     */
    public ServiceUnavailableException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return the error code of the 503 answer */
    public String code() {
        return code;
    }
}
