package io.rediscover.sync;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.rediscover.mirror.MirrorListener;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.mirror.MirrorStore;

/**
 * Sync and the mirror it writes: the mirror store, the run history, the runner, the scheduler, and the set of
 * listeners that hear about changed candidates (matching and indexing plug in there).
 */
public final class SyncModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MirrorStore.class);
        bind(RunHistory.class);
        bind(SyncRunner.class);
        bind(Reindexer.class);
        Multibinder.newSetBinder(binder(), MirrorListener.class);
        Lifecycle.manage(binder(), SyncScheduler.class);
    }
}
