package io.rediscover.store;

import io.rediscover.lifecycle.ServiceUnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store cannot be used now: its file could not be written (a full disk, an I/O error) and MVStore closed it. The
 * message says what to do; the store comes back by itself once writing works again ({@link StoreWatch}).
 */
public final class StoreUnavailableException extends ServiceUnavailableException {

    private static final long serialVersionUID = 1L;

    /** Below this much free space the failure is read as a full disk (and no reopening is tried). */
    static final long FULL_BELOW_BYTES = 8L * 1024 * 1024;

    private final boolean diskFull;

    private StoreUnavailableException(String message, boolean diskFull, Throwable cause) {
        super("storage_unavailable", message, cause);
        this.diskFull = diskFull;
    }

    /** @return whether the cause is a full disk */
    public boolean diskFull() {
        return diskFull;
    }

    /**
     * Reads the failure by measuring rather than by parsing messages: a data directory with (nearly) no free space is a
     * full disk; anything else is an I/O failure of the file.
     *
     * @param file  the store file
     * @param cause what MVStore threw
     * @return the exception to raise
     */
    static StoreUnavailableException diagnose(Path file, Throwable cause) {
        long free = usableSpace(file.getParent());
        if (free >= 0 && free < FULL_BELOW_BYTES) {
            return new StoreUnavailableException("the data directory " + file.getParent().getParent() + " is full ("
                    + free / (1024 * 1024) + " MB free): free space on that disk; the server reopens the store by itself "
                    + "within a minute and nothing committed is lost", true, cause);
        }
        return new StoreUnavailableException("the store file " + file + " could not be read or written: check the disk "
                + "and its permissions; the server retries every few seconds and nothing committed is lost", false, cause);
    }

    static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
