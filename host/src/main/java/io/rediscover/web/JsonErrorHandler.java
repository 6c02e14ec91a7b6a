package io.rediscover.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Jetty's error pages, as JSON in the API's error shape: a request Jersey never sees (an unknown static path, a
 * malformed request line, an oversized header) gets the same kind of answer as one it does.
 */
public final class JsonErrorHandler extends org.eclipse.jetty.ee11.servlet.ErrorHandler {

    private final ObjectMapper json;

    /** @param json the host's mapper */
    public JsonErrorHandler(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) {
        String code_ = switch (code) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413, 431 -> "payload_too_large";
            default -> code >= 500 ? "internal" : "invalid_request";
        };
        String text = code == 404 ? "nothing at " + request.getHttpURI().getPath()
                : code >= 500 ? "Something went wrong on our side." : HttpStatus.getMessage(code);
        byte[] body;
        try {
            body = json.writeValueAsBytes(ApiError.of(code_, text, null));
        } catch (JsonProcessingException e) {
            body = "{\"error\":{\"code\":\"internal\",\"message\":\"error\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
