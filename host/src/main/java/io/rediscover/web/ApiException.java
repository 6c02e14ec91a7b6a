package io.rediscover.web;

/**
 * An expected failure of an API call, answered with its status and an {@link ApiError} body. Throw it from resources
 * and services; {@link ErrorMappers} turns it into the response. The message must be safe to show to the caller.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;
    private final Integer column;

    /**
     * @param status  HTTP status
     * @param code    stable machine code
     * @param message what went wrong, safe to show
     * @param field   where, or null
     */
    public ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, null);
    }

    private ApiException(int status, String code, String message, String field, Integer column) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.column = column;
    }

    /**
     * @param field   the request field holding the text, e.g. {@code query}
     * @param message what is wrong
     * @param column  the 1-based position in the text where it goes wrong
     * @return a 400 naming the field and the column
     */
    public static ApiException badQuery(String field, String message, int column) {
        return new ApiException(400, "invalid_query", message, field, column);
    }

    /**
     * @param field where
     * @param message what
     * @return a 400 naming the field
     */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid_request", message, field);
    }

    /**
     * @param what the thing not found, e.g. "connection 42"
     * @return a 404
     */
    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " was not found", null);
    }

    /**
     * @param message why, and what to do
     * @return a 403
     */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    /**
     * @param message what conflicts
     * @return a 409
     */
    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, null);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the machine code */
    public String code() {
        return code;
    }

    /** @return the field, or null */
    public String field() {
        return field;
    }

    /** @return the response body */
    public ApiError body() {
        return new ApiError(new ApiError.Detail(code, getMessage(), field, null, column));
    }
}
