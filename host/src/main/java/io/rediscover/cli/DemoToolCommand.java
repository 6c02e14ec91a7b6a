package io.rediscover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rediscover icims-sim …}: runs the iCIMS simulator from {@code lib/demo/} (a development and demo tool, not part
 * of the server). Every argument goes to the simulator; {@code rediscover icims-sim --help} lists them.
 */
@Command(name = "icims-sim", description = "Run a simulated iCIMS tenant (a demo tool from lib/demo/; --help lists its options).")
final class DemoToolCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return run("icims-sim", args, "The iCIMS simulator");
    }

    /**
     * Runs a tool of the demo's class path.
     *
     * @param tool its name in {@code META-INF/rediscover-demo.properties}
     * @param args its arguments
     * @param what what it is, for the message when it is missing
     * @return the exit code: 0, or {@link Launch#CONFIG_ERROR} when it is not installed
     * @throws Exception when the tool fails
     */
    static int run(String tool, List<String> args, String what) throws Exception {
        try (DemoClassPath demoLibs = DemoClassPath.open(Launch.home())) {
            if (!demoLibs.runTool(tool, args.toArray(String[]::new))) {
                System.err.println(what + " is not installed (" + Launch.home().resolve("lib/demo") + " is missing).");
                return Launch.CONFIG_ERROR;
            }
            return 0;
        }
    }
}
