package io.rediscover.pluginapi;

/**
 * The outcome of {@link AtsConnector#check}: ok, or failed with the credential field at fault and a message the org
 * admin can act on ("The client secret was not accepted by iCIMS").
 *
 * @param passed  whether the check passed
 * @param field   the {@link CredentialField#key()} at fault, or {@code null} when no single field is (host unreachable)
 * @param message what went wrong and what to do; {@code null} when passed. Never include a secret value.
 */
public record CheckResult(boolean passed, String field, String message) {

    private static final CheckResult OK = new CheckResult(true, null, null);

    /** Canonical constructor: a failure must say why. */
    public CheckResult {
        if (!passed && (message == null || message.isBlank())) {
            throw new IllegalArgumentException("a failed check needs a message");
        }
    }

    /** @return a passed check */
    public static CheckResult ok() {
        return OK;
    }

    /**
     * @param field   the credential key at fault, or null
     * @param message what went wrong and what to do
     * @return a failed check
     */
    public static CheckResult failed(String field, String message) {
        return new CheckResult(false, field, message);
    }
}
