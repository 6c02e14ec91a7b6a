package io.rediscover.pluginapi;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One field of a connector's credentials form.
 *
 * <p>A {@linkplain #secret() secret} field is write-only: the host stores it encrypted, never returns it through its
 * API (it shows only "set" or "not set"), never logs it, and masks it in {@link Credentials#toString()}. A secret has
 * no default value.
 *
 * <p>Build one with {@link #text(String, String)} or {@link #secret(String, String)} and refine it with the
 * {@code with...} methods, which return copies:
 * <pre>{@code CredentialField.text("streamId", "Stream ID").asRequired().help("From iCIMS support").pattern("[A-Za-z0-9-]{1,64}")}</pre>
 *
 * @param key      stable machine key, matching {@code [a-z][a-zA-Z0-9]*}; unique within the descriptor
 * @param label    human label shown on the form
 * @param secret   write-only, encrypted at rest, masked everywhere
 * @param required the form may not be submitted without a value
 * @param help     help text shown under the field; may be empty
 * @param pattern  a Java regular expression the whole value must match, or {@code null} for any value
 */
public record CredentialField(String key, String label, boolean secret, boolean required, String help, String pattern) {

    /** Canonical constructor: checks that key and label are present and that the pattern compiles. */
    public CredentialField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        help = help == null ? "" : help;
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("credential field '" + key + "': pattern does not compile: " + e.getDescription(), e);
            }
        }
    }

    /**
     * A plain, optional text field.
     *
     * @param key   machine key
     * @param label human label
     * @return the field
     */
    public static CredentialField text(String key, String label) {
        return new CredentialField(key, label, false, false, "", null);
    }

    /**
     * A secret (write-only) optional field.
     *
     * @param key   machine key
     * @param label human label
     * @return the field
     */
    public static CredentialField secret(String key, String label) {
        return new CredentialField(key, label, true, false, "", null);
    }

    /** @return a copy that must be filled in */
    public CredentialField asRequired() {
        return new CredentialField(key, label, secret, true, help, pattern);
    }

    /**
     * @param helpText help shown under the field
     * @return a copy with this help text
     */
    public CredentialField help(String helpText) {
        return new CredentialField(key, label, secret, required, helpText, pattern);
    }

    /**
     * @param regex a Java regular expression the whole value must match
     * @return a copy with this validation pattern
     */
    public CredentialField pattern(String regex) {
        return new CredentialField(key, label, secret, required, help, regex);
    }

    /**
     * Whether a value passes this field's pattern (a field without pattern accepts anything).
     *
     * @param value the value to test; not null
     * @return true when the value matches the pattern or there is none
     */
    public boolean accepts(String value) {
        return pattern == null || Pattern.compile(pattern).matcher(value).matches();
    }
}
