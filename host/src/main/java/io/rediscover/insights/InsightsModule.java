package io.rediscover.insights;

import com.google.inject.AbstractModule;
import io.rediscover.web.WebModule;

/** Insights: aggregations over a search's result set, {@code POST /api/insights}, the XLSX export and the print view. */
public final class InsightsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(InsightsService.class);
        WebModule.addResource(binder(), InsightsResource.class);
        WebModule.addPage(binder(), "/insights/print");
    }
}
