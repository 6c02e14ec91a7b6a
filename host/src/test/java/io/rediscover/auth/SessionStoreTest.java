package io.rediscover.auth;

import io.rediscover.store.Store;
import io.rediscover.tenancy.Role;
import io.rediscover.tenancy.User;
import io.rediscover.testing.MovableClock;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Session expiry on a real store, with a clock the test moves. */
class SessionStoreTest {

    @TempDir
    Path dir;
    Store store;
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T09:00:00Z"));
    final User user = new User("u_1", "a@b.test", "A", Role.RECRUITER, "acme", "$argon2id$x", false, clock.instant());

    @BeforeEach
    void open() {
        store = new Store(dir.resolve("s.mv.db"), false);
        store.start();
    }

    @AfterEach
    void close() {
        store.stop();
    }

    private SessionStore sessions() throws Exception {
        var config = TestHosts.config(dir, Files.createDirectories(dir.resolve("p")),
                Map.of("auth.sessionIdleMinutes", "30", "auth.sessionMaxHours", "2"));
        return new SessionStore(store, config, clock);
    }

    @Test
    void aSessionEndsWhenIdleAndAtItsMaximumAge() throws Exception {
        SessionStore sessions = sessions();
        String cookie = sessions.open(user).cookie();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(cookie)).isPresent(); // used: the idle timer starts again
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(cookie)).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(cookie)).as("idle for 31 minutes").isEmpty();

        String busy = sessions.open(user).cookie();
        for (int i = 0; i < 11; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(sessions.find(busy)).isPresent();
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.find(busy)).as("two hours after sign-in, however busy").isEmpty();
    }

    @Test
    void onlyTheHashOfTheCookieIsStored() throws Exception {
        SessionStore sessions = sessions();
        SessionStore.Opened opened = sessions.open(user);
        assertThat(opened.key()).isEqualTo(Secrets.hash(opened.cookie())).isNotEqualTo(opened.cookie());
        assertThat(sessions.find("not-a-session")).isEmpty();
        sessions.close(opened.key());
        assertThat(sessions.find(opened.cookie())).isEmpty();
    }
}
