package io.rediscover.profiles;

import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Imports one JSON Lines file into the corpus, streamed and in bounded memory: lines are read one by one
 * ({@link JsonLines}), parsed ({@link ProfileJson}), and committed {@value #BATCH} lines (or 8 MiB) at a time together with the
 * import's own record, so the record always says exactly how far the store is. A bad line is skipped and reported with
 * its number and reason; the import goes on. A file that cannot be read to its end (a gzip stream cut short, corrupt
 * data) ends the import as {@code FAILED} with what was read before it committed. An import resumes after a restart
 * from the last committed line.
 */
@Singleton
public final class ProfileImporter {

    /** Lines per commit: fewer, larger commits rewrite fewer pages of the store's trees. */
    static final int BATCH = 5_000;
    /** Chunks filled less than this (percent) are rewritten after each commit: an import rewrites index pages all over. */
    static final int COMPACT_FILL_RATE = 80;
    /** At most this much is rewritten after a commit. */
    static final int COMPACT_BYTES = 64 << 20;
    /** Characters of profile lines per commit at the most, so that a file of long lines keeps the batch's memory bounded. */
    static final long BATCH_CHARS = 8L << 20;

    private final ProfileStore profiles;
    private final Store store;
    private final StoreMap<ProfileImport> imports;
    private final Clock clock;

    /** @param profiles the corpus @param store the system of record @param clock the host's clock */
    @Inject
    public ProfileImporter(ProfileStore profiles, Store store, Clock clock) {
        this.profiles = profiles;
        this.store = store;
        this.imports = store.map("profiles.imports", ProfileImport.class);
        this.clock = clock;
    }

    /** @param id an import's id @return its record */
    Optional<ProfileImport> get(String id) {
        return imports.get(id);
    }

    /** @return every import's record */
    List<ProfileImport> all() {
        try (var s = imports.scan("")) {
            return s.map(Map.Entry::getValue).toList();
        }
    }

    /** @param record a record to store as it is */
    void save(ProfileImport record) {
        store.write(b -> b.put(imports, record.id(), record));
    }

    /**
     * Runs (or resumes) an import to its end, in the calling thread.
     *
     * @param record   the import, QUEUED, or RUNNING when it resumes after a restart (from {@code progress.linesDone})
     * @param file     the file
     * @param progress told the record after every commit
     * @return the final record: DONE, FAILED, or RUNNING when the thread was interrupted (it resumes at the next start)
     * @throws IOException when the file cannot be opened
     */
    public ProfileImport run(ProfileImport record, Path file, Consumer<ProfileImport> progress) throws IOException {
        Instant started = clock.instant();
        long resumeAfter = record.progress().linesDone();
        ProfileImport current = record.started(started);
        long total = Files.size(file);
        try (JsonLines lines = JsonLines.open(file)) {
            List<Profile> batch = new ArrayList<>(BATCH);
            List<ProfileImport.BadLineReport> bad = new ArrayList<>();
            long lineNo = 0;
            long batchChars = 0;
            JsonLines.Line line;
            try {
                while ((line = lines.next()) != null) {
                    lineNo = line.number();
                    if (lineNo <= resumeAfter) {
                        continue;
                    }
                    read(line, batch, bad);
                    batchChars += line.text() == null ? 0 : line.text().length();
                    if (lineNo - current.progress().linesDone() >= BATCH || batchChars >= BATCH_CHARS) {
                        batchChars = 0;
                        current = commit(current, batch, bad, lineNo, lines.bytesRead(), total, started, resumeAfter, false);
                        progress.accept(current);
                        if (Thread.currentThread().isInterrupted()) {
                            return current;
                        }
                    }
                }
            } catch (EOFException | ZipException e) {
                current = commit(current, batch, bad, lineNo, lines.bytesRead(), total, started, resumeAfter, false);
                ProfileImport failed = current.withState(ProfileImport.State.FAILED, clock.instant(), "the file could not be"
                        + " read past line " + lineNo + " (" + (lines.gzip() ? "its gzip data is cut short or corrupt" : "read error")
                        + ": " + e.getMessage() + "); the " + current.counts().imported() + " profile(s) read before are imported");
                save(failed);
                progress.accept(failed);
                return failed;
            }
            current = commit(current, batch, bad, lineNo, total, total, started, resumeAfter, true);
            progress.accept(current);
            return current;
        }
    }

    private static void read(JsonLines.Line line, List<Profile> batch, List<ProfileImport.BadLineReport> bad) {
        if (line.problem() != null) {
            bad.add(new ProfileImport.BadLineReport(line.number(), line.problem()));
            return;
        }
        if (line.text().isBlank()) {
            return;
        }
        try {
            batch.add(ProfileJson.parse(line.text()));
        } catch (BadLine e) {
            bad.add(new ProfileImport.BadLineReport(line.number(), e.getMessage()));
        }
    }

    private ProfileImport commit(ProfileImport current, List<Profile> batch, List<ProfileImport.BadLineReport> bad,
                                 long lineNo, long bytesDone, long bytesTotal, Instant started, long resumeAfter,
                                 boolean done) {
        Instant now = clock.instant();
        double seconds = Math.max(Duration.between(started, now).toMillis() / 1000.0, 0.001);
        double rate = (lineNo - resumeAfter) / seconds;
        long estimated = done || bytesDone == 0 ? lineNo : Math.max(lineNo, Math.round((double) lineNo * bytesTotal / bytesDone));
        Instant eta = done || rate <= 0 ? null : now.plusMillis((long) ((estimated - lineNo) / rate * 1000));
        ProfileImport.Progress p = new ProfileImport.Progress(lineNo, Math.min(bytesDone, bytesTotal), bytesTotal, estimated,
                Math.round(rate * 10) / 10.0, eta);
        List<ProfileImport.BadLineReport> badNow = List.copyOf(bad);
        ProfileImport[] next = new ProfileImport[1];
        profiles.write(List.copyOf(batch), (b, written) -> {
            ProfileImport advanced = current.advanced(p, current.counts().plus(written, badNow.size()), badNow);
            next[0] = done ? advanced.withState(ProfileImport.State.DONE, now, null) : advanced;
            b.put(imports, next[0].id(), next[0]);
        });
        batch.clear();
        bad.clear();
        store.compact(COMPACT_FILL_RATE, COMPACT_BYTES);
        return next[0];
    }
}
