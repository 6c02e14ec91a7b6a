package io.rediscover.matching;

import java.util.List;

/**
 * Why a candidate is linked to a public profile.
 *
 * @param profileId the profile
 * @param method    which step of the cascade found it
 * @param score     how sure, from 0 to 1: 1 for an exact URL; for {@link Method#PROFILE_SCORE} the points of the
 *                  evidence mapped onto (0, 1) ({@link ProfileScore#score()})
 * @param evidence  what agreed (and what was weighed against), in words
 */
public record Match(String profileId, Method method, double score, List<String> evidence) {

    /** Canonical constructor: the list is copied; missing is empty. */
    public Match {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The steps of the cascade, in order. */
    public enum Method {
        /** the candidate's LinkedIn URL is the profile's */
        LINKEDIN,
        /** the candidate's GitHub URL is the profile's */
        GITHUB,
        /** name, work history, education and location agree well enough, and no other profile comes close */
        PROFILE_SCORE
    }
}
