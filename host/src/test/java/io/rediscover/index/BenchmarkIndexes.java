package io.rediscover.index;

import io.indextables.tantivy4java.split.SplitCacheManager;
import io.rediscover.config.HostConfig;

import java.nio.file.Path;

/**
 * For the search benchmark: an org's collection opened outside the pipeline, sharded and cached as the host does it for
 * a given number of candidates, so that a million generated documents can be written straight into it.
 */
public final class BenchmarkIndexes {

    private BenchmarkIndexes() {
    }

    /**
     * @param dir        the collection's directory
     * @param fields     the host's fields ({@link Indexes#fields()})
     * @param candidates how many documents it is opened for (the host sizes a new org's collection by its mirror)
     * @param config     the host's {@code index.*}
     * @param cache      a split cache sized like the host's ({@link #cache})
     * @return the collection
     */
    public static OrgIndex open(Path dir, CandidateFields fields, long candidates, HostConfig.Index config,
                                SplitCacheManager cache) {
        return new OrgIndex(dir, "benchmark", fields, shards(candidates, config), cache);
    }

    /** @param candidates how many documents @param config the host's {@code index.*} @return shards the host gives them */
    public static int shards(long candidates, HostConfig.Index config) {
        return Indexes.shardsFor(candidates, config.maxShardDocuments());
    }

    /** @param config the host's {@code index.*} @return a split cache of the host's size */
    public static SplitCacheManager cache(HostConfig.Index config) {
        return SplitCacheManager.getInstance(new SplitCacheManager.CacheConfig("benchmark-" + System.nanoTime())
                .withMaxCacheSize(config.cacheMegabytes() * 1024L * 1024L));
    }

    /** @param index a collection whose recent changes are published now, as such (no fold) */
    public static void publishRecent(OrgIndex index) {
        index.publishDue(System.currentTimeMillis(), 0);
    }

    /**
     * @param index a collection: every shard with changes is published now (a failed publication is tried again, as the
     *              host's publisher does, so that the benchmark never searches a partial collection), then folded as
     *              the publisher folds it once writes pause (a whole split of one segment)
     */
    public static void publish(OrgIndex index) {
        while (index.oldestUnpublished().isPresent()) {
            index.publishDue(Long.MAX_VALUE, 0);
        }
        index.publishDue(Long.MAX_VALUE, 0);
        index.awaitFolds();
    }
}
