package io.rediscover.mirror;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.pluginapi.sync.RecordKind;

import java.time.Instant;

/**
 * The latest version of one ATS record, exactly as the plugin emitted it (as JSON), with the mirror's own bookkeeping.
 *
 * @param kind         candidate, job or application
 * @param externalId   the record's id in the ATS
 * @param parentId     for an application, its candidate's external id; else null
 * @param updatedAt    the ATS's update time of this version
 * @param mirroredAt   when the mirror wrote this version
 * @param deletedAt    when the ATS reported it deleted (a tombstone, kept so an older replay cannot resurrect it);
 *                     null when live
 * @param accessLostAt when the ATS stopped letting us see it (kept, flagged, never deleted for this); null otherwise
 * @param data         the record as emitted, merged over the previous version (absent fields keep stored values);
 *                     empty for tombstones
 * @param resume       the candidate's resume, or null
 */
public record MirrorRecord(RecordKind kind, String externalId, String parentId, Instant updatedAt, Instant mirroredAt,
                           Instant deletedAt, Instant accessLostAt, ObjectNode data, ResumeRef resume) {

    /** @return whether the record is live (not a tombstone) */
    public boolean live() {
        return deletedAt == null;
    }
}
