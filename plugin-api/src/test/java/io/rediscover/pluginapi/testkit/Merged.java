package io.rediscover.pluginapi.testkit;

import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsJob;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The host's upsert rules for the test kit's records: a version older than the stored one is ignored; a field the
 * incoming version leaves empty (null, blank, an empty list) keeps the stored value.
 */
final class Merged {

    private Merged() {
    }

    static Instant updatedAt(Object record) {
        if (record instanceof AtsCandidate c) {
            return c.updatedAt();
        }
        if (record instanceof AtsJob j) {
            return j.updatedAt();
        }
        return ((AtsApplication) record).updatedAt();
    }

    /** @return the merged record, or null when {@code incoming} is older than {@code stored} */
    static Object over(Object stored, Object incoming) {
        if (stored == null) {
            return incoming;
        }
        if (updatedAt(incoming).isBefore(updatedAt(stored))) {
            return null;
        }
        if (incoming instanceof AtsCandidate c) {
            return candidate((AtsCandidate) stored, c);
        }
        if (incoming instanceof AtsJob j) {
            return job((AtsJob) stored, j);
        }
        return application((AtsApplication) stored, (AtsApplication) incoming);
    }

    private static AtsCandidate candidate(AtsCandidate s, AtsCandidate c) {
        return new AtsCandidate(c.externalId(), c.updatedAt(), or(s.firstName(), c.firstName()),
                or(s.middleName(), c.middleName()), or(s.lastName(), c.lastName()), or(s.emails(), c.emails()),
                or(s.phones(), c.phones()), or(s.links(), c.links()), or(s.location(), c.location()),
                or(s.workHistory(), c.workHistory()), or(s.education(), c.education()), or(s.skills(), c.skills()),
                or(s.resume(), c.resume()), or(s.attributes(), c.attributes()));
    }

    private static AtsJob job(AtsJob s, AtsJob j) {
        return new AtsJob(j.externalId(), j.updatedAt(), or(s.title(), j.title()), or(s.requisitionId(), j.requisitionId()),
                or(s.status(), j.status()), or(s.recruiter(), j.recruiter()), or(s.hiringManager(), j.hiringManager()),
                or(s.location(), j.location()), or(s.attributes(), j.attributes()));
    }

    private static AtsApplication application(AtsApplication s, AtsApplication a) {
        return new AtsApplication(a.externalId(), a.candidateExternalId(), or(s.jobExternalId(), a.jobExternalId()),
                or(s.jobTitle(), a.jobTitle()), or(s.status(), a.status()), or(s.stage(), a.stage()),
                or(s.source(), a.source()), or(s.recruiter(), a.recruiter()), a.updatedAt(),
                or(s.attributes(), a.attributes()));
    }

    /** @return the incoming value, or the stored one when the incoming one is empty */
    private static <T> T or(T stored, T incoming) {
        boolean empty = incoming == null
                || (incoming instanceof String t && t.isBlank())
                || (incoming instanceof Collection<?> l && l.isEmpty())
                || (incoming instanceof Map<?, ?> m && m.isEmpty());
        return empty ? stored : incoming;
    }
}
