package io.rediscover.health;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import io.rediscover.web.WebModule;

/** The health endpoint and the set of checks capability modules contribute to it. */
public final class HealthModule extends AbstractModule {

    /**
     * @param binder the contributing module's binder
     * @param check  the check class, built by Guice
     */
    public static void addCheck(Binder binder, Class<? extends HealthCheck> check) {
        Multibinder.newSetBinder(binder, HealthCheck.class).addBinding().to(check);
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HealthCheck.class);
        WebModule.addResource(binder(), HealthResource.class);
    }
}
