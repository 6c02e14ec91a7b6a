package io.rediscover.security;

import io.rediscover.Host;
import io.rediscover.icims.IcimsDescriptorAccess;
import io.rediscover.integrations.Connection;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import io.rediscover.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documented master-key rotation, end to end: new key + old key listed → secrets resealed → old key retired. */
class KeyRotationTest {

    @TempDir
    Path dir;

    private Host start(Map<String, String> extra) throws Exception {
        Map<String, String> config = new java.util.HashMap<>(Map.of("sync.enabled", "false"));
        config.putAll(extra);
        return Host.start(TestHosts.config(dir.resolve("data"), dir.resolve("plugins"), config));
    }

    private static String secretOf(Host host, String id) {
        ConnectionStore store = host.injector().getInstance(ConnectionStore.class);
        Connection c = store.get("acme", id).orElseThrow();
        return store.credentials(c, new IcimsDescriptorAccess().descriptor()).get("clientSecret").orElseThrow();
    }

    @Test
    void secretsSealedWithThePreviousKeyAreSealedAgainWithTheNewOne() throws Exception {
        Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), dir.resolve("plugins/icims.zip"));
        Path keyFile = dir.resolve("data/master.key");
        String id;
        try (Host host = start(Map.of())) {
            id = TestTenants.connected(host, "acme", Map.of("clientId", "c", "clientSecret", "rotate-me-secret", "streamId", "s")).id();
        }
        String oldKeyId = MasterKey.loadOrCreate(keyFile).id();

        // Rotation: the old key moves aside and is listed as previous; a new key is created at start.
        Path old = Files.move(keyFile, dir.resolve("old.key"));
        try (Host host = start(Map.of("security.previousKeyFiles", old.toString()))) {
            Connection c = host.injector().getInstance(ConnectionStore.class).get("acme", id).orElseThrow();
            assertThat(c.sealed().get("clientSecret")).startsWith("v1:" + MasterKey.loadOrCreate(keyFile).id() + ":")
                    .doesNotContain(oldKeyId);
            assertThat(secretOf(host, id)).isEqualTo("rotate-me-secret");
        }

        // The old key is retired: everything still opens.
        Files.delete(old);
        try (Host host = start(Map.of())) {
            assertThat(secretOf(host, id)).isEqualTo("rotate-me-secret");
        }

        // The key given directly (environment) instead of a file; the file's key, listed as previous, still opens.
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        String direct = java.util.Base64.getEncoder().encodeToString(raw);
        try (Host host = start(Map.of("security.masterKey", direct, "security.previousKeyFiles", keyFile.toString()))) {
            Connection c = host.injector().getInstance(ConnectionStore.class).get("acme", id).orElseThrow();
            assertThat(c.sealed().get("clientSecret")).startsWith("v1:" + MasterKey.of(raw).id() + ":");
            assertThat(secretOf(host, id)).isEqualTo("rotate-me-secret");
        }
        assertThatThrownBy(() -> start(Map.of("security.masterKey", "not-a-key"))).hasMessageContaining("security.masterKey")
                .hasMessageNotContaining("not-a-key");
        assertThatThrownBy(() -> start(Map.of("security.previousKeyFiles", dir.resolve("gone.key").toString())))
                .hasMessageContaining("gone.key");

        // Without the key that sealed them, secrets do not open, and the error says what to do.
        Files.delete(keyFile);
        try (Host host = start(Map.of())) {
            assertThatThrownBy(() -> secretOf(host, id)).hasMessageContaining("previousKeyFiles")
                    .hasMessageNotContaining("rotate-me-secret");
        }
    }
}
