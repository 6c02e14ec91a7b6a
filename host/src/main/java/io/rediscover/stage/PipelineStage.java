package io.rediscover.stage;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.store.Store;

import java.util.List;
import java.util.function.Consumer;

/**
 * One named step of the pipeline (text extraction, matching, indexing), run in {@link #order()} on batches of
 * candidates that changed in the mirror. A stage reads what it needs (the mirror, the corpus) and derives its own
 * data; the pipeline commits what the stage wrote through {@link Results#write} together with the mark that the stage
 * is done with those items, so a stage is run at most once per (candidate, version) for everything it keeps in the
 * store, and whatever it keeps outside (an index) must be idempotent by candidate: a crash may repeat a batch there.
 */
public interface PipelineStage {

    /** Where text extraction sits. */
    int TEXT = 100;
    /** Where matching sits. */
    int MATCH = 200;
    /** Where indexing sits. */
    int INDEX = 300;

    /** @return a short stable name, e.g. {@code text} */
    String name();

    /** @return the position among the stages; lower runs first */
    int order();

    /**
     * Processes a batch. Throwing fails the batch, which the pipeline then retries item by item to find the one that
     * fails; throwing {@link Unavailable} means "not now" (the stage's own dependency is down) and leaves every item
     * waiting.
     *
     * @param items   candidates, each with the version to process (a deleted candidate arrives too: drop its data)
     * @param results failures and writes
     * @throws Exception when the batch fails
     */
    void process(List<PipelineItem> items, Results results) throws Exception;

    /**
     * A connection is being removed: drop everything derived from it. Called with no batch in flight.
     *
     * @param ref the connection
     */
    default void dropConnection(ConnectionRef ref) {
    }

    /**
     * A reindex begins: every candidate comes through again and everything derived is to be derived afresh, so forget
     * what would short-cut that (such as data kept by content hash). Called before the first candidate is enqueued.
     */
    default void reindexing() {
    }

    /** What a stage reports about a batch. */
    interface Results {
        /**
         * The stage could not process one item (a corrupt resume): recorded with the reason, visible per connection;
         * the item goes on to the next stage.
         *
         * @param item   the item
         * @param reason why, for admins (never secrets)
         */
        void failed(PipelineItem item, String reason);

        /** @param writes store writes to commit together with the stage's progress */
        void write(Consumer<Store.Batch> writes);
    }

    /** The stage's own dependency is down: the pipeline waits and tries the batch again later. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param reason what is down and what to do */
        public Unavailable(String reason) {
            super(reason);
        }
    }
}
