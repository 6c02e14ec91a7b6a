package io.rediscover.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void keyFileIsCreatedOwnerOnlyAndReadBack() throws Exception {
        Path file = dir.resolve("conf/master.key");
        MasterKey created = MasterKey.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(MasterKey.loadOrCreate(file)).isEqualTo(created);
        assertThat(created.toString()).doesNotContain(new String(created.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));

        Files.writeString(dir.resolve("bad.key"), "not base64 !!");
        assertThatThrownBy(() -> MasterKey.loadOrCreate(dir.resolve("bad.key"))).hasMessageContaining("bad.key");
    }

    @Test
    void sealsAndOpensBoundToItsContext() {
        SecretBox box = new SecretBox(MasterKey.loadOrCreate(dir.resolve("k")), List.of());
        String sealed = box.seal("client-secret-value", "org/acme/connection/7/clientSecret");
        assertThat(sealed).startsWith("v1:").doesNotContain("client-secret-value");
        assertThat(box.seal("client-secret-value", "org/acme/connection/7/clientSecret")).isNotEqualTo(sealed);
        assertThat(box.open(sealed, "org/acme/connection/7/clientSecret")).isEqualTo("client-secret-value");
        assertThatThrownBy(() -> box.open(sealed, "org/other/connection/7/clientSecret"))
                .isInstanceOf(SecretBox.SecretException.class).hasMessageNotContaining("client-secret-value");
    }

    @Test
    void tamperingIsDetected() {
        SecretBox box = new SecretBox(MasterKey.loadOrCreate(dir.resolve("k")), List.of());
        String sealed = box.seal("s3cret", "ctx");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> box.open(tampered, "ctx")).isInstanceOf(SecretBox.SecretException.class);
        assertThatThrownBy(() -> box.open("plain", "ctx")).isInstanceOf(SecretBox.SecretException.class);
    }

    @Test
    void rotationOpensOldValuesAndSealsWithTheNewKey() {
        MasterKey old = MasterKey.loadOrCreate(dir.resolve("old.key"));
        MasterKey fresh = MasterKey.loadOrCreate(dir.resolve("new.key"));
        String sealedWithOld = new SecretBox(old, List.of()).seal("s3cret", "ctx");

        SecretBox rotated = new SecretBox(fresh, List.of(old));
        assertThat(rotated.open(sealedWithOld, "ctx")).isEqualTo("s3cret");
        assertThat(rotated.needsResealing(sealedWithOld)).isTrue();
        assertThat(rotated.needsResealing(rotated.seal("s3cret", "ctx"))).isFalse();

        assertThatThrownBy(() -> new SecretBox(fresh, List.of()).open(sealedWithOld, "ctx"))
                .hasMessageContaining(old.id()).hasMessageContaining("previousKeyFiles");
    }
}
