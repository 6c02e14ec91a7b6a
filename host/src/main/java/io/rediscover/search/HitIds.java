package io.rediscover.search;

/** How a collection's documents are named in the API: candidates by their candidate id, profiles by their profile id. */
@FunctionalInterface
interface HitIds {

    /**
     * @param id    the API id
     * @param atsId the id in the ATS, or null for a public profile
     */
    record Ids(String id, String atsId) {
    }

    /**
     * @param connectionId the stored connection (empty for profiles)
     * @param externalId   the stored external id
     * @return the hit's ids
     */
    Ids of(String connectionId, String externalId);
}
