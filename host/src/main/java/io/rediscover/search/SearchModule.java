package io.rediscover.search;

import com.google.inject.AbstractModule;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.web.WebModule;

/** Search: the Boolean language, the search service over the indexes, and {@code POST /api/search}. */
public final class SearchModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SearchService.class);
        Lifecycle.manage(binder(), OfferedFiltersWarmup.class);
        WebModule.addResource(binder(), SearchResource.class);
    }
}
