package io.rediscover.pluginapi.testkit;

import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorLog;
import io.rediscover.pluginapi.MeteredHttpClient;
import io.rediscover.pluginapi.RequestBudget;
import io.rediscover.pluginapi.RequestQuota;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ConnectorContext} for plugin tests, shaped like the host's: an HTTP/1.1 client and a bounded executor for
 * concurrent reads, both on threads the context owns (closed by {@link #close()}, so a test can check that the plugin
 * left no threads), the system clock, a log to stdout, a cancellation flag and settings. With {@link #budget} its
 * requests are metered against a daily budget as the host meters them.
 */
public final class TestConnectorContext implements ConnectorContext, AutoCloseable {

    /** Threads of the concurrent-read executor, like the host's shared pool. */
    public static final int READ_THREADS = 8;

    private final ExecutorService httpThreads = Executors.newCachedThreadPool(daemon("testkit-http"));
    private final ExecutorService readThreads = Executors.newFixedThreadPool(READ_THREADS, daemon("testkit-read"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();
    private final Map<String, String> settings = new HashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Clock clock = Clock.systemUTC();
    private TestBudget budget;

    /** @param initial settings by key */
    public TestConnectorContext(Map<String, String> initial) {
        settings.putAll(initial);
    }

    /** @param key setting @param value value @return this context */
    public TestConnectorContext set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** @param c the clock plugins see @return this context */
    public TestConnectorContext clock(Clock c) {
        this.clock = c;
        return this;
    }

    /**
     * Meters this context's requests from now on, as the host does for a connection with a daily budget.
     *
     * @param quota  what counts (the connector's {@link RequestQuota})
     * @param perDay requests a day
     * @return the budget, for the test to turn days and read what was spent
     */
    public TestBudget budget(RequestQuota quota, long perDay) {
        budget = new TestBudget(quota, perDay, () -> clock);
        return budget;
    }

    /** Requests cancellation. */
    public void cancel() {
        cancelled.set(true);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public HttpClient http() {
        TestBudget b = budget;
        return b == null ? http : new MeteredHttpClient(http, b);
    }

    @Override
    public RequestBudget budget() {
        TestBudget b = budget;
        return b == null ? RequestBudget.unlimited() : b;
    }

    @Override
    public Executor executor() {
        return readThreads;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ConnectorLog log() {
        return new ConnectorLog() {
            private void print(String level, String format, Object... args) {
                String m = format;
                for (Object a : args) {
                    m = m.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(String.valueOf(a)));
                }
                System.out.println("[connector " + level + "] " + m);
            }

            @Override
            public void debug(String format, Object... args) {
            }

            @Override
            public void info(String format, Object... args) {
                print("info", format, args);
            }

            @Override
            public void warn(String format, Object... args) {
                print("warn", format, args);
            }

            @Override
            public void error(String message, Throwable error) {
                print("error", message + ": " + error);
            }
        };
    }

    @Override
    public Cancellation cancellation() {
        return cancelled::get;
    }

    @Override
    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public void close() throws InterruptedException {
        for (ExecutorService threads : java.util.List.of(readThreads, httpThreads)) {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
