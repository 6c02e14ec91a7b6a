package io.rediscover.matching;

import java.util.List;

/**
 * How well one public profile agrees with a candidate: the points of its name and of the facts that corroborate it
 * (work history, education, location), with what agreed and what contradicted, in words.
 *
 * @param profileId     the profile
 * @param name          how well the names agree
 * @param corroboration points from everything but the name (negative for contradictions)
 * @param evidence      what was weighed, in words
 */
record ProfileScore(String profileId, NameAgreement name, double corroboration, List<String> evidence) {

    /** Canonical constructor: copies the list. */
    ProfileScore {
        evidence = List.copyOf(evidence);
    }

    /** @return name and corroboration points together */
    double points() {
        return name.points() + corroboration;
    }

    /** @return the points mapped onto (0, 1): each 2 points halve the distance to 1 (6 points: 0.875, 8: 0.94) */
    double score() {
        double points = Math.max(0, points());
        return Math.round((1 - Math.pow(2, -points / 2)) * 1000) / 1000.0;
    }
}
