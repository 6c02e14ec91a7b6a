package io.rediscover.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes and checks passwords with Argon2id (Password4j), stored as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so that parameters can be raised later while old hashes still
 * verify. Parameters follow OWASP's Argon2id recommendation (19 MiB, 2 iterations, 1 lane).
 */
public final class PasswordHasher {

    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;
    /** Upper bound on accepted password length: hashing cost must not be an attacker's lever. */
    public static final int MAX_PASSWORD_LENGTH = 256;

    private final Argon2Function current = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);

    /**
     * @param password the password
     * @return its PHC-format hash
     */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(current).getResult();
    }

    /**
     * @param password a password attempt
     * @param hash     a stored PHC hash
     * @return whether they match; false for malformed hashes and over-long attempts
     */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || password.length() > MAX_PASSWORD_LENGTH || !hash.startsWith("$argon2")) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * @param hash a stored hash
     * @return whether it was made with weaker parameters than today's and should be replaced at the next sign-in
     */
    public boolean needsRehash(String hash) {
        return !hash.startsWith("$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$");
    }
}
