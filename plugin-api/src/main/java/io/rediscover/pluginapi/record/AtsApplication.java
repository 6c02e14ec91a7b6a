package io.rediscover.pluginapi.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A candidate's application to a job (iCIMS: a recruiting workflow), emitted as a record of its own with
 * {@link io.rediscover.pluginapi.sync.SyncSink#application}. The host joins a candidate with its applications, so
 * an application that changes is re-read and emitted alone, without re-reading the candidate or their other
 * applications. Any field but the ids and {@code updatedAt} may be null ("not returned").
 *
 * @param externalId          the application's id in the ATS
 * @param candidateExternalId the candidate's id in the ATS
 * @param jobExternalId       the job's id in the ATS, or null
 * @param jobTitle            the job's title as the ATS shows it
 * @param status              the workflow status, e.g. "Recently Applied"
 * @param stage               the stage or bin the status belongs to, e.g. "Screening"
 * @param source              where the candidate came from, e.g. "Career Site"
 * @param recruiter           the recruiter's display name
 * @param updatedAt           when the application last changed in the ATS; the host ignores a version older than the
 *                            one it holds
 * @param attributes          values for declared filter and profile-field keys that belong to this application
 *                            (the host shows the union over a candidate's applications)
 */
public record AtsApplication(String externalId, String candidateExternalId, String jobExternalId, String jobTitle,
                             String status, String stage, String source, String recruiter, Instant updatedAt,
                             Map<String, List<String>> attributes) {

    /** Canonical constructor: ids and update time are required; attributes are copied. */
    public AtsApplication {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(candidateExternalId, "candidateExternalId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        attributes = Lists.copyAttributes(attributes);
    }
}
