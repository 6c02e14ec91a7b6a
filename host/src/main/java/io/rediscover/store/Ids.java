package io.rediscover.store;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random ids for things people refer to (users, connections, tokens): unguessable and never reused, so an id from
 * one org means nothing in another, and a deleted thing's id is never handed to a new one.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Ids() {
    }

    /**
     * @param prefix says what the id names, e.g. {@code c} for connections
     * @return {@code prefix_} followed by 16 random characters (80 bits)
     */
    public static String random(String prefix) {
        StringBuilder b = new StringBuilder(prefix.toLowerCase(Locale.ROOT)).append('_');
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
