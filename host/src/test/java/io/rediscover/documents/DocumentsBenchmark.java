package io.rediscover.documents;

import io.rediscover.testing.TestHosts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Extraction throughput (resumes per second) for plain-text, PDF and DOCX resumes of about one page, through the
 * {@link ExtractionPool} as the text stage uses it, at 1 thread and at the default {@code documents.extractThreads}.
 * Not a test: figures depend on the machine. Run with
 * {@code ./mvnw -q -pl host -am -Pdocuments-benchmark verify -DskipTests [-Dbenchmark.resumes=N]}.
 */
public final class DocumentsBenchmark {

    private static final String[] WORDS = ("engineer platform distributed systems led team delivered migration reliability "
            + "latency customers revenue python java kubernetes postgres design review mentoring hiring roadmap budget "
            + "analytics dashboard pipeline streaming security compliance audit cloud cost reduction").split(" ");

    private DocumentsBenchmark() {
    }

    /** @param args none; {@code -Dbenchmark.resumes=N} resumes per format (default 2000) @throws Exception on failure */
    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("benchmark.resumes", 2_000);
        Path tmp = Files.createTempDirectory("documents-benchmark");
        ResumeExtractor extractor = new ResumeExtractor(TestHosts.config(tmp, tmp, Map.of()), Clock.systemUTC());
        int defaultThreads = TestHosts.config(tmp, tmp, Map.of()).documents().extractThreads();
        System.out.printf("documents benchmark: %d resumes per format, %d cores, heap %d MB%n", n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Random random = new Random(42);
        List<byte[]> text = new ArrayList<>();
        List<byte[]> pdf = new ArrayList<>();
        List<byte[]> docx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> lines = resume(random, i);
            text.add(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            pdf.add(ResumeFiles.pdf(lines, "Person " + i + "  -  https://www.linkedin.com/in/person-" + i, null));
            docx.add(ResumeFiles.docx(lines, null, "GitHub", "https://github.com/person-" + i, null));
        }
        System.out.println("  warming up (one pass of each format, not counted)");
        run("text", text, "text/plain", extractor, defaultThreads, false);
        run("PDF ", pdf, "application/pdf", extractor, defaultThreads, false);
        run("DOCX", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extractor, defaultThreads, false);
        for (int threads : new int[] {1, defaultThreads}) {
            run("text", text, "text/plain", extractor, threads, true);
            run("PDF ", pdf, "application/pdf", extractor, threads, true);
            run("DOCX", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extractor, threads, true);
        }
    }

    private static List<String> resume(Random random, int i) {
        List<String> lines = new ArrayList<>();
        lines.add("Person " + i);
        lines.add("person" + i + "@example.com  |  https://github.com/person-" + i);
        for (int l = 0; l < 36; l++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 11; w++) {
                line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static void run(String format, List<byte[]> files, String type, ResumeExtractor extractor, int threads,
                            boolean print) throws Exception {
        ExtractionPool pool = new ExtractionPool(threads, Duration.ofSeconds(20));
        pool.start();
        try {
            List<Callable<ResumeText>> jobs = files.stream().<Callable<ResumeText>>map(f -> () -> extractor.extract(f, type, null)).toList();
            long start = System.nanoTime();
            long failed = 0;
            for (int from = 0; from < jobs.size(); from += 500) { // the pipeline's batch size
                failed += pool.runAll(jobs.subList(from, Math.min(jobs.size(), from + 500))).stream()
                        .filter(o -> !(o instanceof ExtractionPool.Done<ResumeText> d && d.value().ok())).count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes = files.stream().mapToLong(f -> f.length).sum() / files.size();
            if (print) {
                System.out.printf("  %s  %d thread(s): %8.0f resumes/s  (%d resumes of ~%d bytes in %.1f s, %d failed)%n", format,
                        threads, files.size() / seconds, files.size(), bytes, seconds, failed);
            }
        } finally {
            pool.stop();
        }
    }
}
