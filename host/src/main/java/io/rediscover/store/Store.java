package io.rediscover.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

/**
 * The system of record: one H2 MVStore file ({@code <data>/store/rediscover.mv.db}) holding every named
 * {@link StoreMap}. MVStore, not MapDB, because it survived every kill -9 in our tests and MapDB 3.1.0 did not
 * (stack-notes.md). Values are JSON written and read by the store's own lenient codec ({@link StoreJson}), so a
 * release can always open what an older one wrote.
 *
 * <p>Writes happen only in {@link #write} batches: the batch is collected first and applied afterwards under one
 * store-wide lock, followed by one commit. So a batch is durable completely or not at all — a crash before the
 * commit rolls the file back to the previous commit — and a lambda that throws leaves nothing behind. (MVStore makes
 * map writes visible to readers before they are committed; collecting first keeps a failing batch from ever being
 * visible, and the apply step is short.)
 *
 * <p>When the file cannot be written (a full disk, an I/O error) MVStore closes itself. The store then turns
 * <em>unavailable</em>: the failure is logged once, every access throws {@link StoreUnavailableException} (503 at the
 * API) and the services that write pause; {@link StoreWatch} reopens the file — back at the last commit, nothing
 * committed is lost — once writing works again.
 */
@Singleton
public final class Store implements Managed {

    /** The store file's name in {@code <data>/store/}. */
    public static final String FILE_NAME = "rediscover.mv.db";
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final Path file;
    private final boolean syncOnCommit;
    private final ObjectMapper json = StoreJson.mapper();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock backupLock = new ReentrantLock();
    private final Map<String, StoreMap<?>> maps = new ConcurrentHashMap<>();
    private final Map<String, String> mapTypes = new ConcurrentHashMap<>();
    private volatile MVStore mv;
    private volatile StoreUnavailableException unavailable;

    /**
     * @param data   the data directory
     * @param config host configuration: {@code data.syncOnCommit}
     */
    @Inject
    public Store(DataDirectory data, HostConfig config) {
        this(data.storeDir().resolve(FILE_NAME), config.data().syncOnCommit());
    }

    /**
     * @param file         the store file
     * @param syncOnCommit fsync after each commit: committed data survives a power loss too, at the cost of a disk
     *                     flush per batch (a process crash is survived either way)
     */
    public Store(Path file, boolean syncOnCommit) {
        this.file = file.toAbsolutePath();
        this.syncOnCommit = syncOnCommit;
    }

    /**
     * Opens the file through H2's {@code retry:} file system: a thread interrupted during a write (a service stopping its
     * worker) would otherwise close the store's file channel for every thread ({@code ClosedByInterruptException}), and
     * the store would stop working; with it the channel is opened again and the write goes on.
     */
    private MVStore openFile() {
        return new MVStore.Builder().fileName("retry:" + file).autoCommitDisabled().open();
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(file.getParent());
            mv = openFile();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        } catch (MVStoreException e) {
            throw new IllegalStateException(openFailure(e), e);
        }
    }

    private String openFailure(MVStoreException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("locked")) {
            return "store file " + file + " is locked by another process";
        }
        return "cannot open store file " + file + " (corrupt or unreadable? restore it from a backup): " + m;
    }

    @Override
    public void stop() {
        writeLock.lock();
        try {
            MVStore s = mv;
            if (s != null && !s.isClosed()) {
                s.close();
            } else if (s != null) {
                s.closeImmediately();
            }
            mv = null;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public String name() {
        return "store";
    }

    /** @return whether the store is open and writable */
    public boolean isOpen() {
        MVStore s = mv;
        return s != null && !s.isClosed() && unavailable == null;
    }

    /** @return why the store cannot be used now, if it cannot */
    public Optional<StoreUnavailableException> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** @return the store file */
    public Path file() {
        return file;
    }

    /** @return the names of the maps in the file (opened or not), in order */
    public Set<String> mapNames() {
        return guarded(() -> new TreeSet<>(open().getMapNames()));
    }

    /**
     * A map whose values are JSON-serialised objects.
     *
     * @param name the map's name, e.g. {@code mirror.records}
     * @param type the value type
     * @param <V>  the value type
     * @return the map
     */
    public <V> StoreMap<V> map(String name, Class<V> type) {
        return map(name, json.getTypeFactory().constructType(type));
    }

    /**
     * @param name the map's name
     * @param type the generic value type
     * @param <V>  the value type
     * @return the map
     */
    public <V> StoreMap<V> map(String name, TypeReference<V> type) {
        return map(name, json.getTypeFactory().constructType(type));
    }

    /**
     * A map whose values are raw bytes (files, such as resumes).
     *
     * @param name the map's name
     * @return the map
     */
    @SuppressWarnings("unchecked")
    public StoreMap<byte[]> bytes(String name) {
        return (StoreMap<byte[]>) typed(name, "bytes", n -> new StoreMap<>(n, this, new StoreMap.Codec<byte[]>() {
            @Override
            public byte[] encode(byte[] value) {
                return value;
            }

            @Override
            public byte[] decode(byte[] bytes) {
                return bytes;
            }
        }));
    }

    /** One map, one value type: asking for a map under another type is a programming error, not a silent cast. */
    private StoreMap<?> typed(String name, String type, Function<String, StoreMap<?>> create) {
        StoreMap<?> m = maps.computeIfAbsent(name, create);
        String had = mapTypes.putIfAbsent(name, type);
        if (had != null && !had.equals(type)) {
            throw new IllegalArgumentException("map " + name + " holds " + had + ", not " + type);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private <V> StoreMap<V> map(String name, JavaType type) {
        return (StoreMap<V>) typed(name, type.toCanonical(), n -> new StoreMap<>(n, this, new StoreMap.Codec<V>() {
            @Override
            public byte[] encode(V value) {
                try {
                    return json.writeValueAsBytes(value);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot serialise a value for map " + n, e);
                }
            }

            @Override
            public V decode(byte[] bytes) {
                try {
                    return json.readValue(bytes, type);
                } catch (IOException e) {
                    throw new IllegalStateException("map " + n + " holds a value that does not read as " + type, e);
                }
            }
        }));
    }

    private MVStore open() {
        StoreUnavailableException down = unavailable;
        if (down != null) {
            throw down;
        }
        MVStore s = mv;
        if (s == null) {
            throw new IllegalStateException("the store is not open");
        }
        return s;
    }

    MVMap<String, byte[]> openMap(String name) {
        return guarded(() -> open().openMap(name));
    }

    /**
     * Runs a store access; an MVStore failure (the file cannot be read or written, the store closed itself) turns the
     * store unavailable and surfaces as {@link StoreUnavailableException}.
     */
    <T> T guarded(Supplier<T> access) {
        try {
            return access.get();
        } catch (MVStoreException | IllegalStateException e) {
            if (e instanceof StoreUnavailableException || mv == null) {
                throw e;
            }
            MVStore s = mv;
            if (e instanceof MVStoreException || s.isClosed()) {
                throw failed(e);
            }
            throw e;
        }
    }

    /** Marks the store unavailable (logged once per failure) and returns the exception callers see. */
    private StoreUnavailableException failed(RuntimeException cause) {
        synchronized (this) {
            if (unavailable == null) {
                unavailable = StoreUnavailableException.diagnose(file, cause);
                LOG.error("the store stopped working: {} (cause: {}). Syncs and the pipeline pause; requests that need the"
                        + " store answer 503 until it is back.", unavailable.getMessage(), rootMessage(cause));
            }
            return unavailable;
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * After a failure: closes the broken store and opens the file again, which rolls it back to its last commit. Called
     * by {@link StoreWatch} once writing works again.
     *
     * @return whether the store is available again
     */
    boolean reopen() {
        writeLock.lock();
        try {
            MVStore s = mv;
            if (s != null) {
                try {
                    s.closeImmediately();
                } catch (RuntimeException ignored) {
                    // it is broken already; the file handle is what we want released
                }
            }
            mv = openFile();
            mv.openMap("store.probe").put("probe", new byte[] {1});
            mv.commit();
            synchronized (this) {
                unavailable = null;
            }
            LOG.info("the store is writable again and reopened at its last commit; syncs and the pipeline resume");
            return true;
        } catch (MVStoreException e) {
            return false;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Applies a batch of writes atomically and durably: collected by {@code batch}, applied under the store's write
     * lock, committed once.
     *
     * @param batch fills the batch; if it throws, nothing is written
     */
    public void write(Consumer<Batch> batch) {
        Batch b = new Batch();
        batch.accept(b);
        if (b.ops.isEmpty()) {
            return;
        }
        writeLock.lock();
        try {
            guarded(() -> {
                MVStore s = open();
                if (s.isClosed()) {
                    throw new IllegalStateException("the store is closed");
                }
                for (Batch.Op op : b.ops) {
                    op.apply();
                }
                s.commit();
                if (syncOnCommit) {
                    s.sync();
                }
                return null;
            });
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Copies the store file into a zip entry while the server runs: MVStore's online backup. Space is not reused while it
     * copies, so every chunk the last commit refers to stays where it is and the copy opens at that commit (or a later
     * one); writers are not held up. One backup at a time; {@link #compact} skips while one copies.
     *
     * @param zip where the file goes, as one entry named after it ({@value #FILE_NAME})
     * @throws IOException when the copy cannot be written
     */
    public void backup(ZipOutputStream zip) throws IOException {
        backupLock.lock();
        try {
            MVStore s = guarded(this::open);
            try {
                s.getFileStore().backup(zip);
            } catch (MVStoreException e) {
                throw failed(e);
            }
        } finally {
            backupLock.unlock();
        }
    }

    /**
     * Rewrites the file's sparsely filled chunks into full ones, up to {@code maxBytes} of them, so that the file does not
     * keep growing under a long run of large commits. MVStore writes copy on write: a commit rewrites every B-tree page
     * it touches, and a chunk stays in the file as long as one page of it is live; with the store's own commits (no
     * background thread) nothing else compacts it while the server runs. Bulk writers (a corpus import) call this
     * between their commits. Skipped while {@link #backup} copies the file: the copy needs every chunk to stay where
     * it is, and with space not reused a rewrite would only grow the file.
     *
     * @param targetFillRate rewrite while the file's chunks are filled less than this, in percent
     * @param maxBytes       at most this many bytes rewritten
     */
    public void compact(int targetFillRate, int maxBytes) {
        if (!backupLock.tryLock()) {
            return;
        }
        writeLock.lock();
        try {
            guarded(() -> open().compact(targetFillRate, maxBytes));
        } finally {
            writeLock.unlock();
            backupLock.unlock();
        }
    }

    /**
     * Removes every key with a prefix, in commits of {@code batchSize} keys: bounded memory and commit size however
     * many keys there are. Not atomic as a whole; callers make it resumable (e.g. by marking what is being removed).
     *
     * @param map       the map
     * @param prefix    a non-empty key prefix
     * @param batchSize keys per commit
     * @return how many keys were removed
     */
    public long removeAll(StoreMap<?> map, String prefix, int batchSize) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("refusing to remove a whole map by an empty prefix");
        }
        long removed = 0;
        while (true) {
            List<String> keys;
            try (Stream<String> s = map.keys(prefix)) {
                keys = s.limit(batchSize).toList();
            }
            if (keys.isEmpty()) {
                return removed;
            }
            write(b -> keys.forEach(k -> b.remove(map, k)));
            removed += keys.size();
        }
    }

    /**
     * Removes the keys with a prefix that {@code remove} picks, scanning them in pages of {@code batchSize} keys with one
     * commit per page: bounded memory and commit size however many keys there are. Not atomic as a whole; a sweep that
     * is cut short is simply run again.
     *
     * @param map       the map
     * @param prefix    a non-empty key prefix
     * @param remove    given the rest of a key after the prefix, whether to remove it
     * @param batchSize keys per page
     * @return how many keys were removed
     */
    public long removeWhere(StoreMap<?> map, String prefix, Predicate<String> remove, int batchSize) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("refusing to sweep a whole map by an empty prefix");
        }
        long removed = 0;
        String from = prefix;
        while (true) {
            List<String> scanned;
            try (Stream<String> keys = map.keysFrom(prefix, from)) {
                scanned = keys.limit(batchSize).toList();
            }
            List<String> picked = scanned.stream().filter(k -> remove.test(k.substring(prefix.length()))).toList();
            write(b -> picked.forEach(k -> b.remove(map, k)));
            removed += picked.size();
            if (scanned.size() < batchSize) {
                return removed;
            }
            from = scanned.get(scanned.size() - 1) + "\0"; // just after the last key seen
        }
    }

    /** Writes collected for one atomic commit. Values are serialised as they are added. */
    public static final class Batch {
        private interface Op {
            void apply();
        }

        private final List<Op> ops = new ArrayList<>();

        private Batch() {
        }

        /**
         * @param map   the map
         * @param key   the key
         * @param value the value; not null
         * @param <V>   the value type
         * @return this batch
         */
        public <V> Batch put(StoreMap<V> map, String key, V value) {
            byte[] bytes = map.codec().encode(Objects.requireNonNull(value, "value"));
            ops.add(() -> map.raw().put(key, bytes));
            return this;
        }

        /**
         * @param map the map
         * @param key the key to remove
         * @return this batch
         */
        public Batch remove(StoreMap<?> map, String key) {
            ops.add(() -> map.raw().remove(key));
            return this;
        }

        /**
         * A read-modify-write applied under the store's write lock, so it sees every commit before it: the way to update
         * a value only if it is still what the caller read (compare-and-set), or to count.
         *
         * @param map    the map
         * @param key    the key
         * @param change from the current value (null when absent) to the new one; null removes; returning the very same
         *               instance leaves the value as it is. Keep it short and free of I/O.
         * @param <V>    the value type
         * @return this batch
         */
        public <V> Batch compute(StoreMap<V> map, String key, UnaryOperator<V> change) {
            ops.add(() -> {
                byte[] now = map.raw().get(key);
                V before = now == null ? null : map.codec().decode(now);
                V after = change.apply(before);
                if (after == null) {
                    if (now != null) {
                        map.raw().remove(key);
                    }
                } else if (after != before) {
                    map.raw().put(key, map.codec().encode(after));
                }
            });
            return this;
        }

        /** @return how many writes the batch holds */
        public int size() {
            return ops.size();
        }
    }
}
