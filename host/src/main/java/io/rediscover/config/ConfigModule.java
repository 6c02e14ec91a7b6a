package io.rediscover.config;

import com.google.inject.AbstractModule;

/** Binds the validated {@link HostConfig}; every capability takes what it needs from it by constructor. */
public final class ConfigModule extends AbstractModule {

    private final HostConfig config;

    /** @param config the loaded configuration */
    public ConfigModule(HostConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(HostConfig.class).toInstance(config);
    }
}
