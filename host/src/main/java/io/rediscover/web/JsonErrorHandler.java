package io.rediscover.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jetty's own error answers, as JSON in the API's error shape: a request Jersey never sees (an unknown static path, a
 * path with {@code %2F} or {@code %00}, an oversized header, a malformed request line, a method the static files do
 * not take) gets the same kind of answer as one it does, with the security headers. It is Jetty's core error handler,
 * so it also answers requests refused before any servlet context is chosen, and for every method (Jetty writes error
 * bodies only for GET, POST and HEAD unless told otherwise).
 */
public final class JsonErrorHandler extends ErrorHandler {

    private static final int MAX_DETAIL = 200;
    private final ObjectMapper json;

    /** @param json the host's mapper */
    public JsonErrorHandler(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(ApiError.of(ApiError.codeFor(code), messageFor(request, code, message),
                    null));
        } catch (JsonProcessingException e) {
            body = "{\"error\":{\"code\":\"internal\",\"message\":\"error\"}}".getBytes(StandardCharsets.UTF_8);
        }
        SecurityHeaders.addTo(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** The status in words, and Jetty's reason when it says more ("Ambiguous URI path separator"); nothing internal. */
    private static String messageFor(Request request, int status, String jettyMessage) {
        if (status == 404 && request.getHttpURI() != null) {
            return "nothing at " + request.getHttpURI().getPath();
        }
        if (status >= 500 && status != 505) {
            return "Something went wrong on our side.";
        }
        String reason = HttpStatus.getMessage(status);
        if (jettyMessage == null || jettyMessage.isBlank() || jettyMessage.equals(reason)) {
            return reason;
        }
        String detail = jettyMessage.length() > MAX_DETAIL ? jettyMessage.substring(0, MAX_DETAIL) + "…" : jettyMessage;
        return reason + ": " + detail;
    }
}
