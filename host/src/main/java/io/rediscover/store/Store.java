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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The system of record: one H2 MVStore file ({@code <data>/store/rediscover.mv.db}) holding every named
 * {@link StoreMap}. MVStore, not MapDB, because it survived every kill -9 in our tests and MapDB 3.1.0 did not
 * (stack-notes.md).
 *
 * <p>Writes happen only in {@link #write} batches: the batch is collected first and applied afterwards under one
 * store-wide lock, followed by one commit. So a batch is durable completely or not at all — a crash before the
 * commit rolls the file back to the previous commit — and a lambda that throws leaves nothing behind. (MVStore makes
 * map writes visible to readers before they are committed; collecting first keeps a failing batch from ever being
 * visible, and the apply step is short.)
 */
@Singleton
public final class Store implements Managed {

    static final String FILE_NAME = "rediscover.mv.db";

    private final Path file;
    private final boolean syncOnCommit;
    private final ObjectMapper json;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<String, StoreMap<?>> maps = new ConcurrentHashMap<>();
    private volatile MVStore mv;

    /**
     * @param data   the data directory
     * @param config host configuration: {@code data.syncOnCommit}
     * @param json   the host's mapper, for values
     */
    @Inject
    public Store(DataDirectory data, HostConfig config, ObjectMapper json) {
        this(data.storeDir().resolve(FILE_NAME), config.data().syncOnCommit(), json);
    }

    /**
     * @param file         the store file
     * @param syncOnCommit fsync after each commit: committed data survives a power loss too, at the cost of a disk
     *                     flush per batch (a process crash is survived either way)
     * @param json         the mapper for values
     */
    public Store(Path file, boolean syncOnCommit, ObjectMapper json) {
        this.file = file.toAbsolutePath();
        this.syncOnCommit = syncOnCommit;
        this.json = json;
    }

    @Override
    public void start() {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            mv = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
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
        MVStore s = mv;
        if (s != null && !s.isClosed()) {
            writeLock.lock();
            try {
                s.close();
            } finally {
                writeLock.unlock();
            }
        }
        mv = null;
    }

    @Override
    public String name() {
        return "store";
    }

    /** @return whether the store is open */
    public boolean isOpen() {
        MVStore s = mv;
        return s != null && !s.isClosed();
    }

    /** @return the store file */
    public Path file() {
        return file;
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
        return (StoreMap<byte[]>) maps.computeIfAbsent(name, n -> new StoreMap<>(n, () -> open(n), new StoreMap.Codec<byte[]>() {
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

    @SuppressWarnings("unchecked")
    private <V> StoreMap<V> map(String name, JavaType type) {
        return (StoreMap<V>) maps.computeIfAbsent(name, n -> new StoreMap<>(n, () -> open(n), new StoreMap.Codec<V>() {
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

    private MVMap<String, byte[]> open(String name) {
        MVStore s = mv;
        if (s == null) {
            throw new IllegalStateException("the store is not open");
        }
        return s.openMap(name);
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
            MVStore s = mv;
            if (s == null || s.isClosed()) {
                throw new IllegalStateException("the store is closed");
            }
            for (Batch.Op op : b.ops) {
                if (op.value == null) {
                    op.map.raw().remove(op.key);
                } else {
                    op.map.raw().put(op.key, op.value);
                }
            }
            s.commit();
            if (syncOnCommit) {
                s.sync();
            }
        } finally {
            writeLock.unlock();
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
            try (java.util.stream.Stream<String> s = map.keys(prefix)) {
                keys = s.limit(batchSize).toList();
            }
            if (keys.isEmpty()) {
                return removed;
            }
            write(b -> keys.forEach(k -> b.remove(map, k)));
            removed += keys.size();
        }
    }

    /** Writes collected for one atomic commit. Values are serialised as they are added. */
    public static final class Batch {
        private record Op(StoreMap<?> map, String key, byte[] value) {
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
            ops.add(new Op(map, key, map.codec().encode(java.util.Objects.requireNonNull(value, "value"))));
            return this;
        }

        /**
         * @param map the map
         * @param key the key to remove
         * @return this batch
         */
        public Batch remove(StoreMap<?> map, String key) {
            ops.add(new Op(map, key, null));
            return this;
        }

        /** @return how many writes the batch holds */
        public int size() {
            return ops.size();
        }
    }
}
