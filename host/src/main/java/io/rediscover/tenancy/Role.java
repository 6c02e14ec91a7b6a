package io.rediscover.tenancy;

/** What a user may do. Platform admins run the installation; org admins and recruiters belong to one org. */
public enum Role {
    /** Manages orgs, licences, plugins and users of every org; belongs to no org. */
    PLATFORM_ADMIN,
    /** Connects the org's ATS and manages its integrations. */
    ORG_ADMIN,
    /** Searches; may read the status of integrations. */
    RECRUITER
}
