package io.rediscover.store;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import io.rediscover.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Brings every stored map to the format this release reads, at start-up, before the services that use the maps start:
 * the format version of each map is kept in the store ({@code store.formats}; a map without an entry is at format 0,
 * the format of release 0.1.0, which had no versions), and the {@link Migration}s that capability modules contribute
 * run in version order from there, each logged, resumable and idempotent. A new, empty store starts at the newest
 * formats without running anything. A store written by a newer release (a format this release does not know) is
 * refused with a message, never half-read.
 */
@Singleton
public final class Migrations implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final Store store;
    private final Set<Migration> migrations;
    private final StoreMap<Integer> formats;
    private final StoreMap<String> checkpoints;

    /** @param store the store @param migrations every contributed step */
    @Inject
    public Migrations(Store store, Set<Migration> migrations) {
        this.store = store;
        this.migrations = migrations;
        this.formats = store.map("store.formats", Integer.class);
        this.checkpoints = store.map("store.migration-checkpoints", String.class);
    }

    /**
     * Contributes a migration. Call from a capability module's {@code configure()}.
     *
     * @param binder    the module's binder
     * @param migration the step
     */
    public static void add(Binder binder, Class<? extends Migration> migration) {
        Multibinder.newSetBinder(binder, Migration.class).addBinding().to(migration);
    }

    @Override
    public String name() {
        return "store migrations";
    }

    @Override
    public void stop() {
        // nothing held: every step committed its progress as it went
    }

    @Override
    public void start() {
        Map<String, List<Migration>> byMap = new TreeMap<>();
        for (Migration m : migrations) {
            byMap.computeIfAbsent(m.map(), k -> new ArrayList<>()).add(m);
        }
        byMap.values().forEach(steps -> steps.sort(Comparator.comparingInt(Migration::version)));
        boolean fresh = store.mapNames().stream().allMatch(n -> n.startsWith("store."));
        if (fresh) {
            store.write(b -> byMap.forEach((map, steps) -> b.put(formats, map, steps.get(steps.size() - 1).version())));
            return;
        }
        for (Map.Entry<String, List<Migration>> e : byMap.entrySet()) {
            migrate(e.getKey(), e.getValue());
        }
    }

    private void migrate(String map, List<Migration> steps) {
        int current = formats.get(map).orElse(0);
        int newest = steps.get(steps.size() - 1).version();
        if (current > newest) {
            throw new IllegalStateException("the store's map " + map + " has format " + current + ", newer than this release"
                    + " reads (" + newest + "): it was written by a newer Rediscover; run that release, or restore a backup"
                    + " made with this one");
        }
        for (Migration step : steps) {
            if (step.version() > current) {
                run(step);
                current = step.version();
            }
        }
    }

    private void run(Migration step) {
        String key = step.map() + "/" + step.version();
        Optional<String> from = checkpoints.get(key);
        LOG.info("migrating {} to format {}: {}{}", step.map(), step.version(), step.description(),
                from.map(c -> " (resuming after " + c + ")").orElse(""));
        long t0 = System.nanoTime();
        long[] done = {0};
        step.migrate(new Migration.Run() {
            @Override
            public Optional<String> checkpoint() {
                return checkpoints.get(key);
            }

            @Override
            public void commit(Consumer<Store.Batch> writes, String checkpoint, long doneSoFar) {
                store.write(b -> {
                    writes.accept(b);
                    b.put(checkpoints, key, checkpoint);
                });
                if (doneSoFar / 10_000 > done[0] / 10_000) {
                    LOG.info("migrating {} to format {}: {} done", step.map(), step.version(), doneSoFar);
                }
                done[0] = doneSoFar;
            }
        });
        store.write(b -> b.put(formats, step.map(), step.version()).remove(checkpoints, key));
        LOG.info("migrated {} to format {} ({} item(s), {} ms)", step.map(), step.version(), done[0],
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * @param map a map
     * @return its format version in the store (0 when never migrated)
     */
    public int format(String map) {
        return formats.get(map).orElse(0);
    }
}
