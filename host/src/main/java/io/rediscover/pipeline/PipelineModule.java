package io.rediscover.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.web.WebModule;

/**
 * The pipeline: drains the mirror's outbox through the ordered stages the capability modules contribute
 * ({@link #addStage}), reindex, and their status API.
 */
public final class PipelineModule extends AbstractModule {

    /**
     * Contributes a stage. Call from a capability module's {@code configure()}; its {@link PipelineStage#order()} places
     * it.
     *
     * @param binder the module's binder
     * @param stage  the stage class; Guice builds it as a singleton
     */
    public static void addStage(Binder binder, Class<? extends PipelineStage> stage) {
        Multibinder.newSetBinder(binder, PipelineStage.class).addBinding().to(stage);
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), PipelineStage.class);
        bind(StageFailures.class);
        Lifecycle.manage(binder(), Pipeline.class);
        bind(Reindexer.class);
        WebModule.addResource(binder(), PipelineResource.class);
        WebModule.addResource(binder(), ReindexResource.class);
    }
}
