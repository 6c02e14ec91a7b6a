package io.rediscover.cli;

import io.rediscover.audit.Actor;
import io.rediscover.audit.AuditLog;
import io.rediscover.tenancy.User;
import io.rediscover.tenancy.UserAccess;
import io.rediscover.tenancy.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code rediscover reset-password EMAIL}: the way back in for an operator whose platform admin forgot the password
 * (or for any user): prints a one-time password that must be changed at the next sign-in, and ends the user's
 * sessions and API tokens. Runs with the server stopped, on the server's machine: whoever can run it can read the data anyway.
 */
@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = "Give a user a one-time password, to be changed at the next sign-in (run with the server stopped).")
final class ResetPasswordCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file")
    Path config;

    @Parameters(paramLabel = "EMAIL", description = "the user's sign-in address")
    String email;

    @Override
    public Integer call() {
        return Launch.runOffline(config, "reset-password", host -> {
            UserStore users = host.injector().getInstance(UserStore.class);
            Optional<User> user = users.byEmail(email);
            if (user.isEmpty()) {
                System.err.println("No user signs in as " + email + ".");
                return Launch.START_ERROR;
            }
            String password = UserStore.oneTimePassword();
            users.setPassword(user.get(), password, true);
            host.injector().getInstance(UserAccess.class).endAll(user.get().id());
            host.injector().getInstance(AuditLog.class).record(Actor.SYSTEM, user.get().org(), "user.password-reset",
                    user.get().email(), Map.of("by", "command line"));
            System.out.println("One-time password for " + user.get().email() + ": " + password);
            System.out.println("It is shown only now; it must be changed at the next sign-in. Their sessions and API tokens have ended.");
            return 0;
        });
    }
}
