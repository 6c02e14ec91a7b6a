package io.rediscover.lifecycle;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Starts the host's {@link Managed} services in the order their modules bound them and stops them in reverse. A
 * failed start stops what was already started, then rethrows.
 */
public final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Set<Managed> services;
    private final Deque<Managed> started = new ArrayDeque<>();

    /** @param services every managed service, in binding order (Guice's multibinder keeps it) */
    @Inject
    public Lifecycle(Set<Managed> services) {
        this.services = services;
    }

    /**
     * Registers a service to be started and stopped with the host. Call from a module's {@code configure()}; the
     * service is bound as a singleton of its class, so others can inject it too.
     *
     * @param binder  the module's binder
     * @param service the service class
     */
    public static void manage(Binder binder, Class<? extends Managed> service) {
        binder.bind(service).in(com.google.inject.Singleton.class);
        Multibinder.newSetBinder(binder, Managed.class).addBinding().to(service);
    }

    /**
     * Starts every service in order.
     *
     * @throws Exception the first failure, after stopping what had started
     */
    public synchronized void start() throws Exception {
        for (Managed service : services) {
            long t0 = System.nanoTime();
            try {
                service.start();
            } catch (Exception | Error e) {
                LOG.error("{} failed to start; stopping what started", service.name());
                stop();
                throw e;
            }
            started.push(service);
            LOG.info("started {} in {} ms", service.name(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Stops the started services in reverse order; a failure is logged and the others still stop. Idempotent. */
    public synchronized void stop() {
        while (!started.isEmpty()) {
            Managed service = started.pop();
            try {
                service.stop();
                LOG.info("stopped {}", service.name());
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly", service.name(), e);
            }
        }
    }
}
