package io.rediscover.icims;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests made to iCIMS in one run, by endpoint, so progress can show what a run costs against the daily budget. */
final class RequestCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String endpoint) {
        counts.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
