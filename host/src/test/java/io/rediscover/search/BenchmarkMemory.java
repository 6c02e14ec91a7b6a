package io.rediscover.search;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.rediscover.store.DataDirectory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the search benchmark reports about memory and disk: the process's resident set, the heap after a GC, sizes. */
final class BenchmarkMemory {

    private BenchmarkMemory() {
    }

    /**
     * The resident set from {@code /proc/self/status}: the heap, the native memory of Tantivy and everything else
     * ({@code anon}), and the pages of mapped files ({@code file}, index files read through mmap).
     *
     * @param totalMb VmRSS
     * @param anonMb  RssAnon
     * @param fileMb  RssFile
     */
    record Rss(long totalMb, long anonMb, long fileMb) {
        @Override
        public String toString() {
            return String.format("%,d MB (anon %,d MB, mapped files %,d MB)", totalMb, anonMb, fileMb);
        }
    }

    static Rss rss() {
        try {
            long total = 0;
            long anon = 0;
            long file = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                String[] p = line.split("\\s+");
                switch (p[0]) {
                    case "VmRSS:" -> total = Long.parseLong(p[1]);
                    case "RssAnon:" -> anon = Long.parseLong(p[1]);
                    case "RssFile:" -> file = Long.parseLong(p[1]);
                    default -> { }
                }
            }
            return new Rss(total >> 10, anon >> 10, file >> 10);
        } catch (IOException e) {
            return new Rss(-1, -1, -1); // not Linux
        }
    }

    /** @return heap in use after two full collections, MB */
    static long heapAfterGcMb() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** @param dir a directory to delete with everything in it, if it exists */
    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
        }
    }

    /** @param dir a directory @return the bytes of the files under it, MB (a retired split deleted meanwhile: none) */
    static long sizeMb(Path dir) {
        return DataDirectory.bytes(dir) >> 20;
    }
}
