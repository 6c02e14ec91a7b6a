package io.rediscover.tenancy;

import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Orgs in the store, keyed by id. */
@Singleton
public final class OrgStore {

    /** Org ids are part of every store key and URL: short, lower case, no separators. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final Store store;
    private final StoreMap<Org> orgs;
    private final Clock clock;

    /** @param store the system of record */
    @Inject
    public OrgStore(Store store, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.orgs = store.map("tenancy.orgs", Org.class);
    }

    /**
     * @param id                  a new org id (see {@link #ID})
     * @param name                display name
     * @param tier                licence
     * @param integrationsEnabled ATS integrations switch
     * @param plugins             allowed plugin ids
     * @return the org, or empty when the id is taken
     */
    public synchronized Optional<Org> create(String id, String name, LicenceTier tier, boolean integrationsEnabled,
                                             Set<String> plugins) {
        if (orgs.containsKey(id)) {
            return Optional.empty();
        }
        var now = clock.instant();
        Org org = new Org(id, name, tier, integrationsEnabled, plugins, now, now);
        store.write(b -> b.put(orgs, id, org));
        return Optional.of(org);
    }

    /** @param id an org id @return the org */
    public Optional<Org> get(String id) {
        return id == null ? Optional.empty() : orgs.get(id);
    }

    /** @return every org, by id */
    public List<Org> list() {
        try (Stream<Map.Entry<String, Org>> all = orgs.scan("")) {
            return all.map(Map.Entry::getValue).toList();
        }
    }

    /**
     * @param id     an org id
     * @param change the change
     * @return the changed org, or empty when there is none with that id
     */
    public synchronized Optional<Org> update(String id, UnaryOperator<Org> change) {
        return get(id).map(old -> {
            Org changed = change.apply(old);
            Org stamped = new Org(old.id(), changed.name(), changed.tier(), changed.integrationsEnabled(),
                    changed.plugins(), old.createdAt(), clock.instant());
            store.write(b -> b.put(orgs, id, stamped));
            return stamped;
        });
    }
}
