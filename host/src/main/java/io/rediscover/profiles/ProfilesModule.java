package io.rediscover.profiles;

import com.google.inject.AbstractModule;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.web.WebModule;

/** The public-profile corpus: its store and blocking index, the re-matching journal, imports and their API. */
public final class ProfilesModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ProfileStore.class);
        bind(ProfileChanges.class);
        bind(ProfileImporter.class);
        Lifecycle.manage(binder(), ProfileImports.class);
        WebModule.addLargeBody(binder(), ImportUploadLimit.class);
        WebModule.addResource(binder(), ProfileImportsResource.class);
        WebModule.addResource(binder(), ProfilesResource.class);
    }
}
