package io.rediscover.store;

import io.rediscover.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Off-heap, temp-file working sets (MapDB) for work too large for the Java heap — the id sets of a reconciliation over
 * millions of ATS ids, de-duplication windows. Never the only copy of anything: MapDB 3.1.0 is not crash-safe
 * (stack-notes.md), so everything here can be rebuilt, and the directory is emptied at every start with the rest of
 * {@code tmp/}.
 */
@Singleton
public final class WorkingSets implements Managed {

    private final DataDirectory data;
    private final AtomicLong sequence = new AtomicLong();

    /** @param data the data directory, whose {@code tmp/} holds the files */
    @Inject
    public WorkingSets(DataDirectory data) {
        this.data = data;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(dir());
    }

    @Override
    public void stop() {
        DataDirectory.emptyDirectory(dir());
    }

    @Override
    public String name() {
        return "working sets";
    }

    private Path dir() {
        return data.tmpDir().resolve("working-sets");
    }

    /**
     * @param purpose a word for the file name, e.g. {@code reconcile-candidates}
     * @return a new, empty id set backed by its own temp file; close it to delete the file
     */
    public TempIdSet newIdSet(String purpose) {
        return new TempIdSet(dir().resolve(purpose.replaceAll("[^a-zA-Z0-9-]", "_") + "-" + sequence.incrementAndGet() + ".db"));
    }
}
