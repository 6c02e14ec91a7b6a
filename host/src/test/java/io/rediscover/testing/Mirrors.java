package io.rediscover.testing;

import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.Outbox;
import io.rediscover.store.Sequences;
import io.rediscover.store.Store;

import java.time.Clock;

/** The mirror over a store opened by a test (outside a host), wired as the host wires it. */
public final class Mirrors {

    private Mirrors() {
    }

    /** @param store an open store @return its outbox */
    public static Outbox outbox(Store store) {
        return new Outbox(store, new Sequences(store), Clock.systemUTC());
    }

    /** @param store an open store @return the mirror over it */
    public static MirrorStore over(Store store) {
        return new MirrorStore(store, outbox(store));
    }
}
