package io.rediscover.plugins;

import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import io.rediscover.logging.LogIds;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorLog;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.MeteredHttpClient;
import io.rediscover.pluginapi.RequestBudget;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Makes the {@link ConnectorContext} of each call into a plugin: one shared HTTP client, metered per call against its
 * connection's daily request budget ({@link Metering}: a counted request is counted, or refused before it leaves once
 * the budget is spent), one bounded pool for concurrent reads, whose threads the host owns (and stops), the host clock,
 * a redacting log that knows the call's secrets, the call's cancellation signal, and the connector's settings from
 * {@code connectors.<id>.*}.
 */
@Singleton
public final class ConnectorContexts implements Managed {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Concurrent reads per sync run the host allows for, plus one such share for checks. */
    static final int READS_PER_RUN = 8;

    private final HostConfig config;
    private final Clock clock;
    private final AtsMeters meters;
    private ExecutorService httpThreads;
    private ExecutorService readThreads;
    private HttpClient http;

    /**
     * @param config host configuration
     * @param clock  the clock plugins see
     * @param meters measures the requests plugins make
     */
    @Inject
    public ConnectorContexts(HostConfig config, Clock clock, AtsMeters meters) {
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void start() {
        httpThreads = Executors.newCachedThreadPool(DaemonThreads.named("connector-http"));
        // HTTP/1.1 by default: some ATSs (iCIMS) answer 505 to HTTP/2 upgrade attempts.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).executor(httpThreads).build();
        // Fixed: every connector's concurrent reads together never take more threads than this.
        readThreads = Executors.newFixedThreadPool(READS_PER_RUN * (config.sync().maxConcurrentRuns() + 1),
                DaemonThreads.named("connector-read"));
    }

    @Override
    public void stop() throws InterruptedException {
        for (ExecutorService threads : new ExecutorService[] {readThreads, httpThreads}) {
            if (threads != null) {
                threads.shutdownNow();
                threads.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public String name() {
        return "connector services";
    }

    /**
     * @param connector    the connector being called
     * @param scope        what the call is for, for log lines (e.g. {@code org acme / connection 7})
     * @param credentials  the call's credentials; their secrets are masked in every log line
     * @param cancellation the call's stop signal
     * @param metering     how the call's requests are metered ({@link Metering#NONE}: not at all)
     * @return the context for that call
     */
    public ConnectorContext forCall(LoadedConnector connector, String scope, Credentials credentials, Cancellation cancellation,
                                    Metering metering) {
        if (http == null) {
            throw new IllegalStateException("connector services are not started");
        }
        ConnectorLog log = new RedactingConnectorLog(connector.id(), scope, Redactor.of(connector.descriptor(), credentials));
        Map<String, String> settings = config.connectorSettings(connector.id());
        // Measured for the metrics (what reaches the ATS), then metered against the budget (what may leave at all).
        HttpClient measured = new MeasuredHttpClient(http, meters, connector.id());
        HttpClient client = metering == Metering.NONE ? measured : new MeteredHttpClient(measured, metering);
        ExecutorService pool = readThreads;
        Executor reads = task -> pool.execute(LogIds.carried(connector.inPluginContext(task)));
        return new ConnectorContext() {
            @Override
            public HttpClient http() {
                return client;
            }

            @Override
            public Executor executor() {
                return reads;
            }

            @Override
            public RequestBudget budget() {
                return metering.budget();
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public ConnectorLog log() {
                return log;
            }

            @Override
            public Cancellation cancellation() {
                return cancellation;
            }

            @Override
            public Map<String, String> settings() {
                return settings;
            }
        };
    }
}
