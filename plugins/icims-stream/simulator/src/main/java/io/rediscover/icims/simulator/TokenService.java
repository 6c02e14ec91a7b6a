package io.rediscover.icims.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks OAuth bearer tokens (A1, A7) against the simulated clock, and throttles the token
 * endpoint (D5: more than {@code maxTokensPerWindow} tokens in {@code window} ⇒ 429, after the ~500 per
 * 10 minutes reported by [OBS C1]).
 */
public final class TokenService {
    /** Why a token was refused. */
    enum Check { VALID, UNKNOWN, EXPIRED, REVOKED }

    private record Issued(Instant expiresAt, boolean revoked) {
    }

    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Deque<Instant> recentIssues = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();
    private final SimClock clock;
    private volatile Duration lifetime;
    private volatile int maxTokensPerWindow;
    private volatile Duration window;
    private long issuedTotal;
    private final Random revocationDraws;
    private double revocationRate;
    private long revocations;

    TokenService(SimClock clock, Duration lifetime, int maxTokensPerWindow, Duration window, long seed,
                 double revocationRate) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.maxTokensPerWindow = maxTokensPerWindow;
        this.window = window;
        this.revocationDraws = new Random(seed ^ 0x7E40CA7EL);
        this.revocationRate = revocationRate;
    }

    /** A new token, or empty when the throttle window is full (D5). */
    synchronized Optional<String> issue() {
        Instant now = clock.now();
        while (!recentIssues.isEmpty() && recentIssues.peekFirst().isBefore(now.minus(window))) {
            recentIssues.removeFirst();
        }
        if (recentIssues.size() >= maxTokensPerWindow) {
            return Optional.empty();
        }
        recentIssues.addLast(now);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = "sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, new Issued(now.plus(lifetime), false));
        issuedTotal++;
        return Optional.of(token);
    }

    /** Seconds until the throttle window admits another token. */
    synchronized long secondsUntilTokenAllowed() {
        if (recentIssues.isEmpty()) {
            return 0;
        }
        return Math.max(1, Duration.between(clock.now(), recentIssues.peekFirst().plus(window)).toSeconds() + 1);
    }

    Check check(String token) {
        Issued issued = tokens.get(token);
        if (issued == null) {
            return Check.UNKNOWN;
        }
        if (issued.revoked()) {
            return Check.REVOKED;
        }
        return clock.now().isBefore(issued.expiresAt()) ? Check.VALID : Check.EXPIRED;
    }

    /** {@code expires_in} of new tokens, in seconds. */
    public long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    public void setLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** D5 throttle: at most {@code max} tokens per {@code window} of simulated time. */
    public void setThrottle(int max, Duration window) {
        this.maxTokensPerWindow = max;
        this.window = window;
    }

    /** D1 variant: every token issued so far stops working before its {@code expires_in}. */
    public void revokeAll() {
        tokens.replaceAll((t, i) -> new Issued(i.expiresAt(), true));
    }

    /**
     * D1 under load: on this fraction of API requests (0..1) every token issued so far is revoked before the request
     * is authorised; 0 turns it off.
     */
    public synchronized void setRevocationRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("revocation rate must be between 0 and 1");
        }
        this.revocationRate = rate;
    }

    /** How often {@link #setRevocationRate revocation under load} revoked every token so far. */
    public synchronized long revocations() {
        return revocations;
    }

    /** Called once per API request: draws whether this request revokes every token (see {@link #setRevocationRate}). */
    synchronized void maybeRevokeAll() {
        if (revocationRate > 0 && revocationDraws.nextDouble() < revocationRate) {
            revocations++;
            revokeAll();
        }
    }

    /** Tokens issued since start. */
    public synchronized long issuedCount() {
        return issuedTotal;
    }
}
