package io.rediscover.auth;

import io.rediscover.tenancy.UserAccess;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Ends a user's access: closes every session and revokes every API token. */
@Singleton
final class EndUserAccess implements UserAccess {

    private final SessionStore sessions;
    private final ApiTokenStore tokens;

    @Inject
    EndUserAccess(SessionStore sessions, ApiTokenStore tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public void endAll(String userId) {
        sessions.closeAll(userId, null);
        tokens.revokeAll(userId);
    }
}
