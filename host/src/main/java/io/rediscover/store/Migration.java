package io.rediscover.store;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * One step that brings a stored map from format {@code version() - 1} to {@link #version()}, run once at start-up by
 * {@link Migrations} before anything reads the map. Stored data outlives the code: a release that changes what a map
 * holds ships the step that converts yesterday's data, instead of hoping nobody has any.
 *
 * <p>A step must be <em>resumable</em> (a crash or a stop in the middle continues from its last checkpoint at the next
 * start) and <em>idempotent</em> (redoing work done before the checkpoint changes nothing), and must work in bounded
 * memory (commit in batches through {@link Run#commit}).
 */
public interface Migration {

    /** @return the map whose format this step changes, e.g. {@code mirror.outbox} */
    String map();

    /** @return the format version the map has after this step (1 for the first) */
    int version();

    /** @return what the step does, for the log */
    String description();

    /**
     * Runs the step, from {@link Run#checkpoint()} when a previous attempt was cut short.
     *
     * @param run the step's checkpoint and commits
     */
    void migrate(Run run);

    /** What a running step can do. */
    interface Run {
        /** @return where a previous attempt stopped, or empty on the first attempt */
        Optional<String> checkpoint();

        /**
         * Commits writes and the new checkpoint together, so a crash resumes exactly after them.
         *
         * @param writes     the batch's writes
         * @param checkpoint where to resume after this batch
         * @param done       how many items the step has handled so far, for the progress log
         */
        void commit(Consumer<Store.Batch> writes, String checkpoint, long done);
    }
}
