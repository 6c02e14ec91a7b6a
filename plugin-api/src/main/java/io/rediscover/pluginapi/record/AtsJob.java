package io.rediscover.pluginapi.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job (requisition) in the ATS.
 *
 * @param externalId    the job's id in the ATS
 * @param updatedAt     when it last changed in the ATS; the host ignores a version older than the one it holds
 * @param title         job title
 * @param requisitionId the human requisition number, e.g. {@code 2024-1026}, or null
 * @param status        the job's folder or status, e.g. "Approved", or null
 * @param recruiter     the recruiter's display name, or null
 * @param hiringManager the hiring manager's display name, or null
 * @param location      where the job is, or null
 * @param attributes    values for declared filter and profile-field keys
 */
public record AtsJob(String externalId, Instant updatedAt, String title, String requisitionId, String status,
                     String recruiter, String hiringManager, Location location, Map<String, List<String>> attributes) {

    /** Canonical constructor: the id and update time are required; the attributes are copied. */
    public AtsJob {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        attributes = Lists.copyAttributes(attributes);
    }
}
