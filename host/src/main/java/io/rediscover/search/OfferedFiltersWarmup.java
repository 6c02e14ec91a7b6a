package io.rediscover.search;

import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Works out which filters each collection offers as soon as a publication changes what it holds, in the background:
 * otherwise the first search after a start or a fold pays for it (reading a new whole split, about a quarter of a
 * second per shard at half a million candidates). A collection whose publication is unchanged costs a lookup.
 */
@Singleton
public final class OfferedFiltersWarmup implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(OfferedFiltersWarmup.class);
    private static final long EVERY_MILLIS = 500;

    private final Indexes indexes;
    private final SearchService search;
    private ScheduledExecutorService worker;

    /** @param indexes the collections @param search works the offered filters out and keeps them */
    @Inject
    public OfferedFiltersWarmup(Indexes indexes, SearchService search) {
        this.indexes = indexes;
        this.search = search;
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("offered-filters"));
        worker.scheduleWithFixedDelay(this::warmUp, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void warmUp() {
        for (OrgIndex index : indexes.collections()) {
            try {
                search.offered(index, search.catalog());
            } catch (RuntimeException e) {
                // a search asks again and answers what went wrong; nothing here is lost
                LOG.debug("could not work out the filters {} offers yet", index.name(), e);
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        DaemonThreads.stopNow(worker, 30);
    }

    @Override
    public String name() {
        return "offered filters";
    }
}
