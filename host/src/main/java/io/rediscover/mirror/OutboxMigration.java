package io.rediscover.mirror;

import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.store.Migration;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Format 1 of the outbox: a mirror written before the outbox existed (release 0.1.0) has candidates that nothing was
 * ever derived from; every live one is enqueued, so the pipeline builds what the release derives. Resumes after the last
 * record key it committed; enqueuing again is harmless (a newer version of the same entry).
 */
final class OutboxMigration implements Migration {

    static final int BATCH = 1_000;

    private final Store store;
    private final StoreMap<MirrorRecord> records;
    private final Outbox outbox;

    @Inject
    OutboxMigration(Store store, Outbox outbox) {
        this.store = store;
        this.records = store.map("mirror.records", MirrorRecord.class);
        this.outbox = outbox;
    }

    @Override
    public String map() {
        return "mirror.outbox";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "hand every candidate mirrored before the outbox existed to the pipeline";
    }

    @Override
    public void migrate(Run run) {
        String from = run.checkpoint().map(k -> k + "\0").orElse("");
        long done = 0;
        List<Map.Entry<String, MirrorRecord>> batch = new ArrayList<>(BATCH);
        try (Stream<Map.Entry<String, MirrorRecord>> all = records.scanFrom("", from)) {
            for (Map.Entry<String, MirrorRecord> e : (Iterable<Map.Entry<String, MirrorRecord>>) all::iterator) {
                batch.add(e);
                if (batch.size() == BATCH) {
                    done += commit(run, batch, done);
                }
            }
        }
        commit(run, batch, done);
    }

    private long commit(Run run, List<Map.Entry<String, MirrorRecord>> batch, long doneBefore) {
        if (batch.isEmpty()) {
            return 0;
        }
        String last = batch.get(batch.size() - 1).getKey();
        List<Map.Entry<String, MirrorRecord>> candidates = batch.stream()
                .filter(e -> e.getValue().kind() == RecordKind.CANDIDATE && e.getValue().live())
                .toList();
        long n = candidates.size();
        run.commit(b -> candidates.forEach(e -> {
            String[] parts = e.getKey().split("/", 3);
            outbox.enqueue(b, new ConnectionRef(parts[0], parts[1]), List.of(e.getValue().externalId()));
        }), last, doneBefore + n);
        batch.clear();
        return n;
    }
}
