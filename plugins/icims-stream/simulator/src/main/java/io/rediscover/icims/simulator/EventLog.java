package io.rediscover.icims.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only log of every change made to the tenant after start-up: the source of the data-stream
 * events. The initially generated data is treated as older than the stream's retention, so the log starts
 * empty [ASSUME].
 */
public final class EventLog {
    private final List<ChangeEvent> events = new ArrayList<>();

    synchronized ChangeEvent append(ProfileType type, long id, ChangeEvent.Type eventType, Instant at, Long mergedInto) {
        ChangeEvent event = new ChangeEvent(events.size() + 1L, type, id, eventType, at, mergedInto);
        events.add(event);
        return event;
    }

    /** Up to {@code limit} events whose sequence is greater than {@code afterSequence}, oldest first. */
    public synchronized List<ChangeEvent> after(long afterSequence, int limit) {
        int from = (int) Math.max(0, Math.min(afterSequence, events.size()));
        int to = Math.min(events.size(), from + limit);
        return List.copyOf(events.subList(from, to));
    }

    /** All events so far. */
    public synchronized List<ChangeEvent> all() {
        return List.copyOf(events);
    }

    public synchronized int size() {
        return events.size();
    }
}
