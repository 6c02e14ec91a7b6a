package io.rediscover.matching;

import com.google.inject.AbstractModule;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.stage.Stages;

/** Identity matching: the cascade, the stored matches, the pipeline's match stage and re-matching on profile changes. */
public final class MatchingModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Matcher.class);
        bind(Matches.class);
        Stages.add(binder(), MatchStage.class);
        Lifecycle.manage(binder(), Rematcher.class);
    }
}
