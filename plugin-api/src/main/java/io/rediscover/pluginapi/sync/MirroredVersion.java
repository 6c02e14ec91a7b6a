package io.rediscover.pluginapi.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * What the host holds of one live record ({@link SyncSink#mirrored}), so a plugin need not spend requests reading again
 * what did not change.
 *
 * @param updatedAt the ATS update time of the version the host holds
 * @param hasResume for a candidate, whether the host holds a resume for it; false for other kinds
 */
public record MirroredVersion(Instant updatedAt, boolean hasResume) {

    /** Canonical constructor: the update time is required. */
    public MirroredVersion {
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
