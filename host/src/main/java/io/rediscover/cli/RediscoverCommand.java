package io.rediscover.cli;

import io.rediscover.config.Release;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;

/** The root of the {@code rediscover} command line. */
@Command(name = "rediscover",
        description = "Rediscover: mirror your ATS, enrich candidates from public profiles, and search them.",
        mixinStandardHelpOptions = true,
        versionProvider = RediscoverCommand.Version.class,
        subcommands = {ServeCommand.class, DemoCommand.class, ReindexCommand.class, ResetPasswordCommand.class,
                BackupCommand.class, RestoreCommand.class, ProfilesCommand.class,
                DemoToolCommand.class,
                CommandLine.HelpCommand.class})
public final class RediscoverCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the configured command line, ready to execute */
    public static CommandLine commandLine() {
        return new CommandLine(new RediscoverCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads the version the build stamped into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"Rediscover " + Release.version(), "Java " + System.getProperty("java.version")};
        }
    }
}
