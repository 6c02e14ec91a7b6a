package io.rediscover.security;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts secrets at rest with AES-256-GCM (the JDK's implementation; no hand-rolled cryptography).
 *
 * <p>A sealed value is {@code v1:<key id>:<Base64(nonce | ciphertext | tag)>}. The key id lets the box open values
 * sealed with an older key during a rotation while sealing every new value with the current key. The caller's
 * context (e.g. {@code org/acme/connection/7/clientSecret}) is bound as associated data, so a ciphertext copied to
 * another connection or field does not open.
 */
public final class SecretBox {

    private static final String FORMAT = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey current;
    private final Map<String, MasterKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param current  the key new values are sealed with
     * @param previous older keys still accepted for opening (rotation)
     */
    public SecretBox(MasterKey current, List<MasterKey> previous) {
        this.current = current;
        keys.put(current.id(), current);
        previous.forEach(k -> keys.putIfAbsent(k.id(), k));
    }

    /**
     * @param plaintext the secret
     * @param context   what the secret belongs to; the same context is needed to open it
     * @return the sealed value, safe to store
     */
    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return FORMAT + ":" + current.id() + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    /**
     * @param sealed  a value made by {@link #seal}
     * @param context the context it was sealed with
     * @return the secret
     * @throws SecretException when the value is malformed, was sealed with an unknown key, or was tampered with
     */
    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            throw new SecretException("not a sealed secret");
        }
        MasterKey key = keys.get(parts[1]);
        if (key == null) {
            throw new SecretException("sealed with key " + parts[1] + ", which this server does not have; "
                    + "add its key file to security.previousKeyFiles");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new SecretException("sealed secret is truncated");
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new SecretException("sealed secret does not open: tampered with, or sealed for another context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    /**
     * @param sealed a sealed value
     * @return whether it was sealed with an older key and should be sealed again with the current one
     */
    public boolean needsResealing(String sealed) {
        String[] parts = sealed.split(":", 3);
        return parts.length == 3 && !parts[1].equals(current.id());
    }

    private static Cipher cipher(int mode, MasterKey key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed value that cannot be opened. Its message never contains the secret. */
    public static final class SecretException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretException(String message) {
            super(message);
        }
    }
}
