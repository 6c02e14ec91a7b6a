package io.rediscover.auth;

import com.google.inject.AbstractModule;
import io.rediscover.tenancy.UserAccess;
import io.rediscover.web.Public;
import io.rediscover.web.WebModule;

/** Sign-in: sessions, API tokens, and the filter that makes every API method private unless marked {@link Public}. */
public final class AuthModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SessionStore.class);
        bind(ApiTokenStore.class);
        bind(Authentication.class);
        bind(UserAccess.class).to(EndUserAccess.class);
        WebModule.addFilter(binder(), Authentication.class);
        WebModule.addResource(binder(), SessionResource.class);
        WebModule.addResource(binder(), TokensResource.class);
    }
}
