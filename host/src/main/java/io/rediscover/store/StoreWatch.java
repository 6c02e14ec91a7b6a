package io.rediscover.store;

import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the server from running into a full disk and brings the store back after it did. Every few seconds it measures
 * the free space of the data directory: below {@code data.minFreeMegabytes} writers (syncs, the pipeline) pause with a
 * visible reason and health warns, before MVStore ever meets "No space left on device". If the store did fail, it
 * reopens it once writing can work again. State changes are logged once each, never per tick.
 */
@Singleton
public final class StoreWatch implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWatch.class);
    static final long TICK_MILLIS = 2_000;

    private final Store store;
    private final DataDirectory data;
    private final long minFreeBytes;
    private volatile long freeBytes = -1;
    private volatile boolean low;
    private ScheduledExecutorService timer;

    /** @param store the store @param data the data directory @param config {@code data.minFreeMegabytes} */
    @Inject
    public StoreWatch(Store store, DataDirectory data, HostConfig config) {
        this.store = store;
        this.data = data;
        this.minFreeBytes = config.data().minFreeMegabytes() * 1024L * 1024L;
    }

    @Override
    public void start() {
        tick();
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("store-watch"));
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public String name() {
        return "store watch";
    }

    /** Measures, warns on a change, and tries to reopen a failed store when space allows. */
    void tick() {
        try {
            freeBytes = StoreUnavailableException.usableSpace(data.root());
            boolean nowLow = minFreeBytes > 0 && freeBytes >= 0 && freeBytes < minFreeBytes;
            if (nowLow != low) {
                low = nowLow;
                if (nowLow) {
                    LOG.warn("{}", lowSpaceReason());
                } else {
                    LOG.info("the data directory has {} MB free again: syncs and the pipeline resume", freeBytes / (1024 * 1024));
                }
            }
            Optional<StoreUnavailableException> down = store.unavailable();
            if (down.isPresent() && (!down.get().diskFull() || freeBytes >= StoreUnavailableException.FULL_BELOW_BYTES)) {
                store.reopen();
            }
        } catch (RuntimeException e) {
            LOG.debug("store watch tick failed", e);
        }
    }

    private String lowSpaceReason() {
        return "only " + freeBytes / (1024 * 1024) + " MB free in the data directory " + data.root() + " (data.minFreeMegabytes is "
                + minFreeBytes / (1024 * 1024) + "): syncs and the pipeline pause until space is freed";
    }

    /**
     * Why writers should not start or go on now: the store is unavailable, or the disk is nearly full.
     *
     * @return the reason, for run status and logs; empty when writing may go on
     */
    public Optional<String> pauseReason() {
        Optional<StoreUnavailableException> down = store.unavailable();
        if (down.isPresent()) {
            return Optional.of(down.get().getMessage());
        }
        return low ? Optional.of(lowSpaceReason()) : Optional.empty();
    }

    /** @return whether free space is below the guard */
    public boolean lowOnSpace() {
        return low;
    }

    /** @return free bytes in the data directory at the last measure, or -1 when unknown */
    public long freeBytes() {
        return freeBytes;
    }
}
