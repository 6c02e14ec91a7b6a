package io.rediscover.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error the API answers: {@code {"error":{"code","message","field"?,"column"?,"incident"?}}}.
 *
 * @param error the error
 */
public record ApiError(Detail error) {

    /**
     * @param code     stable machine code, e.g. {@code not_found}, {@code invalid_field}
     * @param message  what went wrong, for people
     * @param field    where: a JSON path in the request body ({@code credentials.clientId}), a query parameter, or a
     *                 query position; absent when not about one place
     * @param incident for 500s: the id under which the server logged the failure
     * @param column   for a query that does not parse: the 1-based position (in characters) where it goes wrong
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String field, String incident, Integer column) {
        /** @param code code @param message message @param field field @param incident incident */
        public Detail(String code, String message, String field, String incident) {
            this(code, message, field, incident, null);
        }
    }

    /**
     * @param status an HTTP error status
     * @return the machine code the API uses for it when nothing more specific is known
     */
    static String codeFor(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal" : "invalid_request";
        };
    }

    /**
     * @param code    machine code
     * @param message human message
     * @param field   where, or null
     * @return the body
     */
    public static ApiError of(String code, String message, String field) {
        return new ApiError(new Detail(code, message, field, null));
    }
}
