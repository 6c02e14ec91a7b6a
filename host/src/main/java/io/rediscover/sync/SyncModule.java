package io.rediscover.sync;

import com.google.inject.AbstractModule;
import io.rediscover.lifecycle.Lifecycle;

/** Sync: the run history, the runner that feeds the mirror, and the scheduler. */
public final class SyncModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(RunHistory.class);
        bind(BacklogGate.class);
        bind(SyncMeters.class);
        bind(SyncRunner.class);
        Lifecycle.manage(binder(), SyncScheduler.class);
    }
}
