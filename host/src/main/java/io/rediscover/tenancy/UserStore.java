package io.rediscover.tenancy;

import io.rediscover.security.PasswordHasher;
import io.rediscover.store.Ids;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Users in the store: by id, with an index by e-mail address (unique across the installation, so sign-in needs only
 * an address) and one by org. Passwords are kept only as Argon2id hashes.
 */
@Singleton
public final class UserStore {

    private final Store store;
    private final StoreMap<User> users;
    private final StoreMap<String> byEmail;
    private final StoreMap<String> byOrg;
    private final PasswordHasher hasher;
    private final Clock clock;

    /** @param store the system of record @param hasher hashes passwords */
    @Inject
    public UserStore(Store store, PasswordHasher hasher, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.users = store.map("tenancy.users", User.class);
        this.byEmail = store.map("tenancy.users-by-email", String.class);
        this.byOrg = store.map("tenancy.users-by-org", String.class);
        this.hasher = hasher;
    }

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** @return a generated password (20 characters, about 116 bits), shown once and to be changed at first sign-in */
    public static String oneTimePassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** @param email an address @return it as stored and looked up: trimmed, lower case */
    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param email              sign-in address
     * @param name               display name
     * @param role               role
     * @param org                org, null for platform admins
     * @param password           the password (hashed here)
     * @param mustChangePassword whether it is a generated first password
     * @return the user, or empty when the address is taken
     */
    public Optional<User> create(String email, String name, Role role, String org, String password,
                                 boolean mustChangePassword) {
        String hash = hasher.hash(password); // slow: outside the lock
        synchronized (this) {
            String address = normalise(email);
            if (byEmail.containsKey(address)) {
                return Optional.empty();
            }
            User user = new User(Ids.random("u"), address, name, role, org, hash, mustChangePassword, clock.instant());
            store.write(b -> {
                b.put(users, user.id(), user).put(byEmail, address, user.id());
                if (org != null) {
                    b.put(byOrg, org + "/" + user.id(), "");
                }
            });
            return Optional.of(user);
        }
    }

    /** @param id a user id @return the user */
    public Optional<User> get(String id) {
        return users.get(id);
    }

    /** @param email an address @return its user */
    public Optional<User> byEmail(String email) {
        return byEmail.get(normalise(email)).flatMap(users::get);
    }

    /** @param org an org @return its users */
    public List<User> inOrg(String org) {
        String prefix = org + "/";
        try (Stream<String> keys = byOrg.keys(prefix)) {
            return keys.map(k -> k.substring(prefix.length())).map(users::get).flatMap(Optional::stream).toList();
        }
    }

    /** @param user a user to forget; their sessions and tokens must be ended by the caller */
    public synchronized void delete(User user) {
        store.write(b -> {
            b.remove(users, user.id()).remove(byEmail, user.email());
            if (user.org() != null) {
                b.remove(byOrg, user.org() + "/" + user.id());
            }
        });
    }

    /** @return whether any user exists (false only on a new installation) */
    public boolean isEmpty() {
        return users.count("") == 0;
    }

    /**
     * @param user       a user
     * @param password   their new password
     * @param mustChange whether it is a one-time password to be changed at the next sign-in
     * @return the updated user
     */
    public User setPassword(User user, String password, boolean mustChange) {
        User changed = user.withPassword(hasher.hash(password), mustChange);
        store.write(b -> b.put(users, user.id(), changed));
        return changed;
    }

    /**
     * Checks a password, and upgrades the stored hash when it was made with weaker parameters than today's.
     *
     * @param user     a user
     * @param password an attempt
     * @return whether it matches
     */
    public boolean checkPassword(User user, String password) {
        if (!hasher.matches(password, user.passwordHash())) {
            return false;
        }
        if (hasher.needsRehash(user.passwordHash())) {
            User rehashed = user.withPassword(hasher.hash(password), user.mustChangePassword());
            store.write(b -> b.put(users, user.id(), rehashed));
        }
        return true;
    }
}
