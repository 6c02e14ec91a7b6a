package io.rediscover.icims;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests made to iCIMS in one run, by endpoint, so progress can show what a run costs, and those that count against
 * the daily quota, so the run can plan its budget.
 */
final class RequestCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder quota = new LongAdder();

    void count(String endpoint) {
        counts.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
    }

    /** Counts a request that left and counts against iCIMS's daily quota (what the host's budget counts too). */
    void countQuota() {
        quota.increment();
    }

    /** @return requests of this run that counted against iCIMS's daily quota */
    long quotaRequests() {
        return quota.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
