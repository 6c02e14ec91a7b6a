package io.rediscover.store;

import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.stream.Stream;

/**
 * A set of ids in a memory-mapped temp file, for sets larger than the heap should hold (a reconciliation's "seen" ids).
 * Not thread-safe. Closing it deletes the file.
 */
public final class TempIdSet implements AutoCloseable {

    private final Path file;
    private final DB db;
    private final NavigableSet<String> ids;

    TempIdSet(Path file) {
        this.file = file;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.db = DBMaker.fileDB(file.toFile()).fileMmapEnableIfSupported().fileDeleteAfterClose().make();
        this.ids = db.treeSet("ids", Serializer.STRING).createOrOpen();
    }

    /**
     * @param id an id
     * @return whether it was new
     */
    public boolean add(String id) {
        return ids.add(id);
    }

    /**
     * @param id an id
     * @return whether the set holds it
     */
    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** @return how many ids the set holds */
    public long size() {
        return ids.size();
    }

    /** @return the ids in order */
    public Iterator<String> iterator() {
        return ids.iterator();
    }

    /**
     * @param candidates ids to test, e.g. every id the mirror holds
     * @return those not in this set, lazily
     */
    public Stream<String> notIn(Stream<String> candidates) {
        return candidates.filter(id -> !ids.contains(id));
    }

    /** @return the backing file */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.close();
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete working set " + file, e);
        }
    }
}
