package io.rediscover.security;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rediscover.config.HostConfig;

/**
 * Secrets at rest: the {@link SecretBox} with the master key — given directly ({@code REDISCOVER_SECURITY_MASTER_KEY})
 * or from its file (created on first start) — and any previous keys.
 */
public final class SecurityModule extends AbstractModule {

    @Provides
    @Singleton
    SecretBox secretBox(HostConfig config) {
        HostConfig.Security security = config.security();
        MasterKey current = security.masterKey() != null
                ? MasterKey.of(java.util.Base64.getDecoder().decode(security.masterKey()))
                : MasterKey.loadOrCreate(security.masterKeyFile());
        return new SecretBox(current, security.previousKeyFiles().stream().map(MasterKey::load).toList());
    }
}
