package io.rediscover.store;

import com.google.inject.AbstractModule;
import io.rediscover.health.HealthModule;
import io.rediscover.lifecycle.Lifecycle;

/**
 * Storage: the data directory first (it also fixes the JVM's temp directory), then the MVStore system of record, then
 * the MapDB working sets.
 */
public final class StoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Lifecycle.manage(binder(), DataDirectory.class);
        Lifecycle.manage(binder(), Store.class);
        Lifecycle.manage(binder(), WorkingSets.class);
        HealthModule.addCheck(binder(), StoreHealth.class);
    }
}
