package io.rediscover.stage;

import io.rediscover.mirror.ConnectionRef;

/**
 * A candidate handed to a stage: process the candidate as the mirror holds it now, which is at least {@code version}.
 *
 * @param ref         the connection
 * @param candidateId the candidate's external id
 * @param version     the mirror version that asked for this
 */
public record PipelineItem(ConnectionRef ref, String candidateId, long version) {
}
