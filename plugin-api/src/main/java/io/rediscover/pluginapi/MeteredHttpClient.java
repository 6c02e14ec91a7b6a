package io.rediscover.pluginapi;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * An {@link HttpClient} that asks a {@link Meter} before each request leaves: the meter counts it against the
 * connection's daily budget, or refuses it with {@link BudgetExhaustedException}, in which case nothing is sent. This
 * is how the host hands out {@link ConnectorContext#http()}; it lives in the contract so that the test kit meters a
 * plugin's requests exactly as the host does. Plugins use the client they are given and never build one of these.
 */
public final class MeteredHttpClient extends HttpClient {

    /** Decides, before a request leaves, whether it may. */
    @FunctionalInterface
    public interface Meter {
        /**
         * Counts the request, if it counts against the quota, or refuses it.
         *
         * @param request the request about to leave
         * @throws BudgetExhaustedException when it counts and the budget is spent
         */
        void admit(HttpRequest request) throws BudgetExhaustedException;
    }

    private final HttpClient delegate;
    private final Meter meter;

    /**
     * @param delegate the client that sends
     * @param meter    asked before every request
     */
    public MeteredHttpClient(HttpClient delegate, Meter meter) {
        this.delegate = delegate;
        this.meter = meter;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        meter.admit(request);
        return delegate.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return admitted(request, () -> delegate.sendAsync(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return admitted(request, () -> delegate.sendAsync(request, handler, pushPromiseHandler));
    }

    /** Sends when the meter admits the request; else a future failed with the refusal, nothing sent. */
    private <T> CompletableFuture<T> admitted(HttpRequest request, Supplier<CompletableFuture<T>> send) {
        try {
            meter.admit(request);
        } catch (BudgetExhaustedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send.get();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
