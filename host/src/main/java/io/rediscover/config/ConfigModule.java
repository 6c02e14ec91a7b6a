package io.rediscover.config;

import com.google.inject.AbstractModule;

import java.time.Clock;

/**
 * Binds the validated {@link HostConfig} and the host's {@link Clock}; every capability takes what it needs from them by
 * constructor.
 */
public final class ConfigModule extends AbstractModule {

    private final HostConfig config;
    private final Clock clock;

    /**
     * @param config the loaded configuration
     * @param clock  the one clock of the host: every time decision asks it, so a test moves one clock for all
     */
    public ConfigModule(HostConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(HostConfig.class).toInstance(config);
        bind(Clock.class).toInstance(clock);
    }
}
