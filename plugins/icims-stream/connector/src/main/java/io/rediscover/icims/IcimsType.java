package io.rediscover.icims;

import io.rediscover.pluginapi.sync.RecordKind;

import java.util.List;

/** The three iCIMS profile types we mirror: their URL segment, search-filter prefix, fields and record kind. */
enum IcimsType {
    PEOPLE("people", "person", IcimsAssumptions.PROFILE_PERSON, RecordKind.CANDIDATE, IcimsAssumptions.PERSON_FIELDS),
    WORKFLOWS("applicantworkflows", "applicantworkflow", IcimsAssumptions.PROFILE_WORKFLOW, RecordKind.APPLICATION,
            IcimsAssumptions.WORKFLOW_FIELDS),
    JOBS("jobs", "job", IcimsAssumptions.PROFILE_JOB, RecordKind.JOB, IcimsAssumptions.JOB_FIELDS);

    final String segment;
    final String prefix;
    final String eventProfileType;
    final RecordKind kind;
    final List<String> fields;

    IcimsType(String segment, String prefix, String eventProfileType, RecordKind kind, List<String> fields) {
        this.segment = segment;
        this.prefix = prefix;
        this.eventProfileType = eventProfileType;
        this.kind = kind;
        this.fields = fields;
    }

    /** @return the type with this URL segment, or null (a type this version does not know) */
    static IcimsType ofSegment(String segment) {
        for (IcimsType t : values()) {
            if (t.segment.equals(segment)) {
                return t;
            }
        }
        return null;
    }

    static IcimsType ofEvent(String profileType) {
        for (IcimsType t : values()) {
            if (t.eventProfileType.equalsIgnoreCase(profileType)) {
                return t;
            }
        }
        return null;
    }
}
