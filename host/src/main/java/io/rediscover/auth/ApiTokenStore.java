package io.rediscover.auth;

import io.rediscover.store.Ids;
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
 * API tokens for scripts ({@code Authorization: Bearer rdk_…}). A token acts as the user who made it, with their role
 * and org. The secret is shown once, at creation; the store keeps only its hash.
 */
@Singleton
public final class ApiTokenStore {

    /** Every token starts with this, so secret scanners and people can recognise a leaked one. */
    public static final String PREFIX = "rdk_";

    private final Store store;
    private final StoreMap<ApiToken> tokens;
    private final StoreMap<String> byUser;
    private final Clock clock;

    /**
     * A token as stored and listed: never the secret.
     *
     * @param id        its id, for listing and revoking
     * @param userId    who it acts as
     * @param name      what the user called it
     * @param createdAt creation
     * @param expiresAt when it stops working
     */
    public record ApiToken(String id, String userId, String name, Instant createdAt, Instant expiresAt) {
    }

    /** @param store the system of record */
    @Inject
    public ApiTokenStore(Store store, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.tokens = store.map("auth.tokens", ApiToken.class);
        this.byUser = store.map("auth.tokens-by-user", String.class);
    }

    /** @param secret shown once @param token the stored token */
    public record Created(String secret, ApiToken token) {
        @Override
        public String toString() {
            return "Created[" + token + "]";
        }
    }

    /**
     * @param user     who the token acts as
     * @param name     a label
     * @param lifetime how long it works
     * @return the token and its secret
     */
    public Created create(User user, String name, Duration lifetime) {
        String secret = PREFIX + Secrets.random();
        Instant now = clock.instant();
        ApiToken t = new ApiToken(Ids.random("t"), user.id(), name, now, now.plus(lifetime));
        String hash = Secrets.hash(secret);
        store.write(b -> b.put(tokens, hash, t).put(byUser, user.id() + "/" + t.id(), hash));
        return new Created(secret, t);
    }

    /** @param secret a bearer value @return its token, when it exists and has not expired */
    public Optional<ApiToken> find(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.get(Secrets.hash(secret)).filter(t -> clock.instant().isBefore(t.expiresAt()));
    }

    /** @param userId a user @return their tokens */
    public List<ApiToken> of(String userId) {
        try (Stream<String> hashes = byUser.scan(userId + "/").map(java.util.Map.Entry::getValue)) {
            return hashes.map(tokens::get).flatMap(Optional::stream).toList();
        }
    }

    /** @param userId a user whose tokens all stop working @return how many were revoked */
    public int revokeAll(String userId) {
        List<ApiToken> all = of(userId);
        all.forEach(t -> revoke(userId, t.id()));
        return all.size();
    }

    /** @param userId the owner @param tokenId a token @return whether it existed (and was the user's) */
    public boolean revoke(String userId, String tokenId) {
        String link = userId + "/" + tokenId;
        Optional<String> hash = byUser.get(link);
        hash.ifPresent(h -> store.write(b -> b.remove(tokens, h).remove(byUser, link)));
        return hash.isPresent();
    }
}
