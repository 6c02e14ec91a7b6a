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
        try (DemoClassPath demoLibs = DemoClassPath.open(Launch.home())) {
            if (!demoLibs.runTool("icims-sim", args.toArray(String[]::new))) {
                System.err.println("The iCIMS simulator is not installed (" + Launch.home().resolve("lib/demo") + " is missing).");
                return Launch.CONFIG_ERROR;
            }
            return 0;
        }
    }
}
