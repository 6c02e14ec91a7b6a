package io.rediscover.profiles;

import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import io.rediscover.store.DataDirectory;
import io.rediscover.store.Ids;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs profile imports one at a time: uploads through the API are streamed to a file under the data directory
 * ({@code profile-imports/}) and queued for a background thread; the command line imports an operator's file in its own
 * thread. Either way the import's record is stored with every commit. At start-up an upload that was queued or running
 * when the server stopped is resumed from its last committed line (the file is kept until its import ends); a
 * command-line import that was cut short is marked {@code INTERRUPTED} — run it again: re-importing replaces profiles,
 * it never duplicates them.
 */
@Singleton
public final class ProfileImports implements Managed {

    /** Where uploads wait for their import, under the data directory. */
    static final String UPLOADS = "profile-imports";
    static final String UPLOAD = "upload";
    static final String COMMAND_LINE = "command line";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileImports.class);

    private final ProfileImporter importer;
    private final DataDirectory data;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private ExecutorService worker;

    /** @param importer does one import @param data the data directory @param clock the host's clock */
    @Inject
    public ProfileImports(ProfileImporter importer, DataDirectory data, Clock clock) {
        this.importer = importer;
        this.data = data;
        this.clock = clock;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(uploads());
        worker = Executors.newSingleThreadExecutor(DaemonThreads.named("profile-import"));
        for (ProfileImport p : queueOrder(importer.all())) {
            if (p.state().ended()) {
                continue;
            }
            if (UPLOAD.equals(p.source()) && Files.isRegularFile(upload(p.id()))) {
                LOG.info("profile import {} resumes after line {}", p.id(), p.progress().linesDone());
                worker.execute(() -> runQueued(p));
            } else {
                importer.save(p.withState(ProfileImport.State.INTERRUPTED, clock.instant(), "stopped when its process"
                        + " ended; run it again (profiles already imported are replaced, never duplicated)"));
            }
        }
    }

    private static List<ProfileImport> queueOrder(List<ProfileImport> all) {
        return all.stream().sorted(Comparator.comparing(ProfileImport::createdAt)).toList();
    }

    @Override
    public void stop() throws InterruptedException {
        DaemonThreads.stopNow(worker, 30); // the running import stops after its current commit and resumes at the next start
    }

    @Override
    public String name() {
        return "profile imports";
    }

    private Path uploads() {
        return data.resolve(UPLOADS);
    }

    private Path upload(String id) {
        return uploads().resolve(id + ".jsonl");
    }

    /**
     * Streams an upload to a file under the data directory and queues its import.
     *
     * @param body     the request body (plain or gzip JSON Lines); read to its end, never held in memory
     * @param fileName the file's name, when the client said it
     * @param by       who uploads
     * @return the queued import
     * @throws IOException when the body cannot be read or written (nothing is queued then)
     */
    public ProfileImport upload(InputStream body, String fileName, String by) throws IOException {
        String id = Ids.random("imp");
        Path file = upload(id);
        try {
            long size = Files.copy(body, file);
            ProfileImport queued = new ProfileImport(id, ProfileImport.State.QUEUED, UPLOAD, fileName, by, clock.instant(),
                    null, null, new ProfileImport.Progress(0, 0, size, 0, 0, null), null, List.of(), null);
            importer.save(queued);
            worker.execute(() -> runQueued(queued));
            return queued;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private void runQueued(ProfileImport queued) {
        Path file = upload(queued.id());
        try {
            ProfileImport end = runLocked(queued, file, p -> { });
            if (end.state().ended()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            importer.save(queued.withState(ProfileImport.State.FAILED, clock.instant(), "the upload could not be read: "
                    + e.getMessage()));
            LOG.warn("profile import {} failed: {}", queued.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("profile import {} stopped: {}", queued.id(), e.toString(), e);
        }
    }

    /**
     * Imports an operator's file in the calling thread (the command line), after any import that is running.
     *
     * @param file     the file
     * @param by       who runs it
     * @param progress told the import's record after every commit
     * @return the final record
     * @throws IOException when the file cannot be opened
     * @throws InterruptedException when interrupted while another import runs
     */
    public ProfileImport importFile(Path file, String by, Consumer<ProfileImport> progress)
            throws IOException, InterruptedException {
        ProfileImport record = new ProfileImport(Ids.random("imp"), ProfileImport.State.QUEUED, COMMAND_LINE,
                file.getFileName().toString(), by, clock.instant(), null, null,
                new ProfileImport.Progress(0, 0, Files.size(file), 0, 0, null), null, List.of(), null);
        importer.save(record);
        return runLocked(record, file, progress);
    }

    private ProfileImport runLocked(ProfileImport record, Path file, Consumer<ProfileImport> progress)
            throws IOException, InterruptedException {
        oneAtATime.lockInterruptibly();
        try {
            ProfileImport end = importer.run(record, file, progress);
            LOG.info("profile import {} {}: {} line(s), {} imported ({} added, {} replaced, {} unchanged), {} bad",
                    end.id(), end.state(), end.progress().linesDone(), end.counts().imported(), end.counts().added(),
                    end.counts().replaced(), end.counts().unchanged(), end.counts().bad());
            return end;
        } finally {
            oneAtATime.unlock();
        }
    }

    /** @param id an import's id @return its record */
    public Optional<ProfileImport> get(String id) {
        return importer.get(id);
    }

    /** @return every import, newest first */
    public List<ProfileImport> list() {
        return importer.all().stream().sorted(Comparator.comparing(ProfileImport::createdAt).reversed()).toList();
    }
}
