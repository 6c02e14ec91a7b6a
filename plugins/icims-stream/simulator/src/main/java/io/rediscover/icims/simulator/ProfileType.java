package io.rediscover.icims.simulator;

import java.util.Arrays;
import java.util.Optional;

/** The three iCIMS profile types the simulator holds, with their path segment and search prefix. */
public enum ProfileType {
    /** Person profiles: candidates, employees, hiring managers alike (told apart by folder). */
    PERSON("people", "person", "Person", "person"),
    /** Job profiles. */
    JOB("jobs", "job", "Job", "job"),
    /** Recruiting workflows: one person applied to one job. */
    APPLICANT_WORKFLOW("applicantworkflows", "applicantworkflow", "Applicant Workflow", "applicantworkflow");

    private final String pathSegment;
    private final String searchPrefix;
    private final String displayName;
    private final String eventProfileType;

    ProfileType(String pathSegment, String searchPrefix, String displayName, String eventProfileType) {
        this.pathSegment = pathSegment;
        this.searchPrefix = searchPrefix;
        this.displayName = displayName;
        this.eventProfileType = eventProfileType;
    }

    /** Segment in {@code /customers/{cid}/<segment>/{id}} and {@code /search/<segment>}. */
    public String pathSegment() {
        return pathSegment;
    }

    /** Filter-name prefix without the dot, e.g. {@code person}. */
    public String searchPrefix() {
        return searchPrefix;
    }

    /** Used in "&lt;Type&gt; not found." messages. */
    public String displayName() {
        return displayName;
    }

    /** Value of {@code profileType} in data-stream events. */
    public String eventProfileType() {
        return eventProfileType;
    }

    /** Finds the type for a URL path segment such as {@code people}. */
    public static Optional<ProfileType> fromPathSegment(String segment) {
        return Arrays.stream(values()).filter(t -> t.pathSegment.equals(segment)).findFirst();
    }
}
