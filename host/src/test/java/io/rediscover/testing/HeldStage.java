package io.rediscover.testing;

import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;

import java.util.List;

/**
 * A pipeline stage for tests that runs first and, while held, answers "not now" — as a stage does when its own
 * dependency is down — so that every candidate waits in the outbox, unindexed, until it is released.
 */
public final class HeldStage implements PipelineStage {

    private volatile boolean held = true;

    @Override
    public String name() {
        return "held";
    }

    @Override
    public int order() {
        return TEXT - 1;
    }

    @Override
    public void process(List<PipelineItem> batch, Results results) throws Unavailable {
        if (held) {
            throw new Unavailable("held by the test");
        }
    }

    /** Lets candidates through from now on. */
    public void release() {
        held = false;
    }
}
