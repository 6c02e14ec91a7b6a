package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.pluginapi.BudgetExhaustedException;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One request on the wire, counted, and what came back: a reply with its status, or what went wrong on the way
 * (timeout, broken connection, truncated or invalid JSON). It never retries; {@link IcimsHttp} and
 * {@link TokenSource} decide what to do with the outcome. A request the host refused because the day's budget is
 * spent never left: that ends the run ({@link ConnectorException#quotaExhausted}), it is not a failure to retry.
 */
final class Exchange {

    /** How to treat a body: JSON that must parse, or raw bytes (resumes). */
    enum Body { JSON, BYTES }

    /**
     * A response: its status, content type, bytes, parsed JSON (when JSON) and {@code Retry-After} (when given).
     * iCIMS reports errors as {@code {"errors":[{"errorMessage","errorCode"}]}} (§5.2).
     */
    record Reply(int status, String contentType, byte[] body, JsonNode json, Duration retryAfter) {
        int errorCode() {
            JsonNode code = json == null ? null : json.path("errors").path(0).path("errorCode");
            return code == null || code.isMissingNode() ? -1 : code.asInt(-1);
        }

        String errorMessage() {
            JsonNode m = json == null ? null : json.path("errors").path(0).path("errorMessage");
            return m == null || m.isMissingNode() ? "HTTP " + status : m.asText();
        }

        boolean ok() {
            return status / 100 == 2;
        }

        /** A passing refusal or fault worth retrying: 429 and 5xx (505 excepted: the HTTP version is ours to fix). */
        boolean retryable() {
            return status == 429 || (status >= 500 && status != 505);
        }
    }

    /** A reply, or the problem that prevented one. */
    record Outcome(Reply reply, String problem) {
    }

    private final ConnectorContext context;
    private final RequestCounter counter;
    private final Backoff backoff;
    private final ObjectMapper json = new ObjectMapper();

    Exchange(ConnectorContext context, RequestCounter counter, Backoff backoff) {
        this.context = context;
        this.counter = counter;
        this.backoff = backoff;
    }

    ObjectMapper json() {
        return json;
    }

    /** Sends, counting what counts against iCIMS's quota once the host let it leave. */
    private HttpResponse<byte[]> sent(HttpRequest request) throws IOException, InterruptedException {
        HttpClient http = context.http();
        boolean counts = IcimsDescriptor.QUOTA.counts(request);
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (counts) {
                counter.countQuota();
            }
            return response;
        } catch (BudgetExhaustedException refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            if (counts) {
                counter.countQuota(); // it left: the host counted it
            }
            throw e;
        }
    }

    RequestCounter counter() {
        return counter;
    }

    Outcome send(String endpoint, HttpRequest request, Body body) throws ConnectorException {
        counter.count(endpoint);
        HttpResponse<byte[]> response;
        try {
            response = sent(request);
        } catch (BudgetExhaustedException e) {
            // The host refused it before it left: the day's budget is spent. Not a fault to retry.
            throw e.toConnectorException();
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out after " + request.timeout().map(Duration::toSeconds).orElse(0L) + " s");
        } catch (IOException e) {
            return new Outcome(null, "connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorKind.TRANSIENT, "stopped on request");
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        Duration retryAfter = backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null));
        if (status == 429 || status >= 500) {
            return new Outcome(new Reply(status, type, response.body(), null, retryAfter), null);
        }
        JsonNode parsed = null;
        boolean wantsJson = body == Body.JSON || status >= 400 || type.contains("json");
        if (wantsJson && response.body().length > 0) {
            try {
                parsed = json.readTree(response.body());
            } catch (IOException e) {
                // Truncated or broken JSON is a transport fault: never treat it as an empty result.
                return new Outcome(null, "invalid or truncated JSON from " + endpoint);
            }
        }
        if (body == Body.JSON && status / 100 == 2 && (parsed == null || !parsed.isObject())) {
            return new Outcome(null, "empty or non-object JSON from " + endpoint);
        }
        return new Outcome(new Reply(status, type, response.body(), parsed, retryAfter), null);
    }
}
