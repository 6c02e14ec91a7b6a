package io.rediscover.template;

import io.rediscover.pluginapi.sync.SyncState;

/**
 * The connector's checkpoint: the ATS's cursor after the last candidate committed, behind a format version so that a
 * later release of the plugin can change what it keeps. The host stores it and hands it back; it never looks inside.
 */
final class TemplateState {

    private static final String V1 = "v1:";

    private TemplateState() {
    }

    /** @param cursor the ATS's cursor @return the state to checkpoint */
    static SyncState of(String cursor) {
        return SyncState.of(V1 + cursor);
    }

    /**
     * @param state a state the host handed back
     * @return the cursor to continue from; null to read everything (the initial state, or one this version cannot
     *         read: a full read is always safe, the host ignores versions older than those it holds)
     */
    static String cursor(SyncState state) {
        return state.isInitial() || !state.value().startsWith(V1) ? null : state.value().substring(V1.length());
    }
}
