package io.rediscover.pipeline;

import com.google.inject.AbstractModule;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.stage.Stages;
import io.rediscover.web.WebModule;

/**
 * The pipeline: drains the mirror's outbox through the ordered stages the capability modules contribute
 * ({@code stage.Stages.add}), reindex, and their status API.
 */
public final class PipelineModule extends AbstractModule {

    @Override
    protected void configure() {
        Stages.declare(binder());
        bind(StageFailures.class);
        Lifecycle.manage(binder(), Pipeline.class);
        Lifecycle.manage(binder(), IndexRefill.class);
        bind(Reindexer.class);
        WebModule.addResource(binder(), PipelineResource.class);
        WebModule.addResource(binder(), ReindexResource.class);
    }
}
