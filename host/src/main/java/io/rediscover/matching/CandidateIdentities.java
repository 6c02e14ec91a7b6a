package io.rediscover.matching;

import io.rediscover.mirror.ConnectionRef;

import java.util.Optional;

/**
 * The facts about an ATS candidate that matching compares with public profiles. Owned here, where it is needed;
 * implemented where the candidate's ATS data and resume text are merged (package {@code candidates}), which sits above.
 */
public interface CandidateIdentities {

    /**
     * @param ref         the connection
     * @param candidateId the candidate's id in the ATS
     * @return its identity, or empty when the candidate is deleted or gone
     */
    Optional<CandidateIdentity> identity(ConnectionRef ref, String candidateId);
}
