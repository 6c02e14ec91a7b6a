package io.rediscover.index;

import com.google.inject.AbstractModule;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.stage.Stages;

/** The search indexes, the pipeline stage that writes the candidates', and the indexer of the public profiles. */
public final class IndexModule extends AbstractModule {
    @Override
    protected void configure() {
        Lifecycle.manage(binder(), Indexes.class);
        Stages.add(binder(), IndexStage.class);
        Lifecycle.manage(binder(), ProfileIndexer.class);
    }
}
