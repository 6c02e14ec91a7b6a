package io.rediscover.matching;

import java.util.List;

/**
 * What the matcher knows about an ATS candidate: the facts a public profile can confirm or contradict. Read from the
 * candidate's ATS record and its resume text by the package that merges candidates ({@link CandidateIdentities}).
 *
 * @param firstName    given name, or null
 * @param middleName   middle name, or null
 * @param lastName     family name, or null
 * @param linkedinUrls canonical LinkedIn profile URLs from the ATS's link fields and the resume, each once
 * @param githubUrls   canonical GitHub profile URLs, likewise
 * @param work         positions, newest first
 * @param education    schools
 * @param location     where the candidate lives, or null
 */
public record CandidateIdentity(String firstName, String middleName, String lastName, List<Link> linkedinUrls,
                                List<Link> githubUrls, List<Job> work, List<Study> education, Place location) {

    /** Canonical constructor: lists copied, missing lists empty. */
    public CandidateIdentity {
        linkedinUrls = linkedinUrls == null ? List.of() : List.copyOf(linkedinUrls);
        githubUrls = githubUrls == null ? List.of() : List.copyOf(githubUrls);
        work = work == null ? List.of() : List.copyOf(work);
        education = education == null ? List.of() : List.copyOf(education);
    }

    /** Where a fact came from, for the evidence. */
    public enum Origin {
        /** the ATS record */
        ATS,
        /** the resume's text or hyperlinks */
        RESUME
    }

    /**
     * A canonical profile URL and where it was found.
     *
     * @param url    canonical ({@code linkedin.com/in/…}, {@code github.com/…})
     * @param origin where
     */
    public record Link(String url, Origin origin) {
    }

    /**
     * One position.
     *
     * @param employer  the employer, or null
     * @param title     the title, or null
     * @param startDate partial ISO date ({@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}), or null
     * @param endDate   partial ISO date, or null
     * @param current   whether the position is current (an open end)
     */
    public record Job(String employer, String title, String startDate, String endDate, boolean current) {
    }

    /**
     * One school.
     *
     * @param school    the school
     * @param degree    the degree, or null
     * @param startDate partial ISO date, or null
     * @param endDate   partial ISO date (graduation), or null
     */
    public record Study(String school, String degree, String startDate, String endDate) {
    }

    /**
     * @param city    city, or null
     * @param region  region or state, or null
     * @param country country, or null
     */
    public record Place(String city, String region, String country) {
    }
}
