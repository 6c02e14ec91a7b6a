package io.rediscover.icims.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs searches over the tenant: ascending ids, at most {@link #MAX_ROWS} per call, records with revoked
 * access hidden (B7). Results are cached per normalised query and served while younger than the request's
 * {@code staleness} in simulated minutes (A3, default 15; 0 = live). The cache is shared by all callers,
 * as iCIMS's is; it may therefore return ids deleted since, which the client must survive (D7).
 */
final class SearchEngine {
    static final int MAX_ROWS = 1000;
    static final int DEFAULT_STALENESS_MINUTES = 15;
    private static final int CACHE_ENTRIES = 20_000;

    private record Cached(Instant at, List<Long> ids) {
    }

    private final Tenant tenant;
    private final SimClock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    SearchEngine(Tenant tenant, SimClock clock) {
        this.tenant = tenant;
        this.clock = clock;
    }

    /** Ids matching {@code query}, from the cache when it is at most {@code stalenessMinutes} old. */
    List<Long> search(SearchQuery query, int stalenessMinutes) {
        String key = query.cacheKey();
        Instant now = clock.now();
        synchronized (cache) {
            Cached hit = cache.get(key);
            if (hit != null && stalenessMinutes > 0
                    && !hit.at().plus(Duration.ofMinutes(stalenessMinutes)).isBefore(now)) {
                return hit.ids();
            }
        }
        List<Long> ids = live(query);
        synchronized (cache) {
            cache.put(key, new Cached(now, ids));
        }
        return ids;
    }

    /** Forgets every cached result (control API). */
    void clearCache() {
        synchronized (cache) {
            cache.clear();
        }
    }

    private List<Long> live(SearchQuery query) {
        Predicate<Object> predicate = SearchEvaluator.compile(query);
        ProfileType type = query.type();
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Long, ?> e : tenant.after(type, SearchEvaluator.idLowerBoundExclusive(query)).entrySet()) {
            if (!tenant.accessRevoked(type, e.getKey()) && predicate.test(e.getValue())) {
                ids.add(e.getKey());
                if (ids.size() == MAX_ROWS) {
                    break;
                }
            }
        }
        return List.copyOf(ids);
    }
}
