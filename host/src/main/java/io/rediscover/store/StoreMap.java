package io.rediscover.store;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A named, typed map of the {@link Store}: string keys in lexicographic order, so that keys built as paths
 * ({@code org/acme/conn/7/candidate/42}) can be scanned and counted by prefix. Reads are direct; writes go through
 * {@link Store#write} so they commit atomically.
 *
 * @param <V> the value type
 */
public final class StoreMap<V> {

    /** The highest character: {@code prefix + END} bounds every key that starts with {@code prefix}. */
    private static final String END = "\uffff";

    private final String name;
    private final Store store;
    private final Codec<V> codec;
    private volatile MVMap<String, byte[]> open;

    /** Opened on first use, so capability services can take their maps in constructors before the store starts. */
    StoreMap(String name, Store store, Codec<V> codec) {
        this.name = name;
        this.store = store;
        this.codec = codec;
    }

    /** @return the map's name */
    public String name() {
        return name;
    }

    MVMap<String, byte[]> raw() {
        MVMap<String, byte[]> m = open;
        if (m == null || m.isClosed()) {
            m = store.openMap(name);
            open = m;
        }
        return m;
    }

    Codec<V> codec() {
        return codec;
    }

    /**
     * @param key a key
     * @return its value, if present
     */
    public Optional<V> get(String key) {
        byte[] bytes = store.guarded(() -> raw().get(key));
        return bytes == null ? Optional.empty() : Optional.of(codec.decode(bytes));
    }

    /**
     * @param key a key
     * @return whether it is present
     */
    public boolean containsKey(String key) {
        return store.guarded(() -> raw().containsKey(key));
    }

    /**
     * Counts the keys with a prefix in O(log n), from the positions of the range's ends.
     *
     * @param prefix a key prefix; empty counts everything
     * @return how many keys start with it
     */
    public long count(String prefix) {
        if (prefix.isEmpty()) {
            return store.guarded(() -> raw().sizeAsLong());
        }
        return store.guarded(() -> position(prefix + END) - position(prefix));
    }

    /**
     * Counts the keys at or after a key, in O(log n).
     *
     * @param from a key (need not be present)
     * @return how many keys of the map are greater than or equal to it
     */
    public long countFrom(String from) {
        return store.guarded(() -> raw().sizeAsLong() - position(from));
    }

    /** @return the greatest key of the map, if it has any */
    public Optional<String> lastKey() {
        return Optional.ofNullable(store.guarded(() -> raw().lastKey()));
    }

    private long position(String key) {
        long index = raw().getKeyIndex(key);
        return index >= 0 ? index : -(index + 1);
    }

    /**
     * Streams the entries whose key starts with {@code prefix}, in key order, lazily: nothing is collected, so scans
     * over millions of records run in constant memory. Close the stream or consume it fully.
     *
     * @param prefix a key prefix; empty scans everything
     * @return the entries
     */
    public Stream<Map.Entry<String, V>> scan(String prefix) {
        return scanFrom(prefix, prefix);
    }

    /**
     * @param prefix a key prefix
     * @param from   the first key to consider (inclusive); must start with {@code prefix} or be the prefix itself
     * @return the entries whose key starts with {@code prefix}, from {@code from}, in key order, lazily (for resuming)
     */
    public Stream<Map.Entry<String, V>> scanFrom(String prefix, String from) {
        return scanKeys(prefix, from).map(k -> {
            byte[] bytes = store.guarded(() -> raw().get(k));
            return bytes == null ? null : (Map.Entry<String, V>) new AbstractMap.SimpleImmutableEntry<>(k, codec.decode(bytes));
        }).filter(java.util.Objects::nonNull);
    }

    /**
     * @param prefix a key prefix
     * @return the keys that start with it, in order, lazily
     */
    public Stream<String> keys(String prefix) {
        return scanKeys(prefix, prefix);
    }

    /**
     * @param prefix a key prefix
     * @param from   the first key to consider (inclusive); must start with {@code prefix} or be the prefix itself
     * @return keys starting with {@code prefix}, from {@code from}, in order, lazily (for paging)
     */
    public Stream<String> keysFrom(String prefix, String from) {
        return scanKeys(prefix, from);
    }

    private Stream<String> scanKeys(String prefix, String from) {
        Cursor<String, byte[]> cursor = store.guarded(() -> raw().cursor(from));
        Iterator<String> keys = new Iterator<>() {
            private String next = advance();

            private String advance() {
                String k = store.guarded(() -> cursor.hasNext() ? cursor.next() : null);
                if (k == null) {
                    return null;
                }
                return k.startsWith(prefix) ? k : null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String k = next;
                next = advance();
                return k;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** How values become bytes. @param <V> the value type */
    interface Codec<V> {
        byte[] encode(V value);

        V decode(byte[] bytes);
    }
}
