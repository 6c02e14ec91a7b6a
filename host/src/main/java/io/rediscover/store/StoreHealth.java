package io.rediscover.store;

import io.rediscover.health.HealthCheck;
import jakarta.inject.Inject;

/** Health: the store file is open. */
final class StoreHealth implements HealthCheck {

    private final Store store;
    private final StoreWatch watch;

    @Inject
    StoreHealth(Store store, StoreWatch watch) {
        this.store = store;
        this.watch = watch;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public Status check() {
        if (store.unavailable().isPresent()) {
            return new Status(false, store.unavailable().get().getMessage());
        }
        if (!store.isOpen()) {
            return new Status(false, "closed");
        }
        return new Status(true, "open: " + store.file(), watch.pauseReason().orElse(null));
    }
}
