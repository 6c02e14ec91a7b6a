package io.rediscover.sync;

import io.rediscover.config.HostConfig;
import io.rediscover.mirror.Outbox;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.store.StoreWatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a sync waits before it commits more: while the pipeline is {@code pipeline.maxBacklog} candidates behind (so the
 * outbox stays bounded however fast the ATS answers), or while the data directory is nearly full or the store is down
 * (so a sync pauses with a reason instead of running into the wall). Below the bound a sync never waits for the
 * pipeline.
 */
@Singleton
final class BacklogGate {

    static final long POLL_MILLIS = 200;

    private final Outbox outbox;
    private final StoreWatch watch;
    private final long maxBacklog;

    @Inject
    BacklogGate(Outbox outbox, StoreWatch watch, HostConfig config) {
        this.outbox = outbox;
        this.watch = watch;
        this.maxBacklog = config.pipeline().maxBacklog();
    }

    /** @return why a sync must wait now, if it must */
    Optional<String> reason() {
        Optional<String> paused = watch.pauseReason();
        if (paused.isPresent()) {
            return paused.map(r -> "paused: " + r);
        }
        long backlog = outbox.size();
        return backlog >= maxBacklog
                ? Optional.of("waiting for the pipeline: " + backlog + " candidates wait (pipeline.maxBacklog " + maxBacklog + ")")
                : Optional.empty();
    }

    /**
     * Blocks while there is a reason to wait, telling {@code waiting} the reason (once per change, then null when done).
     *
     * @param cancellation stops waiting
     * @param waiting      told why the sync waits, and null when it goes on
     * @throws InterruptedException when interrupted
     */
    void await(Cancellation cancellation, Consumer<String> waiting) throws InterruptedException {
        Optional<String> reason = reason();
        if (reason.isEmpty()) {
            return;
        }
        String shown = null;
        while (reason.isPresent() && !cancellation.isRequested()) {
            if (!reason.get().equals(shown)) {
                shown = reason.get();
                waiting.accept(shown);
            }
            Thread.sleep(POLL_MILLIS);
            reason = reason();
        }
        waiting.accept(null);
    }
}
