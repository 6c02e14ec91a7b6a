package io.rediscover.pipeline;

import io.rediscover.config.HostConfig;
import io.rediscover.index.ProfileIndexer;
import io.rediscover.lifecycle.BackgroundWorker;
import io.rediscover.lifecycle.Managed;
import io.rediscover.lifecycle.ServiceUnavailableException;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.Outbox;
import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;
import io.rediscover.store.Store;
import io.rediscover.store.StoreWatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Drains the mirror's {@link Outbox} through the ordered {@link PipelineStage}s, in batches, on one thread of its own,
 * so a slow stage never slows a sync. For each batch, stage after stage: the stage processes the items that reached it,
 * then one commit holds what the stage wrote, its failures and the mark "this stage is done with this version" in the
 * outbox entry; after the last stage, the entries leave the outbox (unless a newer version replaced them meanwhile). A
 * crash or restart resumes each entry at the first stage that had not committed it, so every version passes every stage
 * once. Batches take the oldest entries of every connection in turn, so one org's big download does not starve
 * another's changes.
 */
@Singleton
public final class Pipeline implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    static final int REMOVAL_BATCH = 5_000;

    private final Store store;
    private final Outbox outbox;
    private final StageFailures failures;
    private final List<PipelineStage> stages;
    private final Map<String, StageMeter> meters = new LinkedHashMap<>();
    private final int batchSize;
    private final Clock clock;
    private final ProfileIndexer profileIndexer;
    private final Object drainLock = new Object();
    private final BackgroundWorker drainer;

    /**
     * @param store    the store
     * @param outbox   what to drain
     * @param failures per-candidate stage failures
     * @param watch    pauses the pipeline while the store is down or the disk nearly full
     * @param stages   every contributed stage
     * @param config   {@code pipeline.*}
     * @param clock    the host's clock
     * @param profileIndexer feeds the public-profile index beside the pipeline; its lag is part of the status
     */
    @Inject
    public Pipeline(Store store, Outbox outbox, StageFailures failures, StoreWatch watch, Set<PipelineStage> stages,
                    HostConfig config, Clock clock, ProfileIndexer profileIndexer) {
        this.store = store;
        this.outbox = outbox;
        this.failures = failures;
        this.stages = stages.stream().sorted(Comparator.comparingInt(PipelineStage::order)).toList();
        this.batchSize = config.pipeline().batchSize();
        this.clock = clock;
        this.profileIndexer = profileIndexer;
        this.drainer = new BackgroundWorker("pipeline", "the pipeline failed a batch", watch::pauseReason,
                Duration.ofSeconds(1), this::drainOnce);
        Set<String> names = new HashSet<>();
        for (PipelineStage s : this.stages) {
            if (!names.add(s.name())) {
                throw new IllegalStateException("two pipeline stages are named '" + s.name() + "'");
            }
            meters.put(s.name(), new StageMeter(clock));
        }
    }

    @Override
    public void start() {
        outbox.onEnqueued(drainer::wake);
        drainer.start();
        LOG.info("pipeline stages: {}; {} candidate(s) waiting", stages.stream().map(PipelineStage::name).toList(),
                outbox.size());
    }

    @Override
    public void stop() throws InterruptedException {
        drainer.stop();
    }

    @Override
    public String name() {
        return "pipeline";
    }

    private void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    /**
     * Drains one batch through every stage.
     *
     * @return whether there was anything to drain
     * @throws InterruptedException when stopping
     */
    boolean drainOnce() throws InterruptedException {
        synchronized (drainLock) {
            List<ConnectionRef> refs = outbox.connections();
            if (refs.isEmpty()) {
                return false;
            }
            int perConnection = Math.max(20, batchSize / refs.size());
            List<String> stale = new ArrayList<>();
            List<Outbox.Item> items = new ArrayList<>();
            refs.forEach(ref -> items.addAll(outbox.oldest(ref, perConnection, stale)));
            int[] done = items.stream().mapToInt(i -> Math.min(i.entry().stagesDone(), stages.size())).toArray();
            for (int s = 0; s < stages.size(); s++) {
                List<Outbox.Item> eligible = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (done[i] == s) {
                        eligible.add(items.get(i));
                        done[i] = s + 1;
                    }
                }
                if (!eligible.isEmpty() && !runStage(s, eligible)) {
                    return true; // the stage is unavailable: everything stays where it is, tried again later
                }
            }
            store.write(b -> {
                outbox.clean(b, stale);
                items.forEach(i -> outbox.complete(b, i));
            });
            drainer.waitingFor(null);
            return true;
        }
    }

    /** @return false when the stage said it is unavailable */
    private boolean runStage(int index, List<Outbox.Item> eligible) throws InterruptedException {
        PipelineStage stage = stages.get(index);
        List<PipelineItem> batch = eligible.stream()
                .map(i -> new PipelineItem(i.ref(), i.candidateId(), i.entry().version())).toList();
        Collected results = new Collected();
        try {
            try {
                stage.process(batch, results);
            } catch (PipelineStage.Unavailable | ServiceUnavailableException e) {
                throw e;
            } catch (Exception e) {
                results = oneByOne(stage, batch);
            }
        } catch (PipelineStage.Unavailable | ServiceUnavailableException e) {
            if (!e.getMessage().equals(drainer.waitingFor())) {
                LOG.warn("pipeline stage {} is unavailable: {}; {} candidate(s) wait", stage.name(), e.getMessage(), outbox.size());
            }
            drainer.waitingFor(e.getMessage());
            sleep(BackgroundWorker.BACKOFF);
            return false;
        }
        Collected r = results;
        Instant now = clock.instant();
        store.write(b -> {
            r.writes.forEach(w -> w.accept(b));
            for (int i = 0; i < batch.size(); i++) {
                PipelineItem item = batch.get(i);
                String reason = r.failed.get(item);
                if (reason == null) {
                    failures.clear(b, item, stage.name());
                } else {
                    failures.record(b, item, stage.name(), reason, now);
                }
                outbox.advance(b, eligible.get(i), index + 1);
            }
        });
        meters.get(stage.name()).add(batch.size(), r.failed.size());
        if (!r.failed.isEmpty()) {
            Map.Entry<PipelineItem, String> first = r.failed.entrySet().iterator().next();
            LOG.warn("pipeline stage {}: {} of {} candidate(s) failed (e.g. {} of {}: {})", stage.name(), r.failed.size(),
                    batch.size(), first.getKey().candidateId(), first.getKey().ref(), first.getValue());
        }
        return true;
    }

    /** A batch failed: find the items that fail alone; the others succeed. */
    private Collected oneByOne(PipelineStage stage, List<PipelineItem> batch) throws PipelineStage.Unavailable {
        Collected all = new Collected();
        for (PipelineItem item : batch) {
            Collected one = new Collected();
            try {
                stage.process(List.of(item), one);
                all.writes.addAll(one.writes);
                all.failed.putAll(one.failed);
            } catch (PipelineStage.Unavailable | ServiceUnavailableException e) {
                throw e;
            } catch (Exception e) {
                LOG.debug("pipeline stage {} failed on {} of {}", stage.name(), item.candidateId(), item.ref(), e);
                all.failed.put(item, describe(e));
            }
        }
        return all;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + (m.length() > 300 ? m.substring(0, 300) + "…" : m));
    }

    /**
     * A connection is being removed: drop its waiting entries and its failures, and tell every stage to drop what it
     * derived. Waits for a batch in flight, so nothing of the connection is derived again after this returns.
     *
     * @param ref the connection
     */
    public void discard(ConnectionRef ref) {
        synchronized (drainLock) {
            long dropped = outbox.discard(store, ref, REMOVAL_BATCH);
            failures.discard(ref, REMOVAL_BATCH);
            stages.forEach(s -> s.dropConnection(ref));
            LOG.info("{}: the pipeline dropped {} waiting candidate(s) and what its stages derived", ref, dropped);
        }
    }

    /** Wakes the drainer (tests, reindex). */
    public void wake() {
        drainer.wake();
    }

    /**
     * @param ref a connection
     * @return how far the pipeline is behind on it
     */
    public ConnectionLag lag(ConnectionRef ref) {
        Optional<Instant> oldest = outbox.oldestAt(ref);
        return new ConnectionLag(ref.org(), ref.connectionId(), outbox.size(ref),
                oldest.map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds())).orElse(null),
                failures.count(ref));
    }

    /** @return the whole pipeline's state */
    public Status status() {
        List<ConnectionLag> lags = outbox.connections().stream().map(this::lag).toList();
        Long oldest = lags.stream().map(ConnectionLag::oldestAgeSeconds).filter(a -> a != null)
                .max(Long::compare).orElse(null);
        List<StageStatus> stageStatus = stages.stream().map(s -> {
            StageMeter m = meters.get(s.name());
            return new StageStatus(s.name(), s.order(), m.processed(), m.failed(), m.perSecond());
        }).toList();
        return new Status(outbox.size(), oldest, drainer.waitingFor(), stageStatus, lags, profileIndexer.status());
    }

    /**
     * @param org              the org
     * @param connectionId     the connection
     * @param backlog          its candidates waiting
     * @param oldestAgeSeconds how long the oldest has waited, or null when none waits
     * @param failures         its candidates a stage failed on (kept until a later version passes)
     */
    public record ConnectionLag(String org, String connectionId, long backlog, Long oldestAgeSeconds, long failures) {
    }

    /**
     * @param name      the stage
     * @param order     its position
     * @param processed candidates it processed since the server started
     * @param failed    of which failed
     * @param perSecond candidates per second over the last minute
     */
    public record StageStatus(String name, int order, long processed, long failed, double perSecond) {
    }

    /**
     * @param backlog          candidates waiting, over every connection
     * @param oldestAgeSeconds how long the oldest has waited, or null
     * @param waitingFor       why the pipeline waits (store down, disk full, a stage unavailable), or null
     * @param stages           each stage in order
     * @param connections      each connection with candidates waiting
     * @param profiles         the public-profile index: how far it is behind the corpus, its rebuild's progress
     */
    public record Status(long backlog, Long oldestAgeSeconds, String waitingFor, List<StageStatus> stages,
                         List<ConnectionLag> connections, ProfileIndexer.Status profiles) {
    }

    /** What a stage reported for a batch. */
    private static final class Collected implements PipelineStage.Results {
        final List<Consumer<Store.Batch>> writes = new ArrayList<>();
        final Map<PipelineItem, String> failed = new LinkedHashMap<>();

        @Override
        public void failed(PipelineItem item, String reason) {
            failed.put(item, reason);
        }

        @Override
        public void write(Consumer<Store.Batch> w) {
            writes.add(w);
        }
    }
}
