package io.rediscover.testing;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import io.rediscover.Host;
import io.rediscover.mirror.Outbox;
import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A pipeline stage for tests: remembers which candidates reached it, in which order of stages. */
public class RecordingStage implements PipelineStage {

    private final String name;
    private final int order;
    private final Set<String> heard = ConcurrentHashMap.newKeySet();
    private final List<PipelineItem> items = new CopyOnWriteArrayList<>();

    /** @param name the stage's name @param order its position */
    public RecordingStage(String name, int order) {
        this.name = name;
        this.order = order;
    }

    /** @param stages stages to install @return a module that adds them to the pipeline */
    public static Module module(PipelineStage... stages) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<PipelineStage> set = Multibinder.newSetBinder(binder(), PipelineStage.class);
                for (PipelineStage s : stages) {
                    set.addBinding().toInstance(s);
                }
            }
        };
    }

    /**
     * Waits until the pipeline has drained every candidate waiting in the outbox.
     *
     * @param host a running host
     * @throws InterruptedException when interrupted
     */
    public static void awaitDrained(Host host) throws InterruptedException {
        Outbox outbox = host.injector().getInstance(Outbox.class);
        ApiFixture.await("the pipeline to drain the outbox", () -> outbox.size() == 0);
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
    public void process(List<PipelineItem> batch, Results results) throws Exception {
        batch.forEach(i -> heard.add(i.candidateId()));
        items.addAll(batch);
    }

    /** @return the candidate ids that reached this stage */
    public Set<String> heard() {
        return heard;
    }

    /** @return every item, in arrival order */
    public List<PipelineItem> items() {
        return items;
    }

    /** Forgets what it heard. */
    public void clear() {
        heard.clear();
        items.clear();
    }
}
