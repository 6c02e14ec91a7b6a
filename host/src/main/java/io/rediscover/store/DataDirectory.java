package io.rediscover.store;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.Managed;
import io.rediscover.lifecycle.StartRefused;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The host's data directory: the only place with state. On start it creates the layout, takes an exclusive lock so two
 * processes never share one directory (the lock file holds the holder's PID, so the one refused can say who holds it),
 * empties {@code tmp/}, and points {@code java.io.tmpdir} there.
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
    public void start() throws IOException, StartRefused {
        Files.createDirectories(root);
        Files.createDirectories(storeDir());
        Path lockFile = lockFile();
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        String holder;
        try {
            lock = lockChannel.tryLock();
            holder = lock == null ? holder(lockFile) : null;
        } catch (OverlappingFileLockException e) {
            lock = null;
            holder = "PID " + ProcessHandle.current().pid(); // this JVM holds it (tests start hosts side by side)
        }
        if (lock == null) {
            lockChannel.close();
            throw new StartRefused("the data directory " + root + " is in use by another Rediscover process (" + holder
                    + ", lock file " + lockFile + "): stop that process first, or give this one a data directory of its "
                    + "own (data.dir, REDISCOVER_DATA_DIR, or the demo's --data-dir)");
        }
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
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

    /** @return the file whose lock marks the directory as taken, holding the holder's PID */
    public Path lockFile() {
        return root.resolve(".lock");
    }

    /**
     * The lock is advisory: its file stays readable, so the PID the holder wrote can be told (older hosts wrote none).
     * Only ever read by a process that does not hold the lock: closing any descriptor of a file drops the POSIX locks
     * its process holds on it.
     */
    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? "PID " + pid : "PID unknown";
        } catch (IOException e) {
            return "PID unknown";
        }
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

    /** @return the bytes of a file, or of every file under a directory; what vanishes meanwhile counts nothing */
    public static long bytes(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    static void emptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            MoreFiles.deleteDirectoryContents(dir, RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }
}
