package io.rediscover.index;

import io.rediscover.mirror.ConnectionRef;

import java.util.Optional;

/**
 * What a candidate looks like to the index: its merged view (ATS data, resume text, the enrichment of its match)
 * flattened into index fields. Owned here, where it is needed; implemented where the view is merged.
 */
public interface CandidateDocuments {

    /**
     * @param ref         the connection
     * @param candidateId the candidate's id in the ATS
     * @return its document, or empty when it is deleted or gone (its document is then removed)
     */
    Optional<IndexedCandidate> document(ConnectionRef ref, String candidateId);

    /**
     * @param ref         the connection
     * @param candidateId the candidate's id in the ATS
     * @return the document key the candidate has in its org's index
     */
    static String key(ConnectionRef ref, String candidateId) {
        return ref.key(candidateId);
    }
}
