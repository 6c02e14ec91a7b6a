package io.rediscover.tenancy;

/** What an org has bought. ATS integrations come with Professional and Enterprise. */
public enum LicenceTier {
    FREE, TEAM, PROFESSIONAL, ENTERPRISE;

    /** @return whether this tier includes ATS integrations */
    public boolean includesIntegrations() {
        return this == PROFESSIONAL || this == ENTERPRISE;
    }

    /** @return the name shown to people, e.g. "Professional" */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
