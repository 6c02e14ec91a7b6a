package io.rediscover.store;

import io.rediscover.health.HealthCheck;
import jakarta.inject.Inject;

/** Health: the store file is open. */
final class StoreHealth implements HealthCheck {

    private final Store store;

    @Inject
    StoreHealth(Store store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public Status check() {
        return store.isOpen() ? new Status(true, "open: " + store.file()) : new Status(false, "closed");
    }
}
