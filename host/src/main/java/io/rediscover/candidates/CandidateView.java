package io.rediscover.candidates;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A candidate as the API shows it ({@code GET /api/candidates/{id}}): what the ATS holds, in the connector's own
 * profile fields, and what enrichment adds, every value with where it came from. An unmatched candidate has no match
 * and no LinkedIn URL anywhere: a wrong enrichment is worse than none.
 *
 * @param id           the candidate's API id ({@link CandidateId})
 * @param connectionId its connection
 * @param atsId        its id in the ATS
 * @param name         its name as the ATS has it
 * @param deleted      whether the ATS deleted it (the view then holds nothing else)
 * @param updatedAt    when its ATS data last changed (the candidate or one of its applications)
 * @param match        the public profile it was matched to and why, or null
 * @param ats          the ATS data panel
 * @param enrichment   what the resume and the matched profile add
 */
public record CandidateView(String id, String connectionId, String atsId, String name, boolean deleted, Instant updatedAt,
                            Match match, Ats ats, Enrichment enrichment) {

    /** Where a value came from. */
    public enum Source {
        /** The ATS record. */
        ATS,
        /** Text found in the resume. */
        RESUME,
        /** The matched public profile. */
        PUBLIC_PROFILE
    }

    /**
     * A value and its provenance.
     *
     * @param value  the value
     * @param source where it came from
     * @param <T>    the value type
     */
    public record Sourced<T>(T value, Source source) {
    }

    /**
     * Why the candidate is linked to a public profile.
     *
     * @param profileId the profile
     * @param method    LINKEDIN, GITHUB or PROFILE_SCORE
     * @param score     how sure (1 for an exact URL)
     * @param evidence  what agreed, in words
     */
    public record Match(String profileId, String method, double score, List<String> evidence) {
    }

    /**
     * The ATS data panel.
     *
     * @param fields    the connector's candidate-level profile fields that hold values (phone, e-mail, candidate id …)
     * @param workflows the candidate's applications, newest first
     * @param resume    the resume file, or null
     */
    public record Ats(List<Field> fields, List<Workflow> workflows, Resume resume) {
    }

    /**
     * One declared profile field.
     *
     * @param key    the connector's key
     * @param label  its label
     * @param type   text, email, phone, url, date or document
     * @param values its values
     */
    public record Field(String key, String label, String type, List<String> values) {
    }

    /**
     * One application (an iCIMS recruiting workflow).
     *
     * @param id          its id in the ATS
     * @param job         the job's title
     * @param source      where the candidate came from
     * @param status      the workflow status
     * @param stage       the stage the status belongs to
     * @param recruiter   the recruiter
     * @param lastUpdated when it last changed
     * @param fields      the connector's application-level profile fields that hold values
     */
    public record Workflow(String id, String job, String source, String status, String stage, String recruiter,
                           Instant lastUpdated, List<Field> fields) {
    }

    /**
     * @param fileName  the file's name
     * @param mediaType its content type as the ATS gave it
     * @param size      bytes
     * @param download  where to get the file
     * @param text      where to get its extracted text
     */
    public record Resume(String fileName, String mediaType, long size, String download, String text) {
    }

    /**
     * What is known about the person beyond the ATS panel, each value with its source.
     *
     * @param headline    one line about them
     * @param location    where they are
     * @param socialLinks profile URLs (only from a matched profile, or GitHub from the resume)
     * @param workHistory positions, newest first
     * @param education   schools
     * @param skills      skills
     * @param attributes  industry, company size, certifications, languages, groups, interests, honours, diversity
     */
    public record Enrichment(Sourced<String> headline, Sourced<String> location, List<Sourced<String>> socialLinks,
                             List<Sourced<Position>> workHistory, List<Sourced<School>> education,
                             List<Sourced<String>> skills, Map<String, List<Sourced<String>>> attributes) {
    }

    /**
     * @param company   employer
     * @param title     title
     * @param startDate partial ISO date, or null
     * @param endDate   partial ISO date, or null when current
     * @param current   whether current
     */
    public record Position(String company, String title, String startDate, String endDate, boolean current) {
    }

    /**
     * @param school    school
     * @param degree    degree
     * @param major     field of study
     * @param startDate partial ISO date, or null
     * @param endDate   partial ISO date, or null
     */
    public record School(String school, String degree, String major, String startDate, String endDate) {
    }
}
