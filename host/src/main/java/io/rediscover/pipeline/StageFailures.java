package io.rediscover.pipeline;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.stage.PipelineItem;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The candidates a stage could not process, per connection, with the reason: kept until a later version of the same
 * candidate passes that stage, shown in the connection's sync status and the pipeline status.
 */
@Singleton
public final class StageFailures {

    private final Store store;
    private final StoreMap<StageFailure> failures;

    /** @param store the system of record */
    @Inject
    public StageFailures(Store store) {
        this.store = store;
        this.failures = store.map("pipeline.failures", StageFailure.class);
    }

    /**
     * @param stage       the stage's name
     * @param candidateId the candidate
     * @param version     the version that failed
     * @param reason      why
     * @param at          when
     */
    public record StageFailure(String stage, String candidateId, long version, String reason, Instant at) {
    }

    private static String key(PipelineItem item, String stage) {
        return item.ref().key(stage, item.candidateId());
    }

    void record(Store.Batch b, PipelineItem item, String stage, String reason, Instant at) {
        b.put(failures, key(item, stage), new StageFailure(stage, item.candidateId(), item.version(), reason, at));
    }

    void clear(Store.Batch b, PipelineItem item, String stage) {
        b.compute(failures, key(item, stage), f -> null);
    }

    /** @param ref a connection @return how many of its candidates a stage failed on */
    public long count(ConnectionRef ref) {
        return failures.count(ref.prefix());
    }

    /** @param ref a connection @param limit how many @return some of its failures, by stage and candidate */
    public List<StageFailure> list(ConnectionRef ref, int limit) {
        try (Stream<Map.Entry<String, StageFailure>> s = failures.scan(ref.prefix())) {
            return s.limit(limit).map(Map.Entry::getValue).toList();
        }
    }

    void discard(ConnectionRef ref, int batchSize) {
        store.removeAll(failures, ref.prefix(), batchSize);
    }
}
