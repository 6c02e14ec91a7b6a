package io.rediscover.profiles;

import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The installation-wide corpus of public profiles (shared by every org, like a vendor's people database): profiles by
 * their id exactly as imported (deflated JSON, {@link ProfileCodec}), and the blocking index the matcher looks candidates up in without scanning — canonical
 * LinkedIn URL, canonical GitHub URL and {@link NameKeys name keys}. Index entries are keys
 * {@code <blocking key> NUL <profile id>} in one map, so a lookup is a prefix scan and its size a prefix count.
 *
 * <p>Writing a profile replaces the one with its id and moves its index entries in the same commit (old keys removed,
 * new ones added: the old ones are recomputed from the stored profile), and records the change in the
 * {@link ProfileChanges re-matching journal}. Profiles are written by one import at a time.
 */
@Singleton
public final class ProfileStore {

    /** Prefix of LinkedIn keys: {@code li:linkedin.com/in/…}. */
    public static final String LINKEDIN = "li:";
    /** Prefix of GitHub keys: {@code gh:github.com/…}. */
    public static final String GITHUB = "gh:";
    private static final String SEP = "\u0000";
    private static final byte[] PRESENT = new byte[0];

    private final Store store;
    private final ProfileChanges changes;
    private final StoreMap<byte[]> profiles;
    private final StoreMap<byte[]> index;

    /** @param store the system of record @param changes the re-matching journal */
    @Inject
    public ProfileStore(Store store, ProfileChanges changes) {
        this.store = store;
        this.changes = changes;
        this.profiles = store.bytes("profiles.profiles");
        this.index = store.bytes("profiles.index");
    }

    /**
     * Lookup results.
     *
     * @param ids   the profile ids under the key, in id order; empty when there are more than asked for
     * @param total how many profiles are under the key
     */
    public record Hits(List<String> ids, long total) {
        /** Canonical constructor: copies the list. */
        public Hits {
            ids = List.copyOf(ids);
        }

        /** @return whether the key is too common to be useful: more profiles share it than the caller would score */
        public boolean tooCommon() {
            return total > ids.size();
        }
    }

    /** What writing a batch did. @param added new ids @param replaced changed profiles @param unchanged identical re-imports */
    public record Written(long added, long replaced, long unchanged) {
    }

    /** @param id a profile id @return the profile */
    public Optional<Profile> get(String id) {
        return profiles.get(id).map(ProfileCodec::decode);
    }

    /** @return how many profiles the corpus holds */
    public long count() {
        return profiles.count("");
    }

    /**
     * @param url a LinkedIn URL in any spelling
     * @param limit the most ids wanted
     * @return the profiles with that canonical URL (none when it is no LinkedIn profile URL)
     */
    public Hits idsByLinkedin(String url, int limit) {
        return LinkUrls.linkedin(url).map(u -> lookup(LINKEDIN + u, limit)).orElse(new Hits(List.of(), 0));
    }

    /**
     * @param url a GitHub URL in any spelling
     * @param limit the most ids wanted
     * @return the profiles with that canonical URL (none when it is no GitHub profile URL)
     */
    public Hits idsByGithub(String url, int limit) {
        return LinkUrls.github(url).map(u -> lookup(GITHUB + u, limit)).orElse(new Hits(List.of(), 0));
    }

    /**
     * @param key   a key from {@link NameKeys#of}
     * @param limit the most profiles the caller will score
     * @return the profiles under the key, or — when more than {@code limit} share it — none, with their number
     */
    public Hits idsByNameKey(String key, int limit) {
        return lookup(key, limit);
    }

    private Hits lookup(String key, int limit) {
        String prefix = key + SEP;
        long total = index.count(prefix);
        if (total > limit) {
            return new Hits(List.of(), total);
        }
        try (Stream<String> keys = index.keys(prefix)) {
            return new Hits(keys.map(k -> k.substring(prefix.length())).toList(), total);
        }
    }

    /**
     * @param p a profile
     * @return every blocking key it is indexed under: its name keys (from first, middle and last name and aliases, or
     *         the full name when first or last is missing), its canonical LinkedIn and GitHub URLs
     */
    public static Set<String> keysOf(Profile p) {
        Set<String> keys = new LinkedHashSet<>(NameKeys.of(p.firstName(), p.middleName(), p.lastName(), p.nameAliases()));
        if (p.fullName() != null && (p.firstName() == null || p.lastName() == null)) {
            keys.addAll(NameKeys.ofFullName(p.fullName()));
        }
        p.linkedinUrls().forEach(u -> keys.add(LINKEDIN + u));
        p.githubUrls().forEach(u -> keys.add(GITHUB + u));
        return keys;
    }

    /**
     * Stores profiles in one commit: each replaces the stored profile with its id (a later one in the list replaces an
     * earlier one), its index entries move, and every added or changed profile goes into the re-matching journal.
     *
     * @param batch profiles, in file order
     * @param also  further writes for the same commit, given what changed (the import's progress)
     * @return what changed
     */
    public Written write(List<Profile> batch, BiConsumer<Store.Batch, Written> also) {
        long[] counts = new long[3];
        store.write(b -> {
            counts[0] = counts[1] = counts[2] = 0;
            Map<String, Profile> pending = new HashMap<>();
            for (Profile p : batch) {
                Profile before = pending.containsKey(p.id()) ? pending.get(p.id()) : get(p.id()).orElse(null);
                if (p.equals(before)) {
                    counts[2]++;
                    continue;
                }
                counts[before == null ? 0 : 1]++;
                Set<String> oldKeys = before == null ? Set.of() : keysOf(before);
                Set<String> newKeys = keysOf(p);
                List<String> removed = new ArrayList<>();
                for (String k : oldKeys) {
                    if (!newKeys.contains(k)) {
                        b.remove(index, k + SEP + p.id());
                        removed.add(k);
                    }
                }
                for (String k : newKeys) {
                    if (!oldKeys.contains(k)) {
                        b.put(index, k + SEP + p.id(), PRESENT);
                    }
                }
                b.put(profiles, p.id(), ProfileCodec.encode(p));
                changes.record(b, p.id(), removed);
                pending.put(p.id(), p);
            }
            also.accept(b, new Written(counts[0], counts[1], counts[2]));
        });
        return new Written(counts[0], counts[1], counts[2]);
    }
}
