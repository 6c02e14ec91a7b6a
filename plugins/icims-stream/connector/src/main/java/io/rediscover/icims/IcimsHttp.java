package io.rediscover.icims;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.ErrorKind;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Every authenticated request to iCIMS goes through here: HTTP/1.1 (iCIMS answers 505 to anything else), the run's
 * shared token, bounded retries with exponential backoff and jitter for timeouts, 5xx, truncated or invalid bodies,
 * {@code Retry-After} honoured on 429, the stop signal honoured while waiting, and every request counted.
 *
 * <p>A 401 means the token was refused: it is renewed (single-flight, see {@link TokenSource}) and the request sent
 * again at once; a refusal of the fresh token too is retried with backoff, and if iCIMS keeps refusing fresh tokens
 * the request fails with {@link TokenRefused} (transient). A fresh token is always tried once, even with retries off. Every other final status (403, 404, 400, …) is handed back
 * for the caller to interpret, since what it means depends on the endpoint.
 */
final class IcimsHttp {

    /** The longest Retry-After a request waits out in place; longer ones end the run as RATE_LIMITED. */
    static final Duration MAX_INLINE_WAIT = Duration.ofMinutes(2);

    private final ConnectorContext context;
    private final IcimsSettings settings;
    private final Exchange exchange;
    private final Backoff backoff;
    private final TokenSource tokens;

    private IcimsHttp(ConnectorContext context, IcimsSettings settings, Exchange exchange, Backoff backoff, TokenSource tokens) {
        this.context = context;
        this.settings = settings;
        this.exchange = exchange;
        this.backoff = backoff;
        this.tokens = tokens;
    }

    /** @return the HTTP layer of one run or check, with its own token and request counts */
    static IcimsHttp open(ConnectorContext context, IcimsSettings settings, Credentials credentials) {
        Backoff backoff = new Backoff(context, settings.retryBase());
        Exchange exchange = new Exchange(context, new RequestCounter(), backoff);
        return new IcimsHttp(context, settings, exchange, backoff,
                new TokenSource(context, settings, credentials, exchange, backoff));
    }

    ObjectMapper json() {
        return exchange.json();
    }

    RequestCounter counter() {
        return exchange.counter();
    }

    TokenSource tokens() {
        return tokens;
    }

    /**
     * Sends an authenticated GET (or POST with a JSON body) with the retry policy.
     *
     * @param endpoint name for counting, e.g. {@code search/people}
     * @param uri      the URL
     * @param jsonBody a JSON body to POST, or null for GET
     * @param body     how to read the response
     * @return the final reply: 2xx, or a 4xx for the caller to interpret
     */
    Exchange.Reply send(String endpoint, URI uri, String jsonBody, Exchange.Body body) throws ConnectorException {
        String bearer = tokens.current();
        int refusals = 0;
        for (int attempt = 0; ; attempt++) {
            context.cancellation().throwIfRequested();
            Exchange.Outcome outcome = exchange.send(endpoint, request(uri, jsonBody, body, bearer), body);
            Exchange.Reply reply = outcome.reply();
            if (reply != null && reply.status() == 401) {
                if (++refusals > Math.max(1, settings.maxRetries())) {
                    throw new TokenRefused("iCIMS kept refusing freshly issued tokens on " + endpoint + " (401 "
                            + refusals + " times): " + reply.errorMessage() + "; the run will be retried");
                }
                if (refusals > 1) {
                    backoff.sleep(backoff.after(refusals - 2)); // the fresh token was refused too: give iCIMS time
                }
                exchange.counter().count("retries");
                bearer = tokens.renew(bearer);
                attempt--; // a refused token is not a failed attempt
                continue;
            }
            if (reply != null && reply.status() == 505) {
                throw ConnectorException.config(null, "iCIMS refused the HTTP version (505); the client must use HTTP/1.1");
            }
            if (reply != null && !reply.retryable()) {
                return reply;
            }
            retryOrFail(endpoint, outcome, attempt);
        }
    }

    private HttpRequest request(URI uri, String jsonBody, Exchange.Body body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1)
                .timeout(settings.requestTimeout()).header("Authorization", "Bearer " + bearer)
                .header("Accept", body == Exchange.Body.JSON ? "application/json" : "*/*");
        return jsonBody == null ? request.GET().build()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build();
    }

    /** Waits before the next attempt, or ends the request: RATE_LIMITED for 429s, TRANSIENT for the rest. */
    private void retryOrFail(String endpoint, Exchange.Outcome outcome, int attempt) throws ConnectorException {
        Exchange.Reply reply = outcome.reply();
        boolean tooMany = reply != null && reply.status() == 429;
        Duration wait = reply != null && reply.retryAfter() != null ? reply.retryAfter() : backoff.after(attempt);
        if (tooMany && wait.compareTo(MAX_INLINE_WAIT) > 0) {
            // A long wait is iCIMS's daily quota spent (D10): the day is over for this connection, and the host resumes
            // the run once it resets. Never sat out in place.
            throw ConnectorException.quotaExhausted("iCIMS answered 429 on " + endpoint + " and asks us to wait "
                    + wait.toMinutes() + " min: the customer's daily request quota is spent", context.clock().instant()
                    .plus(wait), wait);
        }
        if (attempt >= settings.maxRetries()) {
            if (tooMany) {
                throw ConnectorException.rateLimited("iCIMS kept answering 429 on " + endpoint
                        + " (rate limit or daily quota); will retry later", reply.retryAfter());
            }
            String what = reply != null ? "HTTP " + reply.status() : outcome.problem();
            throw new ConnectorException(ErrorKind.TRANSIENT, "iCIMS " + endpoint + " failed after " + (attempt + 1)
                    + " attempts: " + what);
        }
        exchange.counter().count("retries");
        context.log().debug("{} attempt {} failed ({}); retrying in {} ms", endpoint, attempt + 1,
                reply != null ? "HTTP " + reply.status() : outcome.problem(), wait.toMillis());
        backoff.sleep(wait);
    }
}
