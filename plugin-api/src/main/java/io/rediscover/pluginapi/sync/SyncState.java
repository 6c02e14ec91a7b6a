package io.rediscover.pluginapi.sync;

import java.util.Objects;

/**
 * The plugin's opaque resume token. The host stores it with the records it covers and hands it back on the next
 * run; it never looks inside. {@link #initial()} means "nothing synced yet: download everything".
 *
 * @param value the plugin's serialised state, or {@code null} for the initial state
 */
public record SyncState(String value) {

    private static final SyncState INITIAL = new SyncState(null);

    /** @return the state before the first run: a full download */
    public static SyncState initial() {
        return INITIAL;
    }

    /**
     * @param value the plugin's serialised state; not null
     * @return the state
     */
    public static SyncState of(String value) {
        return new SyncState(Objects.requireNonNull(value, "value"));
    }

    /** @return whether this is the initial state */
    public boolean isInitial() {
        return value == null;
    }

    @Override
    public String toString() {
        return isInitial() ? "SyncState[initial]" : "SyncState[" + value.length() + " chars]";
    }
}
