package io.rediscover.index;

import io.indextables.tantivy4java.split.SplitCacheManager;
import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.FilterField;
import io.rediscover.pluginapi.FilterKind;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.store.DataDirectory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every search collection of the installation: one {@link OrgIndex} per org for its ATS candidates (under
 * {@code data/index/orgs/<org>}) and one for the public profiles ({@code data/index/profiles}), opened on first use and
 * published in the background: a shard with changes is published (a new split) at once, but at most once every
 * {@code index.publishSeconds}, so a lone change is searchable within a second or two and a burst of writes costs one
 * publication every few seconds. Collections created empty at open (new, or rebuilt for changed fields) are reported
 * through {@link #takeCreated()} so that the pipeline refills them from the mirror.
 */
@Singleton
public final class Indexes implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Indexes.class);
    /** The name of the public-profile collection among {@link #takeCreated()}. */
    public static final String PROFILES = "_profiles";

    private final Path root;
    private final ConnectorRegistry connectors;
    private final MirrorStore mirror;
    private final HostConfig.Index config;
    private final Clock clock;
    private final Map<String, OrgIndex> open = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private volatile CandidateFields fields;
    private SplitCacheManager cache;
    private ScheduledExecutorService publisher;

    /**
     * @param data       the data directory
     * @param connectors the installed connectors, whose filters become index fields
     * @param mirror     sizes a new org's collection
     * @param config     {@code index.*}
     * @param clock      the host's clock
     */
    @Inject
    public Indexes(DataDirectory data, ConnectorRegistry connectors, MirrorStore mirror, HostConfig config, Clock clock) {
        this.root = data.resolve("index");
        this.connectors = connectors;
        this.mirror = mirror;
        this.config = config.index();
        this.clock = clock;
    }

    @Override
    public void start() {
        Set<String> terms = new TreeSet<>();
        Set<String> dates = new TreeSet<>();
        for (LoadedConnector c : connectors.connectors()) {
            for (FilterField f : c.descriptor().filters()) {
                (f.kind() == FilterKind.DATE_RANGE ? dates : terms).add(f.key());
            }
        }
        fields = new CandidateFields(terms, dates);
        cache = SplitCacheManager.getInstance(new SplitCacheManager.CacheConfig("rediscover-" + System.identityHashCode(this))
                .withMaxCacheSize(config.cacheMegabytes() * 1024L * 1024L));
        publisher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("index-publisher"));
        publisher.scheduleWithFixedDelay(this::publishDue, 250, 250, TimeUnit.MILLISECONDS);
        String searchThreads = System.getenv("RAYON_NUM_THREADS");
        LOG.info("index: split searches run on {}", searchThreads == null
                ? "one thread per core (RAYON_NUM_THREADS is not set; the launcher sets 4 per core, so that searches made"
                  + " at the same time do not queue behind each other)"
                : searchThreads + " threads (RAYON_NUM_THREADS)");
    }

    @Override
    public void stop() throws InterruptedException {
        DaemonThreads.stopNow(publisher, 30);
        open.values().forEach(OrgIndex::close);
        open.clear();
        if (cache != null) {
            cache.close();
        }
    }

    @Override
    public String name() {
        return "indexes";
    }

    /** @return the fields of every collection (the connectors' filters included) */
    public CandidateFields fields() {
        return fields;
    }

    /**
     * @param org an org
     * @return its candidate collection, opened (and created when new)
     */
    public OrgIndex candidates(String org) {
        return open.computeIfAbsent(org, o -> {
            OrgIndex index = new OrgIndex(root.resolve("orgs").resolve(o), "org " + o, fields,
                    shardsFor(mirror.liveCandidates(o), config.maxShardDocuments()), cache);
            if (index.created()) {
                created.add(o);
            }
            return index;
        });
    }

    /**
     * @param candidates        how many candidates a new collection starts with
     * @param maxShardDocuments {@code index.maxShardDocuments}
     * @return how many shards it gets: room for half as many again before a shard passes its size
     */
    static int shardsFor(long candidates, long maxShardDocuments) {
        return (int) Math.ceil(Math.max(1, candidates) * 1.5 / maxShardDocuments);
    }

    /** @return the public-profile collection */
    public OrgIndex profiles() {
        return open.computeIfAbsent(PROFILES, p -> {
            OrgIndex index = new OrgIndex(root.resolve("profiles"), "public profiles", fields,
                    config.profileShards(), cache);
            if (index.created()) {
                created.add(PROFILES);
            }
            return index;
        });
    }

    /** @return the collections created empty since the last call (org ids, or {@link #PROFILES}), which need filling */
    public Set<String> takeCreated() {
        Set<String> out = new TreeSet<>(created);
        created.removeAll(out);
        return out;
    }

    /** @return how long the oldest unpublished change has waited, over every collection, if any */
    public Optional<Long> publishLagMillis() {
        long now = clock.millis();
        return open.values().stream().map(OrgIndex::oldestUnpublished).flatMap(Optional::stream).min(Long::compare)
                .map(t -> now - t);
    }

    private void publishDue() {
        long now = System.currentTimeMillis();
        for (OrgIndex index : open.values()) {
            try {
                index.publishDue(now, config.publishSeconds() * 1000L);
            } catch (RuntimeException e) {
                LOG.error("publishing {} failed; tried again shortly", index.name(), e);
            }
        }
    }

    /** @return the collections opened so far (the public profiles' among them once used) */
    public Collection<OrgIndex> collections() {
        return List.copyOf(open.values());
    }

    /** Publishes every collection's changes now (a rebuild's end; tests). */
    public void publishNow() {
        open.values().forEach(i -> i.publishDue(Long.MAX_VALUE, 0));
    }
}
