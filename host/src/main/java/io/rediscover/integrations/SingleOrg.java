package io.rediscover.integrations;

/**
 * The org the HTTP API acts for until sign-in and tenancy land: every key already carries the org, so replacing this
 * with the caller's org changes no storage. The demo's connection lives in it too.
 */
public final class SingleOrg {

    /** The org id. */
    public static final String ID = "demo";

    private SingleOrg() {
    }
}
