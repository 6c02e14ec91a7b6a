package io.rediscover;

import io.rediscover.cli.RediscoverCommand;
import picocli.CommandLine;

/** The {@code rediscover} command: parses the command line and runs a subcommand. */
public final class Main {

    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        int exit = RediscoverCommand.commandLine().execute(args);
        if (exit != 0 || args.length == 0 || !isLongRunning(args[0])) {
            System.exit(exit);
        }
    }

    private static boolean isLongRunning(String subcommand) {
        return subcommand.equals("serve") || subcommand.equals("demo") || subcommand.equals("icims-sim");
    }
}
