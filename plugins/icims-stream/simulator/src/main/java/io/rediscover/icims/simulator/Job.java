package io.rediscover.icims.simulator;

import java.time.Instant;

/**
 * A job profile. {@code recruiterId}/{@code hiringManagerId} point at person profiles (employees) and may
 * be null; {@code jobid} is the display requisition number, not the system id.
 */
public record Job(long id, String jobtitle, String jobid, ListNode folder, Long recruiterId, Long hiringManagerId,
                  JobLocation location, ListNode positioncategory, String externalid,
                  Instant createddate, Instant updateddate) {
}
