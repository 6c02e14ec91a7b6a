package io.rediscover.tenancy;

/**
 * Ends a user's access at once: every session and every API token. Owned here, where offboarding needs it, and
 * implemented by sign-in ({@code auth}), which keeps sessions and tokens.
 */
public interface UserAccess {

    /**
     * @param userId the user whose sessions end and tokens stop working
     */
    void endAll(String userId);
}
