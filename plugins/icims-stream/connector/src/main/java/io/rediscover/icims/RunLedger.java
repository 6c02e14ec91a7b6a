package io.rediscover.icims;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one run remembers for the state it leaves: the ids it could not read (read again by the next run), the ids it
 * read whose update time falls inside the next run's overlap window, and whether any read failed (then the watermark
 * stays where it was, C4). Safe for the concurrent reads of one run.
 */
final class RunLedger {

    private final long recentSince;
    private final Map<IcimsType, TreeSet<Long>> recent = new EnumMap<>(IcimsType.class);
    private final Map<IcimsType, TreeSet<Long>> unread = new EnumMap<>(IcimsType.class);
    private boolean anyFailed;

    /** @param recentSince records updated at or after this (epoch ms) count as recent */
    RunLedger(long recentSince) {
        this.recentSince = recentSince;
    }

    synchronized void read(IcimsType type, long id, Instant updatedAt) {
        if (updatedAt.toEpochMilli() >= recentSince) {
            recent.computeIfAbsent(type, t -> new TreeSet<>()).add(id);
        }
    }

    synchronized void unread(IcimsType type, long id) {
        anyFailed = true;
        unread.computeIfAbsent(type, t -> new TreeSet<>()).add(id);
    }

    /** Carries ids an earlier run could not read, keyed by URL segment; types this version does not know are dropped. */
    synchronized void carry(Map<String, List<Long>> retry) {
        retry.forEach((segment, ids) -> {
            IcimsType type = IcimsType.ofSegment(segment);
            if (type != null) {
                unread.computeIfAbsent(type, t -> new TreeSet<>()).addAll(ids);
            }
        });
    }

    synchronized boolean anyFailed() {
        return anyFailed;
    }

    synchronized Map<String, List<Long>> unreadIds() {
        return bySegment(unread);
    }

    synchronized Map<String, List<Long>> recentIds() {
        return bySegment(recent);
    }

    private static Map<String, List<Long>> bySegment(Map<IcimsType, TreeSet<Long>> ids) {
        Map<String, List<Long>> out = new HashMap<>();
        ids.forEach((t, set) -> out.put(t.segment, List.copyOf(set)));
        return out;
    }
}
