package io.rediscover.pluginapi.sync;

/** The kinds of record a sync emits; part of the host's upsert key (connection, kind, external id). */
public enum RecordKind {
    /** A person in the ATS: {@link io.rediscover.pluginapi.record.AtsCandidate}. */
    CANDIDATE,
    /** A requisition: {@link io.rediscover.pluginapi.record.AtsJob}. */
    JOB,
    /** A candidate's workflow for one job: {@link io.rediscover.pluginapi.record.AtsApplication}. */
    APPLICATION
}
