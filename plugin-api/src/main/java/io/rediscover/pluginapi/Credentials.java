package io.rediscover.pluginapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The decrypted credential values of one connection, for the duration of one call.
 *
 * <p>{@link #toString()} shows every secret as {@code ****}, so a credentials object that ends up in a log line or an
 * exception message leaks nothing. Do not copy secret values into messages yourself.
 */
public final class Credentials {

    private final Map<String, String> values;
    private final Set<String> secretKeys;

    /**
     * @param values     values by {@link CredentialField#key()}; absent or blank keys are "not set"
     * @param secretKeys keys whose values are secret
     */
    public Credentials(Map<String, String> values, Set<String> secretKeys) {
        this.values = Map.copyOf(values);
        this.secretKeys = Set.copyOf(secretKeys);
    }

    /**
     * Credentials for a descriptor: the secret keys are taken from its secret fields.
     *
     * @param descriptor the connector's descriptor
     * @param values     values by key
     * @return the credentials
     */
    public static Credentials of(ConnectorDescriptor descriptor, Map<String, String> values) {
        Set<String> secrets = new java.util.HashSet<>();
        descriptor.credentials().stream().filter(CredentialField::secret).forEach(f -> secrets.add(f.key()));
        return new Credentials(values, secrets);
    }

    /**
     * @param key a credential key
     * @return the value, or empty when not set or blank
     */
    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /**
     * @param key a credential key
     * @return the value
     * @throws ConnectorException of kind {@link ErrorKind#CONFIG} naming the field when it is not set
     */
    public String require(String key) throws ConnectorException {
        return get(key).orElseThrow(() -> ConnectorException.config(key, "'" + key + "' is required"));
    }

    /** @return the keys that hold a value */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * @param key a credential key
     * @return whether the key is secret
     */
    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        values.keySet().stream().sorted().forEach(k -> shown.put(k, secretKeys.contains(k) ? "****" : values.get(k)));
        return "Credentials" + shown;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.values.equals(values) && c.secretKeys.equals(secretKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, secretKeys);
    }
}
