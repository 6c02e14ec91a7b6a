package io.rediscover.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.rediscover.lifecycle.ServiceUnavailableException;
import io.rediscover.logging.LogIds;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every exception that leaves a resource into the API's JSON error shape. Nothing internal (class names, stack
 * traces, SQL, file paths) reaches the client; unexpected failures are logged once with an incident id the caller can
 * quote.
 */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    static Response respond(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Our own expected failures. */
    public static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            if (BodySizeLimit.TOO_LARGE.equals(e.code())) {
                // The rest of the body was never read: tell the client this connection cannot carry another request.
                return Response.fromResponse(respond(e.status(), e.body())).header("Connection", "close").build();
            }
            return respond(e.status(), e.body());
        }
    }

    /**
     * A dependency is down (the store cannot write): 503 with what to do, and {@code Retry-After}, logged by the owner of
     * the dependency (once), not here for every request.
     */
    public static final class ServiceUnavailableMapper implements ExceptionMapper<ServiceUnavailableException> {
        @Override
        public Response toResponse(ServiceUnavailableException e) {
            return Response.fromResponse(respond(503, ApiError.of(e.code(), e.getMessage(), null)))
                    .header("Retry-After", "30").build();
        }
    }

    /** A field found invalid by a resource, outside JSON reading. */
    public static final class InvalidFieldMapper implements ExceptionMapper<InvalidField> {
        @Override
        public Response toResponse(InvalidField e) {
            return respond(400, e.asApiException("").body());
        }
    }

    /** JAX-RS failures: unknown route (404), wrong method (405), wrong media type (415), ... */
    public static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        private UriInfo uri;
        @Context
        private Request request;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof ParamException p) {
                // JAX-RS answers an unparseable query or path parameter with 404; it is bad input, and says where.
                return respond(400, ApiError.of("invalid_request", "'" + p.getParameterName() + "' has the wrong type",
                        p.getParameterName()));
            }
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return new UnexpectedExceptionMapper().toResponse(e);
            }
            String where = request.getMethod() + " " + uri.getRequestUri().getPath();
            String message = switch (status) {
                case 404 -> "no API route for " + where;
                case 405 -> where + " is not allowed; allowed: " + e.getResponse().getAllowedMethods();
                case 406 -> "this API answers only application/json";
                case 415 -> "send the request body as application/json";
                case 413 -> "the request body is too large";
                default -> e.getResponse().getStatusInfo().getReasonPhrase();
            };
            Response.ResponseBuilder out = Response.fromResponse(e.getResponse()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(ApiError.codeFor(status), message, null));
            return out.build();
        }
    }

    /**
     * Request bodies that are not valid JSON or do not fit the expected shape: 400 naming the field by its JSON path
     * ({@code credentials.clientId}, {@code items[2].name}).
     */
    public static final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof ApiException refused) {
                    // The body stream itself refused to go on (BodySizeLimit, for a chunked body): Jackson wrapped the
                    // refusal with the field it was reading, but the answer is the refusal's own.
                    return new ApiExceptionMapper().toResponse(refused);
                }
            }
            if (e instanceof JsonParseException p) {
                var at = p.getLocation();
                String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                return respond(400, ApiError.of("malformed_json", "the request body is not valid JSON" + where, null));
            }
            if (!(e instanceof JsonMappingException m)) {
                return respond(400, ApiError.of("malformed_json", "the request body could not be read as JSON", null));
            }
            String field = path(m);
            String message;
            if (m instanceof UnrecognizedPropertyException u) {
                field = field.isEmpty() ? u.getPropertyName() : field;
                message = "unknown field '" + u.getPropertyName() + "'";
            } else if (m instanceof InvalidFormatException f) {
                message = "'" + f.getValue() + "' is not a valid " + typeName(f.getTargetType());
            } else if (m instanceof ValueInstantiationException v && v.getCause() instanceof InvalidField f) {
                ApiException e400 = f.asApiException(field);
                return respond(400, e400.body());
            } else if (m instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae) {
                message = iae.getMessage();
            } else if (m instanceof MismatchedInputException mi) {
                message = mi.getTargetType() == null ? "the request body is missing or has the wrong shape"
                        : "expected " + typeName(mi.getTargetType());
            } else {
                message = "the request body has the wrong shape";
            }
            return respond(400, ApiError.of("invalid_field", message, field.isEmpty() ? null : field));
        }

        private static String path(JsonMappingException m) {
            return m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }

        private static String typeName(Class<?> type) {
            if (type == null) {
                return "value";
            }
            if (type.isEnum()) {
                return "value (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
            }
            if (List.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class, Byte.class, byte.class)
                    .contains(type)) {
                return "whole number";
            }
            if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
                return "number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "boolean (true or false)";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "list";
            }
            if (type == String.class) {
                return "string";
            }
            if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
                return "ISO-8601 date/time";
            }
            return "object";
        }
    }

    /** Anything else is our bug: 500 with an incident id (the request's id), logged once with the stack trace. */
    public static final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

        @Context
        private UriInfo uri;
        @Context
        private Request request;

        @Override
        public Response toResponse(Throwable e) {
            // The request's own id: the answer, the access log and every line the request logged share it.
            String incident = LogIds.currentRequest() != null ? LogIds.currentRequest() : LogIds.newRequestId();
            String where = request == null || uri == null ? "" : request.getMethod() + " " + uri.getRequestUri().getPath();
            LOG.error("incident {}: unexpected failure of {}", incident, where, e);
            return respond(500, new ApiError(new ApiError.Detail("internal",
                    "Something went wrong on our side. Quote incident " + incident + " when reporting it.", null, incident)));
        }
    }
}
