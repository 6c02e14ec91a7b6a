package io.rediscover.tenancy;

import com.google.inject.AbstractModule;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.web.WebModule;

/** Orgs, users, the first platform admin of a new installation, and reading the audit log. */
public final class TenancyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OrgStore.class);
        bind(UserStore.class);
        Lifecycle.manage(binder(), FirstAdmin.class);
        bind(OrgUsers.class);
        WebModule.addResource(binder(), OrgsResource.class);
        WebModule.addResource(binder(), UsersResource.class);
        WebModule.addResource(binder(), AuditResource.class);
    }
}
