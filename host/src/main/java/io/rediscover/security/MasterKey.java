package io.rediscover.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * A 256-bit key that encrypts secrets at rest, with a short id derived from it (so a ciphertext names the key that
 * made it, which is what makes rotation possible). Read from a file holding the Base64 key, created with owner-only
 * permissions on first start when missing.
 *
 * @param id    the first 8 hex digits of the SHA-256 of the key; not secret
 * @param bytes the key
 */
public record MasterKey(String id, byte[] bytes) {

    static final int KEY_BYTES = 32;

    /** Canonical constructor: copies the key. */
    public MasterKey {
        bytes = bytes.clone();
    }

    /**
     * @param key raw key bytes (32)
     * @return the key with its id
     */
    public static MasterKey of(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        try {
            String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
            return new MasterKey(id, key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * Reads the key file, creating it (owner read/write only) when it does not exist.
     *
     * @param file the key file
     * @return the key
     * @throws IllegalStateException naming the file when it cannot be read or holds no valid key
     */
    public static MasterKey loadOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create master key file " + file, e);
        }
        return load(file);
    }

    /**
     * Reads an existing key file (a previous key during a rotation: never created, since a new key there would open
     * nothing).
     *
     * @param file the key file
     * @return the key
     * @throws IllegalStateException naming the file when it is missing or holds no valid key
     */
    public static MasterKey load(Path file) {
        if (Files.notExists(file)) {
            throw new IllegalStateException("master key file " + file + " does not exist");
        }
        try {
            String text = Files.readString(file).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("master key file " + file + " does not hold a Base64 key");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("master key file " + file + " must hold " + KEY_BYTES
                        + " Base64-encoded bytes, it holds " + key.length);
            }
            return of(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read master key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first; use theirs
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey k && MessageDigest.isEqual(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
