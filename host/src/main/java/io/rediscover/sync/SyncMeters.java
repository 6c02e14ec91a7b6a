package io.rediscover.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The sync's meters: runs by how they ended ({@code rediscover_sync_runs_total}, {@code rediscover_sync_run_seconds}),
 * records committed to the mirror by what happened to them ({@code rediscover_sync_records_total}; records per second is
 * its rate), and the requests the plugin reports by its own endpoint names
 * ({@code rediscover_sync_plugin_requests_total}), whose {@code retries} entry is also
 * {@code rediscover_ats_retries_total}. Records and requests are counted as each checkpoint commits, so a long run
 * shows its pace while it goes.
 */
@Singleton
public final class SyncMeters {

    /** The name plugins count their retried requests under (the iCIMS connector does). */
    static final String RETRIES = "retries";
    private final MeterRegistry registry;

    /** @param registry the host's meters */
    @Inject
    public SyncMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param connector the connector a run reads with
     * @return the meter of one run, which counts what each commit added
     */
    Run forRun(String connector) {
        return new Run(connector);
    }

    /** @param connector the connector @param run a finished run */
    void ended(String connector, SyncRun run) {
        String mode = run.mode().name().toLowerCase(Locale.ROOT);
        String result = run.result().name().toLowerCase(Locale.ROOT);
        String error = run.error() == null ? "none" : run.error().kind().name().toLowerCase(Locale.ROOT);
        Counter.builder("rediscover.sync.runs").description("Sync runs by mode, result and error kind")
                .tags("connector", connector, "mode", mode, "result", result, "error", error).register(registry).increment();
        if (run.endedAt() != null) {
            Timer.builder("rediscover.sync.run").description("How long sync runs took")
                    .tags("connector", connector, "mode", mode, "result", result).register(registry)
                    .record(Duration.between(run.startedAt(), run.endedAt()));
        }
    }

    /** One run's meter: turns the run's running totals into increments. */
    final class Run {
        private final String connector;
        private SyncRun.Counts counted = SyncRun.Counts.zero();
        private final Map<String, Long> requestsCounted = new HashMap<>();

        private Run(String connector) {
            this.connector = connector;
        }

        /** @param total the run's counts so far @param requests the plugin's request counts so far */
        synchronized void update(SyncRun.Counts total, Map<String, Long> requests) {
            records("added", total.added() - counted.added());
            records("updated", total.updated() - counted.updated());
            records("unchanged", total.unchanged() - counted.unchanged());
            records("deleted", total.deleted() - counted.deleted());
            records("access_lost", total.accessLost() - counted.accessLost());
            records("failed", total.failed() - counted.failed());
            counted = total;
            requests.forEach((endpoint, n) -> {
                long delta = n - requestsCounted.getOrDefault(endpoint, 0L);
                if (delta > 0) {
                    requestsCounted.put(endpoint, n);
                    Counter.builder("rediscover.sync.plugin.requests")
                            .description("Requests to the ATS as the plugin counts them, by its endpoint names")
                            .tags("connector", connector, "endpoint", endpoint).register(registry).increment(delta);
                    if (endpoint.equals(RETRIES)) {
                        Counter.builder("rediscover.ats.retries").description("Requests the plugin retried")
                                .tags("connector", connector).register(registry).increment(delta);
                    }
                }
            });
        }

        private void records(String change, long delta) {
            if (delta > 0) {
                Counter.builder("rediscover.sync.records").description("Records committed to the mirror by syncs")
                        .tags("connector", connector, "change", change).register(registry).increment(delta);
            }
        }
    }
}
