package io.rediscover.icims.simulator;

import java.time.Instant;

/** A recruiting workflow: person {@code personId} applied to job {@code jobId}; {@code bin} follows {@code status}. */
public record Workflow(long id, long personId, long jobId, ListNode status, ListNode bin, ListNode source,
                       String sourcename, Instant createddate, Instant updateddate) {
}
