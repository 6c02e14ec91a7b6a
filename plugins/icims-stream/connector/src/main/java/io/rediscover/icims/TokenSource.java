package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.ErrorKind;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The OAuth token of one run (client-credentials grant, §1.2), shared by every request of the run, concurrent ones
 * included. A token is fetched once and reused until shortly before it expires (iCIMS throttles clients that ask for
 * many). When iCIMS refuses a token, {@link #renew} replaces it single-flight: of all the requests that saw the refusal,
 * one fetches the new token and the others wait for it and use it, so a revocation costs one token request, not one
 * per request in flight.
 *
 * <p>Only the token endpoint's own refusal of the credentials is a configuration error; anything passing (timeouts,
 * 5xx, 429) is retried with backoff and then ends as {@link ErrorKind#TRANSIENT}.
 */
final class TokenSource {

    private final ConnectorContext context;
    private final IcimsSettings settings;
    private final Credentials credentials;
    private final Exchange exchange;
    private final Backoff backoff;
    private final Object lock = new Object();
    private volatile String token;
    private volatile Instant expires = Instant.MIN;

    TokenSource(ConnectorContext context, IcimsSettings settings, Credentials credentials, Exchange exchange, Backoff backoff) {
        this.context = context;
        this.settings = settings;
        this.credentials = credentials;
        this.exchange = exchange;
        this.backoff = backoff;
    }

    /** @return the cached token, fetched first when there is none or it is about to expire */
    String current() throws ConnectorException {
        String t = token;
        if (t != null && Instant.now().isBefore(expires)) {
            return t;
        }
        synchronized (lock) {
            if (token == null || !Instant.now().isBefore(expires)) {
                fetch();
            }
            return token;
        }
    }

    /**
     * @param refused the token iCIMS just refused (401)
     * @return a newer token: the one another request already fetched, or a new one
     */
    String renew(String refused) throws ConnectorException {
        synchronized (lock) {
            if (token == null || token.equals(refused) || !Instant.now().isBefore(expires)) {
                fetch();
            }
            return token;
        }
    }

    private void fetch() throws ConnectorException {
        String form = "grant_type=client_credentials&client_id=" + enc(credentials.require(IcimsDescriptor.CLIENT_ID))
                + "&client_secret=" + enc(credentials.require(IcimsDescriptor.CLIENT_SECRET))
                + "&audience=" + enc(settings.audience());
        for (int attempt = 0; ; attempt++) {
            context.cancellation().throwIfRequested();
            HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl()).version(HttpClient.Version.HTTP_1_1)
                    .timeout(settings.requestTimeout()).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            Exchange.Outcome o = exchange.send("token", request, Exchange.Body.JSON);
            Exchange.Reply r = o.reply();
            if (r != null && r.ok() && !r.json().path("access_token").asText("").isEmpty()) {
                long expiresIn = r.json().path("expires_in").asLong(3600);
                token = r.json().path("access_token").asText();
                // Refresh a minute early (half-way for short tokens), so no request carries a token that expires in flight.
                expires = Instant.now().plusSeconds(Math.max(1, expiresIn - Math.min(60, expiresIn / 2)));
                return;
            }
            if (r != null && !r.ok() && !r.retryable()) {
                throw refusal(r);
            }
            if (attempt >= settings.maxRetries()) {
                String what = r == null ? o.problem() : r.ok() ? "no access_token in the answer" : "HTTP " + r.status();
                throw new ConnectorException(ErrorKind.TRANSIENT, "the iCIMS token endpoint " + settings.tokenUrl().getHost()
                        + " failed after " + (attempt + 1) + " attempts: " + what);
            }
            Duration wait = r != null && r.retryAfter() != null ? r.retryAfter() : backoff.after(attempt);
            if (r != null && r.status() == 429 && wait.compareTo(IcimsHttp.MAX_INLINE_WAIT) > 0) {
                // iCIMS throttles clients that ask for too many tokens (§5.1): that wait is the host's to schedule.
                throw ConnectorException.rateLimited("the iCIMS token endpoint asks us to wait " + wait.toMinutes()
                        + " min (too many token requests)", wait);
            }
            exchange.counter().count("retries");
            backoff.sleep(wait);
        }
    }

    /** A final 4xx from the token endpoint: the credentials refused (naming the field), or a request we got wrong. */
    private ConnectorException refusal(Exchange.Reply r) {
        String error = r.json() == null ? "" : r.json().path("error").asText("");
        String description = r.json() == null ? "" : r.json().path("error_description").asText("");
        if (IcimsAssumptions.TOKEN_REFUSALS.contains(error) || r.status() == 401 || r.status() == 403) {
            boolean clientId = IcimsAssumptions.blamesClientId(description);
            return ConnectorException.config(clientId ? IcimsDescriptor.CLIENT_ID : IcimsDescriptor.CLIENT_SECRET,
                    clientId ? "iCIMS does not know this Client ID (" + description + ")"
                            : "iCIMS did not accept the Client Secret for this Client ID (HTTP " + r.status() + " "
                            + error + (description.isEmpty() ? "" : ": " + description) + ")");
        }
        return new ConnectorException(ErrorKind.INTERNAL, "the iCIMS token endpoint rejected our request (HTTP " + r.status()
                + " " + error + ": " + description + ")");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
