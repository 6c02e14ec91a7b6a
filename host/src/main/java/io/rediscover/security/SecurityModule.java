package io.rediscover.security;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rediscover.config.HostConfig;

/** Secrets at rest: the {@link SecretBox} with the master key (created on first start) and any previous keys. */
public final class SecurityModule extends AbstractModule {

    @Provides
    @Singleton
    SecretBox secretBox(HostConfig config) {
        HostConfig.Security security = config.security();
        return new SecretBox(MasterKey.loadOrCreate(security.masterKeyFile()),
                security.previousKeyFiles().stream().map(MasterKey::loadOrCreate).toList());
    }
}
