package io.rediscover.audit;

import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The audit log, in the store, per org ({@value #INSTALLATION} for events about the installation itself). Keys count
 * down in time, so a scan of an org's prefix reads the newest first.
 */
@Singleton
public final class AuditLog {

    /** The scope of events that concern no org. */
    public static final String INSTALLATION = "_installation";

    private final Store store;
    private final StoreMap<AuditEvent> events;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    /** @param store the system of record */
    @Inject
    public AuditLog(Store store, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.events = store.map("audit.events", AuditEvent.class);
    }

    /**
     * @param actor   who acted
     * @param org     the org concerned, or null for the installation
     * @param action  what
     * @param target  to what
     * @param details more; never secrets
     */
    public void record(Actor actor, String org, String action, String target, Map<String, String> details) {
        Instant now = clock.instant();
        AuditEvent e = new AuditEvent(now, org, actor.id(), actor.email(),
                action, target, details);
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        // Newest first in key order; the sequence keeps two events of one microsecond apart.
        String key = scope(org) + String.format("%019d-%09d", Long.MAX_VALUE - micros, 999_999_999 - sequence.incrementAndGet() % 1_000_000_000);
        store.write(b -> b.put(events, key, e));
    }

    private static String scope(String org) {
        return (org == null ? INSTALLATION : org) + "/";
    }

    /**
     * @param org   an org, or null for the installation's own events
     * @param limit how many
     * @return its newest events, newest first
     */
    public List<AuditEvent> latest(String org, int limit) {
        try (Stream<Map.Entry<String, AuditEvent>> s = events.scan(scope(org))) {
            return s.limit(limit).map(Map.Entry::getValue).toList();
        }
    }
}
