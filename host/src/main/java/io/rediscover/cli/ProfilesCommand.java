package io.rediscover.cli;

import io.rediscover.profiles.ProfileImport;
import io.rediscover.profiles.ProfileImports;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rediscover profiles …}: the public-profile corpus from the command line. */
@Command(name = "profiles", mixinStandardHelpOptions = true, description = "Import or generate public profiles.",
        subcommands = {ProfilesCommand.Import.class, ProfilesCommand.Generate.class})
final class ProfilesCommand implements Runnable {

    /** How many bad lines the summary shows with their reasons. */
    static final int BAD_LINES_SHOWN = 10;

    @Override
    public void run() {
        System.out.println("Usage: rediscover profiles import FILE | rediscover profiles generate --count N --seed S --out FILE");
    }

    /**
     * {@code rediscover profiles import FILE}: imports a JSON Lines file (plain or gzip) into the corpus with the server
     * stopped, like {@code reindex}, with a progress bar and a summary; a running server offers
     * {@code POST /api/admin/profiles/import}.
     */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import public profiles from a JSON Lines file, plain or gzip (run with the server stopped).")
    static final class Import implements Callable<Integer> {

        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file")
        Path config;

        @Parameters(paramLabel = "FILE", description = "the profiles: JSON Lines, plain or gzip-compressed")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isReadable(file)) {
                System.err.println("Cannot read " + file.toAbsolutePath() + ".");
                return Launch.CONFIG_ERROR;
            }
            return Launch.runOffline(config, "profiles import", host -> {
                ProfileImport end;
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(size(file))
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1_000_000).setUpdateIntervalMillis(1_000)
                        .showSpeed().build()) {
                    end = host.injector().getInstance(ProfileImports.class).importFile(file, "command line", p -> {
                        bar.stepTo(p.progress().bytesDone());
                        bar.setExtraMessage(" " + p.progress().linesDone() + " lines, " + p.counts().bad() + " bad");
                    });
                    bar.stepTo(end.progress().bytesDone());
                } catch (IOException e) {
                    System.err.println("profiles import failed: " + e.getMessage());
                    return Launch.START_ERROR;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Launch.START_ERROR;
                }
                summary(end).forEach(System.out::println);
                return end.state() == ProfileImport.State.DONE ? 0 : Launch.START_ERROR;
            });
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** @param end a finished import @return what to print about it */
    static List<String> summary(ProfileImport end) {
        List<String> lines = new ArrayList<>();
        ProfileImport.Counts c = end.counts();
        lines.add(String.format("profiles import %s: %d line(s) read, %d profile(s) imported (%d added, %d replaced, %d"
                        + " unchanged), %d bad line(s)", end.state(), end.progress().linesDone(), c.imported(), c.added(),
                c.replaced(), c.unchanged(), c.bad()));
        end.badLines().stream().limit(BAD_LINES_SHOWN)
                .forEach(b -> lines.add("  line " + b.line() + ": " + b.reason()));
        if (c.bad() > BAD_LINES_SHOWN) {
            lines.add("  … and " + (c.bad() - BAD_LINES_SHOWN) + " more bad line(s)");
        }
        if (end.error() != null) {
            lines.add(end.error());
        }
        return lines;
    }

    /**
     * {@code rediscover profiles generate --count N --seed S --out FILE}: a deterministic, realistic corpus, written by
     * the generator that lives with the simulator in {@code lib/demo/} (a demo, test and benchmark tool, not part of the
     * server).
     */
    @Command(name = "generate", description = "Generate a deterministic public-profile corpus (a demo tool from lib/demo/;"
            + " --help lists its options).")
    static final class Generate implements Callable<Integer> {

        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return DemoToolCommand.run("profiles-generate", args, "The profile generator");
        }
    }
}
