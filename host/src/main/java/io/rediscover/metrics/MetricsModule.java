package io.rediscover.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.web.WebModule;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Metrics: one Micrometer registry for the host, which the capabilities that count something take by constructor
 * ({@link MeterRegistry}); the meters read from the host's state ({@link HostMeters}: JVM and process, pipeline,
 * indexes, store); and {@code GET /metrics} in Prometheus text format ({@link MetricsServlet}).
 */
public final class MetricsModule extends AbstractModule {

    /** Latency buckets of every timer with a histogram: from a quick lookup to a slow export. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    @Override
    protected void configure() {
        bind(MeterRegistry.class).to(PrometheusMeterRegistry.class);
        Lifecycle.manage(binder(), HostMeters.class);
        WebModule.addServlet(binder(), MetricsServlet.class);
    }

    /** @return the registry, with histogram buckets for API routes and ATS requests */
    @Provides
    @Singleton
    PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER && (id.getName().startsWith("rediscover.http.server.requests")
                        || id.getName().startsWith("rediscover.ats.requests"))) {
                    return DistributionStatisticConfig.builder().serviceLevelObjectives(
                            java.util.Arrays.stream(LATENCY_BUCKETS).mapToDouble(d -> d.toNanos()).toArray())
                            .build().merge(config);
                }
                return config;
            }
        });
        return registry;
    }
}
