package io.rediscover.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.config.Release;
import io.rediscover.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup of the running server as a zip stream: the store file, copied online ({@link Store#backup}), then
 * the {@link BackupManifest} with its size and SHA-256. Nothing else: the search indexes are rebuilt from the mirror
 * after a restore, the temp files are temporary, and the master key is kept apart from backups on purpose.
 */
@Singleton
public final class OnlineBackup {

    private final Store store;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param store the store @param json the host's mapper @param clock the host's clock */
    @Inject
    public OnlineBackup(Store store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param out where the zip goes; not closed
     * @return the manifest written last into the zip
     * @throws IOException when writing fails
     */
    public BackupManifest write(OutputStream out) throws IOException {
        CountingZip zip = new CountingZip(out);
        var createdAt = clock.instant();
        store.backup(zip);
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Release.version(), createdAt,
                BackupManifest.STORE_FILE, zip.bytes, HexFormat.of().formatHex(zip.digest.digest()));
        zip.putNextEntry(new ZipEntry(BackupManifest.FILE_NAME));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        return manifest;
    }

    /** A zip stream that hashes and counts what is written into its entries (the store file is the only other one). */
    private static final class CountingZip extends ZipOutputStream {
        final MessageDigest digest;
        long bytes;
        private boolean counting = true;

        CountingZip(OutputStream out) {
            super(out);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JRE", e);
            }
        }

        @Override
        public void putNextEntry(ZipEntry e) throws IOException {
            super.putNextEntry(e.getName().equals(BackupManifest.FILE_NAME) ? e : new ZipEntry(BackupManifest.STORE_FILE));
            counting = !e.getName().equals(BackupManifest.FILE_NAME);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (counting) {
                digest.update(b, off, len);
                bytes += len;
            }
            super.write(b, off, len);
        }
    }
}
