package io.rediscover.mirror;

import io.rediscover.pluginapi.sync.RecordKind;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the mirror holds for a connection, kept exact in the same commit as the records (counting millions of keys on
 * every progress request would be too slow).
 *
 * @param live       live records per kind
 * @param tombstones deleted records still remembered, per kind
 * @param accessLost live records the ATS no longer lets us see, per kind
 */
public record MirrorCounts(Map<RecordKind, Long> live, Map<RecordKind, Long> tombstones, Map<RecordKind, Long> accessLost) {

    /** Canonical constructor: copies the maps, filling every kind. */
    public MirrorCounts {
        live = full(live);
        tombstones = full(tombstones);
        accessLost = full(accessLost);
    }

    /** @return all zero */
    public static MirrorCounts empty() {
        return new MirrorCounts(Map.of(), Map.of(), Map.of());
    }

    private static Map<RecordKind, Long> full(Map<RecordKind, Long> in) {
        Map<RecordKind, Long> out = new EnumMap<>(RecordKind.class);
        for (RecordKind k : RecordKind.values()) {
            out.put(k, in == null ? 0L : in.getOrDefault(k, 0L));
        }
        return Map.copyOf(out);
    }

    /**
     * @param before the stored record, or null
     * @param after  the record to store, or null when removed
     * @return these counts adjusted for the transition
     */
    public MirrorCounts apply(MirrorRecord before, MirrorRecord after) {
        Map<RecordKind, Long> l = new EnumMap<>(live);
        Map<RecordKind, Long> t = new EnumMap<>(tombstones);
        Map<RecordKind, Long> a = new EnumMap<>(accessLost);
        if (before != null) {
            count(before, l, t, a, -1);
        }
        if (after != null) {
            count(after, l, t, a, +1);
        }
        return new MirrorCounts(l, t, a);
    }

    private static void count(MirrorRecord r, Map<RecordKind, Long> l, Map<RecordKind, Long> t, Map<RecordKind, Long> a, long d) {
        if (r.live()) {
            l.merge(r.kind(), d, Long::sum);
            if (r.accessLostAt() != null) {
                a.merge(r.kind(), d, Long::sum);
            }
        } else {
            t.merge(r.kind(), d, Long::sum);
        }
    }
}
