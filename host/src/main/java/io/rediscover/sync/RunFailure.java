package io.rediscover.sync;

import io.rediscover.pluginapi.sync.RecordKind;

import java.time.Instant;

/**
 * A record a run could not read, kept for admins so nothing is dropped silently.
 *
 * @param runId      the run
 * @param kind       the record's kind
 * @param externalId its id in the ATS
 * @param reason     why
 * @param at         when
 */
public record RunFailure(String runId, RecordKind kind, String externalId, String reason, Instant at) {
}
