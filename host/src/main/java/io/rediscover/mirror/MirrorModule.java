package io.rediscover.mirror;

import com.google.inject.AbstractModule;
import io.rediscover.store.Migrations;

/** The mirror of ATS records and its outbox, with the migrations of their stored formats. */
public final class MirrorModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Outbox.class);
        bind(MirrorStore.class);
        Migrations.add(binder(), OutboxMigration.class);
    }
}
