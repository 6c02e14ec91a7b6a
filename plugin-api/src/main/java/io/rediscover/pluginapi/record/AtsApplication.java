package io.rediscover.pluginapi.record;

import java.time.Instant;
import java.util.Objects;

/**
 * A candidate's application to a job (iCIMS: a recruiting workflow). Any field but {@code externalId} may be null.
 *
 * @param externalId    the application's id in the ATS
 * @param jobExternalId the job's id in the ATS
 * @param jobTitle      the job's title as the ATS shows it
 * @param status        the workflow status, e.g. "Recently Applied"
 * @param stage         the stage or bin the status belongs to, e.g. "Screening"
 * @param source        where the candidate came from, e.g. "Career Site"
 * @param recruiter     the recruiter's display name
 * @param updatedAt     when the application last changed in the ATS
 */
public record AtsApplication(String externalId, String jobExternalId, String jobTitle, String status, String stage,
                             String source, String recruiter, Instant updatedAt) {

    /** Canonical constructor: the id is required. */
    public AtsApplication {
        Objects.requireNonNull(externalId, "externalId");
    }
}
