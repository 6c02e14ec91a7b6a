package io.rediscover.tenancy;

import io.rediscover.audit.Actor;
import io.rediscover.audit.AuditLog;
import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * On the first start of an empty installation, creates the first platform admin from {@code admin.email} and
 * {@code admin.password} ({@code REDISCOVER_ADMIN_EMAIL}, {@code REDISCOVER_ADMIN_PASSWORD}). Without a configured
 * password it generates one, prints it once to the console (never to the log) and requires a change at the first
 * sign-in.
 */
@Singleton
public final class FirstAdmin implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserStore users;
    private final AuditLog audit;
    private final HostConfig.Auth config;

    /** @param users users @param audit the audit log @param config host configuration: {@code admin.*} */
    @Inject
    public FirstAdmin(UserStore users, AuditLog audit, HostConfig config) {
        this.users = users;
        this.audit = audit;
        this.config = config.auth();
    }

    @Override
    public void start() {
        if (!users.isEmpty()) {
            return;
        }
        boolean generated = config.adminPassword() == null;
        String password = generated ? UserStore.oneTimePassword() : config.adminPassword();
        users.create(config.adminEmail(), "Platform admin", Role.PLATFORM_ADMIN, null, password, generated).ifPresent(u -> {
            audit.record(Actor.SYSTEM, null, "user.created", u.email(), Map.of("role", u.role().name()));
            LOG.info("created the first platform admin, {}", u.email());
            if (generated) {
                System.out.println();
                System.out.println("  First platform admin: " + u.email());
                System.out.println("  One-time password:    " + password);
                System.out.println("  It is shown only now; change it at the first sign-in (PUT /api/session/password).");
                System.out.println();
            }
        });
    }

    @Override
    public void stop() {
    }

    @Override
    public String name() {
        return "first admin";
    }
}
