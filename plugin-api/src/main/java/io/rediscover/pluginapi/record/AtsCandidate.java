package io.rediscover.pluginapi.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A person in the ATS. Their applications are records of their own ({@link AtsApplication}). Build one with
 * {@link #builder(String, Instant)}.
 *
 * @param externalId   the person's id in the ATS
 * @param updatedAt    when the person last changed in the ATS; the host ignores a version older than the one it holds
 * @param firstName    given name, or null
 * @param middleName   middle name, or null
 * @param lastName     family name, or null
 * @param emails       e-mail addresses, primary first
 * @param phones       phone numbers, primary first
 * @param links        profile URLs found for the person (LinkedIn, GitHub, portfolio), in the ATS's own fields or
 *                     picked out of its text values
 * @param location     where the person lives, or null
 * @param workHistory  positions, newest first
 * @param education    education entries, newest first
 * @param skills       skills as the ATS lists them
 * @param resume       the resume file, or null
 * @param attributes   values for the connector's declared filter and profile-field keys
 */
public record AtsCandidate(String externalId, Instant updatedAt, String firstName, String middleName, String lastName,
                           List<String> emails, List<String> phones, List<String> links, Location location,
                           List<WorkHistory> workHistory, List<Education> education, List<String> skills,
                           AtsDocument resume, Map<String, List<String>> attributes) {

    /** Canonical constructor: the id and update time are required; collections are copied, nulls become empty. */
    public AtsCandidate {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        emails = Lists.copy(emails);
        phones = Lists.copy(phones);
        links = Lists.copy(links);
        workHistory = Lists.copy(workHistory);
        education = Lists.copy(education);
        skills = Lists.copy(skills);
        attributes = Lists.copyAttributes(attributes);
    }

    /** @return first, middle and last name joined with spaces, skipping blanks; empty when none is known */
    public String displayName() {
        return Stream.of(firstName, middleName, lastName).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
    }

    /**
     * @param externalId the person's id in the ATS
     * @param updatedAt  when the person last changed
     * @return a builder
     */
    public static Builder builder(String externalId, Instant updatedAt) {
        return new Builder(externalId, updatedAt);
    }

    /** Collects an {@link AtsCandidate}; every setter returns the builder. */
    public static final class Builder {
        private final String externalId;
        private final Instant updatedAt;
        private String firstName;
        private String middleName;
        private String lastName;
        private final List<String> emails = new ArrayList<>();
        private final List<String> phones = new ArrayList<>();
        private final List<String> links = new ArrayList<>();
        private Location location;
        private final List<WorkHistory> workHistory = new ArrayList<>();
        private final List<Education> education = new ArrayList<>();
        private final List<String> skills = new ArrayList<>();
        private AtsDocument resume;
        private final Map<String, List<String>> attributes = new LinkedHashMap<>();

        private Builder(String externalId, Instant updatedAt) {
            this.externalId = externalId;
            this.updatedAt = updatedAt;
        }

        /**
         * @param first given name
         * @param middle middle name
         * @param last family name
         * @return this builder
         */
        public Builder name(String first, String middle, String last) {
            this.firstName = first;
            this.middleName = middle;
            this.lastName = last;
            return this;
        }

        /**
         * @param email an e-mail address; ignored when null or blank
         * @return this builder
         */
        public Builder email(String email) {
            addIfPresent(emails, email);
            return this;
        }

        /**
         * @param phone a phone number; ignored when null or blank
         * @return this builder
         */
        public Builder phone(String phone) {
            addIfPresent(phones, phone);
            return this;
        }

        /**
         * @param url a profile URL; ignored when null, blank or already present
         * @return this builder
         */
        public Builder link(String url) {
            addIfPresent(links, url);
            return this;
        }

        /**
         * @param where the person's location
         * @return this builder
         */
        public Builder location(Location where) {
            this.location = where;
            return this;
        }

        /**
         * @param position a position
         * @return this builder
         */
        public Builder work(WorkHistory position) {
            workHistory.add(position);
            return this;
        }

        /**
         * @param entry an education entry
         * @return this builder
         */
        public Builder education(Education entry) {
            education.add(entry);
            return this;
        }

        /**
         * @param skill a skill; ignored when null or blank
         * @return this builder
         */
        public Builder skill(String skill) {
            addIfPresent(skills, skill);
            return this;
        }

        /**
         * @param document the resume
         * @return this builder
         */
        public Builder resume(AtsDocument document) {
            this.resume = document;
            return this;
        }

        /**
         * Adds a value for a declared attribute key; null, blank and repeated values are ignored.
         *
         * @param key   a filter or profile-field key of the descriptor
         * @param value the value
         * @return this builder
         */
        public Builder attribute(String key, String value) {
            if (value != null && !value.isBlank()) {
                List<String> values = attributes.computeIfAbsent(key, k -> new ArrayList<>());
                if (!values.contains(value)) {
                    values.add(value);
                }
            }
            return this;
        }

        /** @return the immutable candidate */
        public AtsCandidate build() {
            return new AtsCandidate(externalId, updatedAt, firstName, middleName, lastName, emails, phones, links,
                    location, workHistory, education, skills, resume, attributes);
        }

        private static void addIfPresent(List<String> list, String value) {
            if (value != null && !value.isBlank() && !list.contains(value.strip())) {
                list.add(value.strip());
            }
        }
    }
}
