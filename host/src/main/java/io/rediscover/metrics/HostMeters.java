package io.rediscover.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.rediscover.index.Indexes;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import io.rediscover.mirror.Outbox;
import io.rediscover.pipeline.Pipeline;
import io.rediscover.store.DataDirectory;
import io.rediscover.store.Store;
import io.rediscover.store.StoreWatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The meters read from the host's state rather than counted where things happen: JVM and process; the pipeline's
 * backlog (overall, and per stage: what has not passed it and how old the oldest is) and each stage's throughput; the
 * indexes' size on disk and publish lag; the store file and the free space of the data directory. What takes a scan
 * (the backlog per stage, index sizes) is measured every {@value #REFRESH_SECONDS} s in the background, so a scrape
 * costs nothing however often it comes.
 */
@Singleton
final class HostMeters implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(HostMeters.class);
    static final int REFRESH_SECONDS = 5;

    private final MeterRegistry registry;
    private final Pipeline pipeline;
    private final Outbox outbox;
    private final Indexes indexes;
    private final DataDirectory data;
    private final Store store;
    private final StoreWatch watch;
    private final Clock clock;
    private final List<AutoCloseable> closers = new ArrayList<>();
    private MultiGauge stageWaiting;
    private MultiGauge stageOldest;
    private MultiGauge indexBytes;
    private volatile Pipeline.Status status;
    private ScheduledExecutorService refresher;

    @Inject
    HostMeters(MeterRegistry registry, Pipeline pipeline, Outbox outbox, Indexes indexes, DataDirectory data, Store store,
               StoreWatch watch, Clock clock) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.outbox = outbox;
        this.indexes = indexes;
        this.data = data;
        this.store = store;
        this.watch = watch;
        this.clock = clock;
    }

    @Override
    public void start() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        closers.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);

        status = pipeline.status();
        Gauge.builder("rediscover.pipeline.backlog", this, m -> m.status.backlog())
                .description("Changed candidates waiting for the pipeline").register(registry);
        Gauge.builder("rediscover.pipeline.oldest.age", this, m -> orZero(m.status.oldestAgeSeconds())).baseUnit("seconds")
                .description("How long the oldest waiting candidate has waited").register(registry);
        for (Pipeline.StageStatus stage : status.stages()) {
            String name = stage.name();
            FunctionCounter.builder("rediscover.pipeline.stage.processed", this, m -> m.stage(name).processed())
                    .description("Candidates a pipeline stage processed since start").tag("stage", name).register(registry);
            FunctionCounter.builder("rediscover.pipeline.stage.failed", this, m -> m.stage(name).failed())
                    .description("Candidates a pipeline stage failed on since start").tag("stage", name).register(registry);
        }
        stageWaiting = MultiGauge.builder("rediscover.pipeline.stage.waiting")
                .description("Candidates that have not passed a pipeline stage yet").register(registry);
        stageOldest = MultiGauge.builder("rediscover.pipeline.stage.oldest.age").baseUnit("seconds")
                .description("How long the oldest candidate that has not passed a stage has waited").register(registry);
        indexBytes = MultiGauge.builder("rediscover.index.size").baseUnit("bytes")
                .description("Size of each search index on disk (its shards and published splits)").register(registry);
        Gauge.builder("rediscover.index.publish.lag", indexes, i -> i.publishLagMillis().orElse(0L) / 1000.0)
                .baseUnit("seconds").description("How long the oldest written but unpublished index change has waited")
                .register(registry);
        Gauge.builder("rediscover.store.file.size", store, s -> DataDirectory.bytes(s.file())).baseUnit("bytes")
                .description("Size of the store file").register(registry);
        Gauge.builder("rediscover.data.free", watch, StoreWatch::freeBytes).baseUnit("bytes")
                .description("Free space in the data directory at the last measure").register(registry);

        refresh();
        refresher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("metrics-refresh"));
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    private Pipeline.StageStatus stage(String name) {
        return status.stages().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElse(new Pipeline.StageStatus(name, 0, 0, 0, 0));
    }

    /** Measures what takes a scan. A failure (the store is down) keeps the last values and is tried again. */
    void refresh() {
        try {
            status = pipeline.status();
            List<Pipeline.StageStatus> stages = status.stages();
            List<Outbox.StageBacklog> backlog = outbox.backlogByStage(stages.size());
            List<MultiGauge.Row<?>> waiting = new ArrayList<>();
            List<MultiGauge.Row<?>> oldest = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                Outbox.StageBacklog b = backlog.get(i);
                Tags tags = Tags.of("stage", stages.get(i).name());
                waiting.add(MultiGauge.Row.of(tags, b.waiting()));
                oldest.add(MultiGauge.Row.of(tags, b.oldest() == null ? 0
                        : Math.max(0, Duration.between(b.oldest(), clock.instant()).toMillis() / 1000.0)));
            }
            stageWaiting.register(waiting, true);
            stageOldest.register(oldest, true);
            indexBytes.register(indexSizes(), true);
        } catch (RuntimeException e) {
            LOG.debug("metrics refresh failed; tried again in {} s", REFRESH_SECONDS, e);
        }
    }

    private List<MultiGauge.Row<?>> indexSizes() {
        Path root = data.resolve("index");
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        Path profiles = root.resolve("profiles");
        if (Files.isDirectory(profiles)) {
            rows.add(MultiGauge.Row.of(Tags.of("collection", "profiles"), DataDirectory.bytes(profiles)));
        }
        Path orgs = root.resolve("orgs");
        if (Files.isDirectory(orgs)) {
            try (Stream<Path> dirs = Files.list(orgs)) {
                dirs.filter(Files::isDirectory).forEach(d -> rows.add(MultiGauge.Row.of(
                        Tags.of("collection", "orgs/" + d.getFileName()), DataDirectory.bytes(d))));
            } catch (IOException e) {
                LOG.debug("cannot list {}", orgs, e);
            }
        }
        return rows;
    }

    private static double orZero(Long value) {
        return value == null ? 0 : value;
    }

    @Override
    public void stop() throws Exception {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        for (AutoCloseable c : closers) {
            c.close();
        }
    }

    @Override
    public String name() {
        return "metrics";
    }
}
