package io.rediscover.icims.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rediscover profiles generate --count N --seed S --out FILE}: writes a deterministic public-profile corpus
 * ({@link SampleProfileWriter}), gzip-compressed when the file name ends in {@code .gz}.
 */
@Command(name = "profiles generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic, realistic public-profile corpus (JSON Lines; .gz compresses).")
public final class GenerateProfilesMain implements Callable<Integer> {
    @Option(names = "--count", required = true, description = "How many profiles.")
    int count;

    @Option(names = "--seed", description = "Seed: the same count and seed write the same bytes. Default: ${DEFAULT-VALUE}.")
    long seed = 42;

    @Option(names = "--out", required = true, description = "The file to write (.jsonl, or .jsonl.gz for gzip).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (count < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--count must not be negative");
        }
        long t0 = System.nanoTime();
        new SampleProfileWriter().write(out, count, seed);
        System.out.printf("wrote %d profile(s) (seed %d) to %s in %d ms%n", count, seed, out, (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateProfilesMain()).execute(args));
    }
}
