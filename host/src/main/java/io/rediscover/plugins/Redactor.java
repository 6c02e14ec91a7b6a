package io.rediscover.plugins;

import io.rediscover.logging.LogSecrets;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.CredentialField;
import io.rediscover.pluginapi.Credentials;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replaces secret values wherever they appear in text. The second line of defence behind "never log a secret": a
 * plugin that formats an exception carrying a client secret or a bearer token still leaks nothing.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";
    /** Shorter values would mask ordinary words; secrets are never this short in practice. */
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    /** @param secrets the values to hide */
    public Redactor(Set<String> secrets) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * Redaction is the host's business: which values are secret comes from the connector's descriptor, not from
     * anything the plugin is asked to report.
     *
     * @param descriptor  the connector's descriptor, whose secret fields name the values to hide
     * @param credentials a connection's credentials
     * @return a redactor for those credentials' secret values
     */
    public static Redactor of(ConnectorDescriptor descriptor, Credentials credentials) {
        Set<String> secrets = descriptor.credentials().stream().filter(CredentialField::secret)
                .map(f -> credentials.get(f.key())).flatMap(Optional::stream).collect(Collectors.toSet());
        LogSecrets.register(secrets); // masked in every log line too, whoever logs it
        return new Redactor(secrets);
    }

    /**
     * @param text any text, or null
     * @return the text with every secret masked
     */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /**
     * @param error an exception, or null
     * @return a copy whose messages (and its causes' messages) are redacted, with the same stack traces
     */
    public Throwable redact(Throwable error) {
        if (error == null) {
            return null;
        }
        Throwable copy = new RedactedException(error.getClass().getName() + ": " + redact(error.getMessage()),
                redact(error.getCause() == error ? null : error.getCause()));
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Carries a redacted message in place of the original exception. */
    static final class RedactedException extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
