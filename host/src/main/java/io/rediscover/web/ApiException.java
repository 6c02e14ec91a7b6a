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

    /**
     * @param status  HTTP status
     * @param code    stable machine code
     * @param message what went wrong, safe to show
     * @param field   where, or null
     */
    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
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
        return ApiError.of(code, getMessage(), field);
    }
}
