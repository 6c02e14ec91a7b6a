package io.rediscover.audit;

import com.google.inject.AbstractModule;

/** The audit log of admin actions. Reading it is an org admin's right, served by {@code tenancy}. */
public final class AuditModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(AuditLog.class);
    }
}
