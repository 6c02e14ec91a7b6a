package io.rediscover.security;

import io.rediscover.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void argon2idHashesVerifyAndDiffer() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.hash("correct horse battery staple")).isNotEqualTo(hash);
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.matches("x", "$2a$10$notargon")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$garbage")).isFalse();
        assertThat(hasher.matches("x".repeat(PasswordHasher.MAX_PASSWORD_LENGTH + 1), hash)).isFalse();
    }

    /** A clock tests can move. */
    @Test
    void repeatedFailuresAreDelayedExponentiallyAndSuccessForgives() {
        MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.retryAfter("ana@example.com")).isZero();
            throttle.failed("ana@example.com");
        }
        assertThat(throttle.retryAfter("ana@example.com")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("ana@example.com");
        throttle.failed("ana@example.com");
        assertThat(throttle.retryAfter("ana@example.com")).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.retryAfter("bob@example.com")).isZero();
        clock.advance(Duration.ofSeconds(4));
        assertThat(throttle.retryAfter("ana@example.com")).isZero();
        throttle.succeeded("ana@example.com");
        throttle.failed("ana@example.com");
        assertThat(throttle.retryAfter("ana@example.com")).isZero();
        for (int i = 0; i < 40; i++) {
            throttle.failed("mallory");
        }
        assertThat(throttle.retryAfter("mallory")).isEqualTo(LoginThrottle.MAX_DELAY);
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(throttle.retryAfter("mallory")).isZero();
    }
}
