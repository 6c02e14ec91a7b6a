package io.rediscover.pluginapi;

import java.util.Objects;

/**
 * A field of the per-candidate ATS data panel (for iCIMS: Phone Number, Email, Resume, Candidate ID, Workflow
 * Status, ...). Candidates supply values in {@link io.rediscover.pluginapi.record.AtsCandidate#attributes()} under
 * the same key; a {@link ProfileFieldType#DOCUMENT} field is backed by the candidate's resume instead.
 *
 * @param key   stable machine key, matching {@code [a-z][a-zA-Z0-9]*}; unique within the descriptor
 * @param label human label
 * @param type  how the value is displayed
 */
public record ProfileField(String key, String label, ProfileFieldType type) {

    /** Canonical constructor: all parts are required. */
    public ProfileField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }

    /**
     * @param key machine key
     * @param label human label
     * @return a text field
     */
    public static ProfileField text(String key, String label) {
        return new ProfileField(key, label, ProfileFieldType.TEXT);
    }

    /**
     * @param key machine key
     * @param label human label
     * @return an e-mail field
     */
    public static ProfileField email(String key, String label) {
        return new ProfileField(key, label, ProfileFieldType.EMAIL);
    }

    /**
     * @param key machine key
     * @param label human label
     * @return a phone field
     */
    public static ProfileField phone(String key, String label) {
        return new ProfileField(key, label, ProfileFieldType.PHONE);
    }

    /**
     * @param key machine key
     * @param label human label
     * @return a URL field
     */
    public static ProfileField url(String key, String label) {
        return new ProfileField(key, label, ProfileFieldType.URL);
    }

    /**
     * @param key machine key
     * @param label human label
     * @return a date field
     */
    public static ProfileField date(String key, String label) {
        return new ProfileField(key, label, ProfileFieldType.DATE);
    }

    /**
     * @param key machine key
     * @param label human label
     * @return a document field
     */
    public static ProfileField document(String key, String label) {
        return new ProfileField(key, label, ProfileFieldType.DOCUMENT);
    }
}
