package io.rediscover.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    private final List<String> events = new ArrayList<>();

    private Managed service(String name, boolean failOnStart) {
        return new Managed() {
            @Override
            public void start() {
                if (failOnStart) {
                    throw new IllegalStateException(name + " cannot start");
                }
                events.add("start " + name);
            }

            @Override
            public void stop() {
                events.add("stop " + name);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    @Test
    void startsInOrderAndStopsInReverseOnce() throws Exception {
        Lifecycle lifecycle = new Lifecycle(new LinkedHashSet<>(List.of(service("store", false), service("plugins", false),
                service("web", false))));
        lifecycle.start();
        lifecycle.stop();
        lifecycle.stop();
        assertThat(events).containsExactly("start store", "start plugins", "start web", "stop web", "stop plugins", "stop store");
    }

    @Test
    void aFailedStartStopsWhatStartedAndRethrows() {
        Lifecycle lifecycle = new Lifecycle(new LinkedHashSet<>(List.of(service("store", false), service("plugins", true),
                service("web", false))));
        assertThatThrownBy(lifecycle::start).hasMessageContaining("plugins cannot start");
        assertThat(events).containsExactly("start store", "stop store");
    }
}
