package io.rediscover.auth;

import io.rediscover.config.HostConfig;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import io.rediscover.tenancy.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Signed-in sessions, in the store so that a restart signs nobody out. The cookie value is a 256-bit random secret;
 * the store keeps only its hash, so a copy of the store file opens no session. A session ends after
 * {@code auth.sessionIdleMinutes} without use or {@code auth.sessionMaxHours} after sign-in.
 */
@Singleton
public final class SessionStore {

    /** Last-use times are written at most this often, so reading pages does not mean writing the store. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Store store;
    private final StoreMap<Session> sessions;
    private final StoreMap<String> byUser;
    private final HostConfig.Auth config;
    private final Clock clock;

    /**
     * @param userId     whose session
     * @param csrfToken  the value state-changing requests must echo in {@code X-CSRF-Token}
     * @param createdAt  sign-in time
     * @param lastUsedAt last request
     * @param expiresAt  the latest end, whatever the use
     */
    public record Session(String userId, String csrfToken, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Session[user " + userId + ", until " + expiresAt + "]";
        }
    }

    /** @param cookie the cookie value, shown once @param key its store key @param session the session */
    public record Opened(String cookie, String key, Session session) {
        @Override
        public String toString() {
            return "Opened[" + session + "]";
        }
    }

    /** @param store the system of record @param config host configuration: {@code auth.*} */
    @Inject
    public SessionStore(Store store, HostConfig config, Clock clock) {
        this.store = store;
        this.sessions = store.map("auth.sessions", Session.class);
        this.byUser = store.map("auth.sessions-by-user", String.class);
        this.config = config.auth();
        this.clock = clock;
    }

    /** @param user who signed in @return the new session and its cookie value */
    public Opened open(User user) {
        forgetExpired(user.id());
        String cookie = Secrets.random();
        String key = Secrets.hash(cookie);
        Instant now = clock.instant();
        Session s = new Session(user.id(), Secrets.random(), now, now, now.plus(config.sessionMax()));
        store.write(b -> b.put(sessions, key, s).put(byUser, user.id() + "/" + key, ""));
        return new Opened(cookie, key, s);
    }

    /**
     * @param cookie a cookie value from a request
     * @return its store key and session, when the session exists and has not ended
     */
    public Optional<Opened> find(String cookie) {
        String key = Secrets.hash(cookie);
        return sessions.get(key).filter(this::live).map(s -> {
            Instant now = clock.instant();
            if (Duration.between(s.lastUsedAt(), now).compareTo(TOUCH_EVERY) > 0) {
                Session touched = new Session(s.userId(), s.csrfToken(), s.createdAt(), now, s.expiresAt());
                store.write(b -> b.put(sessions, key, touched));
                return new Opened(null, key, touched);
            }
            return new Opened(null, key, s);
        });
    }

    /** @param key a session's store key @return the session, when it has not ended */
    public Optional<Session> byKey(String key) {
        return sessions.get(key).filter(this::live);
    }

    private boolean live(Session s) {
        Instant now = clock.instant();
        return now.isBefore(s.expiresAt()) && now.isBefore(s.lastUsedAt().plus(config.sessionIdle()));
    }

    /** @param key a session's store key; ends it */
    public void close(String key) {
        sessions.get(key).ifPresent(s -> store.write(b -> b.remove(sessions, key).remove(byUser, s.userId() + "/" + key)));
    }

    /** @param userId a user whose sessions all end (password changed) @param except a session to keep, or null */
    public void closeAll(String userId, String except) {
        for (String key : keysOf(userId)) {
            if (!key.equals(except)) {
                close(key);
            }
        }
    }

    private void forgetExpired(String userId) {
        for (String key : keysOf(userId)) {
            if (sessions.get(key).filter(this::live).isEmpty()) {
                store.write(b -> b.remove(sessions, key).remove(byUser, userId + "/" + key));
            }
        }
    }

    private List<String> keysOf(String userId) {
        String prefix = userId + "/";
        try (Stream<String> keys = byUser.keys(prefix)) {
            return keys.map(k -> k.substring(prefix.length())).toList();
        }
    }
}
