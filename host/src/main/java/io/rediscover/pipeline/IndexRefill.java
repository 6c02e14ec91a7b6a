package io.rediscover.pipeline;

import io.rediscover.index.Indexes;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.sync.SyncConnections;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.TreeSet;

/**
 * Indexes are derived data: at start, every org's index is opened, and one that is new or was rebuilt for changed
 * fields (a connector added a filter; a restored data directory without its indexes; a deleted index directory) is
 * refilled from the mirror — its org's candidates go through the pipeline again, in the background.
 */
@Singleton
public final class IndexRefill implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRefill.class);

    private final Indexes indexes;
    private final SyncConnections connections;
    private final Reindexer reindexer;
    private Thread worker;

    /** @param indexes the indexes @param connections every org's connections @param reindexer enqueues candidates */
    @Inject
    public IndexRefill(Indexes indexes, SyncConnections connections, Reindexer reindexer) {
        this.indexes = indexes;
        this.connections = connections;
        this.reindexer = reindexer;
    }

    @Override
    public void start() {
        Set<String> orgs = new TreeSet<>();
        connections.active().forEach(ref -> orgs.add(ref.org()));
        orgs.forEach(indexes::candidates);
        Set<String> empty = indexes.takeCreated();
        empty.retainAll(orgs);
        if (empty.isEmpty()) {
            return;
        }
        LOG.info("the search index of {} org(s) is new or was rebuilt: refilling it from the mirror", empty.size());
        worker = DaemonThreads.named("index-refill").newThread(() -> {
            try {
                reindexer.reindex((ConnectionRef ref) -> empty.contains(ref.org()), p -> { });
            } catch (IllegalStateException alreadyRunning) {
                LOG.info("a reindex is already running; it refills the indexes too");
            }
        });
        worker.start();
    }

    @Override
    public void stop() throws InterruptedException {
        if (worker != null) {
            worker.join(10_000);
        }
    }

    @Override
    public String name() {
        return "index refill";
    }
}
