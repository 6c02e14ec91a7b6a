package io.rediscover.config;

/**
 * A configuration value that stops start-up. The message always names the key and where the value came from, so an
 * operator can fix it without reading code.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the dotted key path, e.g. {@code server.port}
     * @param message what is wrong and what is expected
     */
    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** @return the dotted key path at fault */
    public String key() {
        return key;
    }
}
