package io.rediscover.pluginapi;

/**
 * The outcome of {@link AtsConnector#check}: ok, ok with a warning, or failed with the credential field at fault and a
 * message the org admin can act on ("The client secret was not accepted by iCIMS").
 *
 * <p>A warning says that the connection works but with a limitation the org admin should know about, for example
 * "the ATS's change feed is not licensed: changes are found by a slower search". The host connects the connection and
 * shows the warning with its status. Use it instead of failing whenever the sync can still deliver every record.
 *
 * @param passed  whether the check passed
 * @param field   the {@link CredentialField#key()} at fault, or {@code null} when no single field is (host unreachable)
 * @param message what went wrong and what to do; {@code null} when passed. Never include a secret value.
 * @param warning for a passed check, what works less well than it could and why; otherwise {@code null}. Never
 *                include a secret value.
 */
public record CheckResult(boolean passed, String field, String message, String warning) {

    private static final CheckResult OK = new CheckResult(true, null, null, null);

    /** Canonical constructor: a failure must say why; only a passed check carries a warning. */
    public CheckResult {
        if (!passed && (message == null || message.isBlank())) {
            throw new IllegalArgumentException("a failed check needs a message");
        }
        if (warning != null && (!passed || warning.isBlank())) {
            throw new IllegalArgumentException("only a passed check carries a warning, and it must say something");
        }
    }

    /**
     * A result without a warning.
     *
     * @param passed  whether the check passed
     * @param field   the credential key at fault, or null
     * @param message what went wrong, or null when passed
     */
    public CheckResult(boolean passed, String field, String message) {
        this(passed, field, message, null);
    }

    /** @return a passed check */
    public static CheckResult ok() {
        return OK;
    }

    /**
     * @param warning what works less well than it could, and why; not blank
     * @return a passed check that the host shows with this warning
     */
    public static CheckResult okWithWarning(String warning) {
        return new CheckResult(true, null, null, warning);
    }

    /**
     * @param field   the credential key at fault, or null
     * @param message what went wrong and what to do
     * @return a failed check
     */
    public static CheckResult failed(String field, String message) {
        return new CheckResult(false, field, message, null);
    }
}
