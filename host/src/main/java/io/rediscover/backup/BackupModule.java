package io.rediscover.backup;

import com.google.inject.AbstractModule;
import io.rediscover.web.WebModule;

/** Online backup: {@code POST /api/admin/backup} streams a consistent copy of the store. */
public final class BackupModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OnlineBackup.class);
        WebModule.addResource(binder(), BackupResource.class);
    }
}
