package io.rediscover.profiles;

/**
 * A line of an import file that is not a profile: not JSON, no {@code id}, a field of the wrong type. The import skips
 * it and reports its line number with {@link #getMessage() the reason}, which names the field and what was expected.
 */
public final class BadLine extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, e.g. {@code skills: expected an array of strings, got a string} */
    public BadLine(String reason) {
        super(reason, null, false, false);
    }
}
