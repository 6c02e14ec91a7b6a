package io.rediscover.plugins;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The host's HTTP client as a plugin gets it: the same client, with every request measured by {@link AtsMeters} under
 * the plugin's connector. A decorator, so neither the plugin nor the sync code knows about meters.
 */
final class MeasuredHttpClient extends HttpClient {

    private final HttpClient client;
    private final AtsMeters meters;
    private final String connector;

    MeasuredHttpClient(HttpClient client, AtsMeters meters, String connector) {
        this.client = client;
        this.meters = meters;
        this.connector = connector;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<T> response = null;
        try {
            response = client.send(request, handler);
            return response;
        } finally {
            record(request, response, t0);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        long t0 = System.nanoTime();
        return client.sendAsync(request, handler).whenComplete((response, failure) -> record(request, response, t0));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        long t0 = System.nanoTime();
        return client.sendAsync(request, handler, push).whenComplete((response, failure) -> record(request, response, t0));
    }

    private void record(HttpRequest request, HttpResponse<?> response, long t0) {
        int status = response == null ? 0 : response.statusCode();
        meters.request(connector, request.method(), request.uri(), status, Duration.ofNanos(System.nanoTime() - t0));
        if (response != null) {
            response.headers().firstValue("Retry-After").flatMap(MeasuredHttpClient::seconds)
                    .ifPresent(wait -> meters.retryAfter(connector, wait));
        }
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is left to the plugin, which acts on it. */
    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException dateForm) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client.authenticator();
    }

    @Override
    public Version version() {
        return client.version();
    }

    @Override
    public Optional<Executor> executor() {
        return client.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return client.newWebSocketBuilder();
    }
}
