package io.rediscover.store;

import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.Managed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The host's data directory: the only place with state. On start it creates the layout, takes an exclusive lock so two
 * processes never share one directory, empties {@code tmp/}, and points {@code java.io.tmpdir} there.
 *
 * <p>Why the temp directory: tantivy4java and lz4 unpack native libraries (tantivy's is 51 MB) into
 * {@code java.io.tmpdir} on every JVM start and never delete them, and PF4J unpacks plugins; keeping all of it under the
 * data directory and emptying it at start keeps the disk from filling up. It must be set before anything creates a
 * temp file (the JDK caches the directory), which is why this service starts first.
 */
@Singleton
public final class DataDirectory implements Managed {

    private final Path root;
    private FileChannel lockChannel;
    private FileLock lock;

    /** @param config host configuration: {@code data.dir} */
    @Inject
    public DataDirectory(HostConfig config) {
        this(config.data().dir());
    }

    /** @param root the data directory */
    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(root);
        Files.createDirectories(storeDir());
        Path lockFile = root.resolve(".lock");
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("data directory " + root + " is in use by another Rediscover process (lock file "
                    + lockFile + ")");
        }
        emptyDirectory(tmpDir());
        Files.createDirectories(tmpDir());
        System.setProperty("java.io.tmpdir", tmpDir().toString());
    }

    @Override
    public void stop() throws IOException {
        if (lock != null) {
            lock.release();
            lockChannel.close();
            lock = null;
        }
    }

    @Override
    public String name() {
        return "data directory";
    }

    /** @return the data directory */
    public Path root() {
        return root;
    }

    /** @return where the store file lives */
    public Path storeDir() {
        return root.resolve("store");
    }

    /** @return the JVM's temporary directory, emptied at every start */
    public Path tmpDir() {
        return root.resolve("tmp");
    }

    /**
     * @param relative a path inside the data directory
     * @return it, resolved
     */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    static void emptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }
}
