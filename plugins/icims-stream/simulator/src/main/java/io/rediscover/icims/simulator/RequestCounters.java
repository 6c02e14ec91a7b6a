package io.rediscover.icims.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests reached each endpoint, faulted or not, so tests can assert e.g. "one token per
 * expires_in" (C3) or "no more than N GETs". Keys are the endpoint name ({@code TOKEN}, {@code SEARCH}…)
 * and a detail key ({@code SEARCH:people}, {@code GET:applicantworkflows}…).
 */
public final class RequestCounters {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void record(Endpoint endpoint, String detail) {
        counts.computeIfAbsent(endpoint.name(), k -> new AtomicLong()).incrementAndGet();
        if (detail != null) {
            counts.computeIfAbsent(endpoint.name() + ":" + detail, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Requests to an endpoint group since start or the last reset. */
    public long count(Endpoint endpoint) {
        return count(endpoint.name());
    }

    /** Requests under a key such as {@code SEARCH:people}. */
    public long count(String key) {
        AtomicLong c = counts.get(key);
        return c == null ? 0 : c.get();
    }

    /** All counters, sorted by key. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void reset() {
        counts.clear();
    }
}
