package io.rediscover.pluginapi;

/**
 * The host's logger for a plugin. Messages use SLF4J-style {@code {}} placeholders. The host prefixes the
 * connector id and connection, and redacts every secret credential value that appears in a message or an argument,
 * as a second line of defence: still never pass secrets or tokens.
 */
public interface ConnectorLog {

    /**
     * @param format message with {} placeholders
     * @param args arguments
     */
    void debug(String format, Object... args);

    /**
     * @param format message with {} placeholders
     * @param args arguments
     */
    void info(String format, Object... args);

    /**
     * @param format message with {} placeholders
     * @param args arguments
     */
    void warn(String format, Object... args);

    /**
     * @param message what failed
     * @param error the cause, logged with its stack trace
     */
    void error(String message, Throwable error);
}
