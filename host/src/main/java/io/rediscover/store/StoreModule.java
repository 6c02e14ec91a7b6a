package io.rediscover.store;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.rediscover.health.HealthModule;
import io.rediscover.lifecycle.Lifecycle;

/**
 * Storage: the data directory first (it also fixes the JVM's temp directory), then the MVStore system of record, its
 * watch (free-space guard, recovery), the migrations that bring stored maps to this release's formats, then the MapDB
 * working sets.
 */
public final class StoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Lifecycle.manage(binder(), DataDirectory.class);
        Lifecycle.manage(binder(), Store.class);
        Lifecycle.manage(binder(), StoreWatch.class);
        Multibinder.newSetBinder(binder(), Migration.class);
        Lifecycle.manage(binder(), Migrations.class);
        bind(Sequences.class);
        Lifecycle.manage(binder(), WorkingSets.class);
        HealthModule.addCheck(binder(), StoreHealth.class);
    }
}
