package io.rediscover.mirror;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.pluginapi.sync.RecordKind;

import java.time.Instant;

/** One change a sync run asks the mirror to make; applied in order at the next commit. */
public sealed interface MirrorChange {

    /** @return the record's kind */
    RecordKind kind();

    /** @return the record's id in the ATS */
    String externalId();

    /**
     * A new or changed record.
     *
     * @param kind       kind
     * @param externalId id in the ATS
     * @param parentId   the candidate of an application, else null
     * @param updatedAt  the ATS's update time
     * @param data       the record as emitted
     * @param resume     the resume, or null
     */
    record Upsert(RecordKind kind, String externalId, String parentId, Instant updatedAt, ObjectNode data,
                  ResumeRef resume) implements MirrorChange {
    }

    /**
     * The ATS deleted (or merged away) the record.
     *
     * @param kind       kind
     * @param externalId id in the ATS
     * @param at         when we learned it
     */
    record Delete(RecordKind kind, String externalId, Instant at) implements MirrorChange {
    }

    /**
     * The record still exists but the integration user may no longer see it.
     *
     * @param kind       kind
     * @param externalId id in the ATS
     * @param at         when we learned it
     */
    record AccessLost(RecordKind kind, String externalId, Instant at) implements MirrorChange {
    }
}
