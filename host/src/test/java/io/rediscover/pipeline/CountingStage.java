package io.rediscover.pipeline;

import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;

import java.util.List;

/**
 * A stage that counts, in the store and in the same commit as the pipeline's mark, how often it processed each
 * (candidate, version): the proof of "exactly once per version" across kill -9s. Optionally slow, so the pipeline lags
 * behind a sync and kills land in every phase.
 */
final class CountingStage implements PipelineStage {

    static final String MAP = "test.stage-counts";

    private final String name;
    private final int order;
    private final StoreMap<Long> counts;
    private final long millisPerItem;

    CountingStage(Store store, String name, int order, long millisPerItem) {
        this.name = name;
        this.order = order;
        this.counts = store.map(MAP, Long.class);
        this.millisPerItem = millisPerItem;
    }

    /** @return the count key of an item at this stage */
    static String key(String stage, PipelineItem item) {
        return stage + "/" + item.ref().key(item.candidateId(), String.format("%019d", item.version()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public void process(List<PipelineItem> items, Results results) throws InterruptedException {
        Thread.sleep(millisPerItem * items.size());
        results.write(b -> items.forEach(i -> b.compute(counts, key(name, i), n -> n == null ? 1L : n + 1)));
    }
}
