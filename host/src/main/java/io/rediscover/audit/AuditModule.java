package io.rediscover.audit;

import com.google.inject.AbstractModule;
import io.rediscover.web.WebModule;

/** The audit log of admin actions, and reading it. */
public final class AuditModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(AuditLog.class);
        WebModule.addResource(binder(), AuditResource.class);
    }
}
