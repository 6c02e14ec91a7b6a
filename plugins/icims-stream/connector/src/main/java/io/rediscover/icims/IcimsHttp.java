package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.ErrorKind;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every request to iCIMS goes through here: HTTP/1.1 (iCIMS answers 505 to anything else), a cached OAuth token
 * refreshed once on 401, bounded retries with exponential backoff and jitter for timeouts, 5xx, truncated or invalid
 * bodies, Retry-After honoured on 429, the stop signal honoured while waiting, and every request counted.
 */
final class IcimsHttp {

    /** A response worth handing to the caller: 2xx, or a final 4xx such as 404 with its iCIMS error code. */
    record Reply(int status, String contentType, byte[] body, JsonNode json) {
        int errorCode() {
            JsonNode code = json == null ? null : json.path("errors").path(0).path("errorCode");
            return code == null || code.isMissingNode() ? -1 : code.asInt(-1);
        }

        String errorMessage() {
            JsonNode m = json == null ? null : json.path("errors").path(0).path("errorMessage");
            return m == null || m.isMissingNode() ? "HTTP " + status : m.asText();
        }
    }

    /** The longest Retry-After a request waits out in place; longer ones end the run as RATE_LIMITED. */
    static final Duration MAX_INLINE_WAIT = Duration.ofMinutes(2);

    /** How to treat a body: JSON that must parse, or raw bytes (resumes). */
    enum Body { JSON, BYTES }

    private final ConnectorContext context;
    private final IcimsSettings settings;
    private final Credentials credentials;
    private final RequestCounter counter;
    private final ObjectMapper json = new ObjectMapper();
    private final Object tokenLock = new Object();
    private volatile String token;
    private volatile Instant tokenExpires = Instant.MIN;

    IcimsHttp(ConnectorContext context, IcimsSettings settings, Credentials credentials, RequestCounter counter) {
        this.context = context;
        this.settings = settings;
        this.credentials = credentials;
        this.counter = counter;
    }

    ObjectMapper json() {
        return json;
    }

    RequestCounter counter() {
        return counter;
    }

    /**
     * Sends an authenticated GET (or POST with a JSON body) with the retry policy.
     *
     * @param endpoint name for counting, e.g. {@code search/people}
     * @param uri      the URL
     * @param jsonBody a JSON body to POST, or null for GET
     * @param body     how to read the response
     * @return the final reply (2xx or a 4xx the caller interprets)
     */
    Reply send(String endpoint, URI uri, String jsonBody, Body body) throws ConnectorException {
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            context.cancellation().throwIfRequested();
            String bearer = token();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1)
                    .timeout(settings.requestTimeout()).header("Authorization", "Bearer " + bearer)
                    .header("Accept", body == Body.JSON ? "application/json" : "*/*");
            if (jsonBody != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
            } else {
                request.GET();
            }
            Outcome outcome = exchange(endpoint, request.build(), body);
            if (outcome.reply != null) {
                int status = outcome.reply.status;
                if (status == 401 && !refreshed) {
                    invalidate(bearer); // expired or revoked early: one fresh token, one more try
                    refreshed = true;
                    counter.count("retries");
                    attempt--;
                    continue;
                }
                if (status == 401 || status == 403) {
                    throw ConnectorException.config(null, "iCIMS refused the integration user (" + status + " on "
                            + endpoint + "): " + outcome.reply.errorMessage());
                }
                if (status == 505) {
                    throw ConnectorException.config(null, "iCIMS refused the HTTP version (505); the client must use HTTP/1.1");
                }
                if (status != 429 && status < 500) {
                    return outcome.reply;
                }
            }
            Duration wait = outcome.retryAfter != null ? outcome.retryAfter : backoff(attempt);
            if (outcome.reply != null && outcome.reply.status == 429 && wait.compareTo(MAX_INLINE_WAIT) > 0) {
                // A long wait (daily quota exhausted) is not ours to sit out: the host reschedules the run.
                throw ConnectorException.rateLimited("iCIMS asks us to wait " + wait.toMinutes() + " min on " + endpoint
                        + " (daily quota or rate limit)", wait);
            }
            if (attempt >= settings.maxRetries()) {
                String what = outcome.reply != null ? "HTTP " + outcome.reply.status : outcome.problem;
                if (outcome.reply != null && outcome.reply.status == 429) {
                    throw ConnectorException.rateLimited("iCIMS kept answering 429 on " + endpoint
                            + " (rate limit or daily quota); will retry later", outcome.retryAfter);
                }
                throw new ConnectorException(ErrorKind.TRANSIENT, "iCIMS " + endpoint + " failed after "
                        + (attempt + 1) + " attempts: " + what);
            }
            counter.count("retries");
            context.log().debug("{} attempt {} failed ({}); retrying in {} ms", endpoint, attempt + 1,
                    outcome.reply != null ? "HTTP " + outcome.reply.status : outcome.problem, wait.toMillis());
            sleep(wait);
        }
    }

    /** One request: a reply, or what went wrong on the wire. */
    private record Outcome(Reply reply, String problem, Duration retryAfter) {
    }

    private Outcome exchange(String endpoint, HttpRequest request, Body body) throws ConnectorException {
        counter.count(endpoint);
        HttpResponse<byte[]> response;
        try {
            response = context.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out after " + settings.requestTimeout().toSeconds() + " s", null);
        } catch (IOException e) {
            return new Outcome(null, "connection failed (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorKind.TRANSIENT, "stopped on request");
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
        if (status == 429 || status >= 500) {
            return new Outcome(new Reply(status, type, response.body(), null), null, retryAfter);
        }
        JsonNode parsed = null;
        boolean wantsJson = body == Body.JSON || status >= 400 || type.contains("json");
        if (wantsJson && response.body().length > 0) {
            try {
                parsed = json.readTree(response.body());
            } catch (IOException e) {
                // Truncated or broken JSON is a transport fault: never treat it as an empty result.
                return new Outcome(null, "invalid or truncated JSON from " + endpoint, null);
            }
        }
        if (body == Body.JSON && status / 100 == 2 && (parsed == null || !parsed.isObject())) {
            return new Outcome(null, "empty or non-object JSON from " + endpoint, null);
        }
        return new Outcome(new Reply(status, type, response.body(), parsed), null, null);
    }

    private Duration backoff(int attempt) {
        long base = settings.retryBase().toMillis() << Math.min(attempt, 10);
        long capped = Math.min(base, 60_000);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private void sleep(Duration wait) throws ConnectorException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            context.cancellation().throwIfRequested();
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(ErrorKind.TRANSIENT, "stopped on request");
            }
        }
    }

    // ---- OAuth token ------------------------------------------------------------------------------------------------

    /** Thrown by {@link #token()} when iCIMS refuses the credentials; carries the field to blame. */
    String token() throws ConnectorException {
        String t = token;
        if (t != null && Instant.now().isBefore(tokenExpires)) {
            return t;
        }
        synchronized (tokenLock) {
            if (token != null && Instant.now().isBefore(tokenExpires)) {
                return token;
            }
            fetchToken();
            return token;
        }
    }

    private void invalidate(String used) {
        synchronized (tokenLock) {
            if (used.equals(token)) {
                token = null;
                tokenExpires = Instant.MIN;
            }
        }
    }

    private void fetchToken() throws ConnectorException {
        String form = "grant_type=client_credentials&client_id=" + enc(credentials.require(IcimsDescriptor.CLIENT_ID))
                + "&client_secret=" + enc(credentials.require(IcimsDescriptor.CLIENT_SECRET))
                + "&audience=" + enc(settings.audience());
        for (int attempt = 0; ; attempt++) {
            context.cancellation().throwIfRequested();
            HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl()).version(HttpClient.Version.HTTP_1_1)
                    .timeout(settings.requestTimeout()).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            Outcome o = exchange("token", request, Body.JSON);
            Reply r = o.reply;
            if (r != null && r.status / 100 == 2) {
                String access = r.json.path("access_token").asText("");
                long expiresIn = r.json.path("expires_in").asLong(3600);
                if (access.isEmpty()) {
                    throw new ConnectorException(ErrorKind.ATS_DATA, "the iCIMS token response holds no access_token");
                }
                token = access;
                // Refresh a minute early (or at half-life for short tokens) so no request carries a token that expires in flight.
                tokenExpires = Instant.now().plusSeconds(Math.max(1, expiresIn - Math.min(60, expiresIn / 2)));
                return;
            }
            if (r != null && (r.status == 400 || r.status == 401 || r.status == 403)) {
                String description = r.json == null ? "" : r.json.path("error_description").asText("");
                boolean clientId = IcimsAssumptions.blamesClientId(description);
                throw ConnectorException.config(clientId ? IcimsDescriptor.CLIENT_ID : IcimsDescriptor.CLIENT_SECRET,
                        clientId ? "iCIMS does not know this Client ID (" + description + ")"
                                : "iCIMS did not accept the Client Secret for this Client ID (" + description + ")");
            }
            if (attempt >= settings.maxRetries()) {
                throw new ConnectorException(ErrorKind.TRANSIENT, "the iCIMS token endpoint " + settings.tokenUrl().getHost()
                        + " failed after " + (attempt + 1) + " attempts: " + (r != null ? "HTTP " + r.status : o.problem));
            }
            counter.count("retries");
            sleep(o.retryAfter != null ? o.retryAfter : backoff(attempt));
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Optional<java.util.concurrent.Executor> executor() {
        return context.http().executor();
    }
}
