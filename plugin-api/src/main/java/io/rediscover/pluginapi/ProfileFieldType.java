package io.rediscover.pluginapi;

/** How the host displays an ATS {@link ProfileField} in the candidate's ATS data panel. */
public enum ProfileFieldType {
    /** Plain text. */
    TEXT,
    /** An e-mail address, shown as a mailto link. */
    EMAIL,
    /** A phone number, shown as a tel link. */
    PHONE,
    /** A URL, shown as a link. */
    URL,
    /** A date or instant in ISO-8601, shown in the viewer's locale. */
    DATE,
    /** A document (the resume), shown as a download of {@link io.rediscover.pluginapi.record.AtsCandidate#resume()}. */
    DOCUMENT
}
