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
    private final Map<IcimsType, TreeSet<Long>> gone = new EnumMap<>(IcimsType.class);
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

    /**
     * Carries what an earlier run left for the next change scan when this run has none: the ids it could not read, and
     * those it read inside the next scan's overlap. Keyed by URL segment; types this version does not know are dropped.
     */
    synchronized void carry(Map<String, List<Long>> retry, Map<String, List<Long>> recentlyRead) {
        addAll(unread, retry);
        addAll(recent, recentlyRead);
    }

    /**
     * Notes a record iCIMS said is gone or no longer visible, though a search listed it (a stale search cache), so this
     * run does not read it again.
     */
    synchronized void gone(IcimsType type, long id) {
        gone.computeIfAbsent(type, t -> new TreeSet<>()).add(id);
    }

    /**
     * @return whether this run should not read {@code id} of {@code type} again: it could not be read (the next change
     *         scan tries again), or it is gone or hidden
     */
    synchronized boolean settled(IcimsType type, long id) {
        return unread.getOrDefault(type, new TreeSet<>()).contains(id) || gone.getOrDefault(type, new TreeSet<>()).contains(id);
    }

    private static void addAll(Map<IcimsType, TreeSet<Long>> into, Map<String, List<Long>> ids) {
        ids.forEach((segment, list) -> {
            IcimsType type = IcimsType.ofSegment(segment);
            if (type != null) {
                into.computeIfAbsent(type, t -> new TreeSet<>()).addAll(list);
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
