package io.rediscover.backup;

import java.time.Instant;

/**
 * What a backup holds, written next to the store copy as {@value #FILE_NAME}: the release that made it, when, and the
 * store file's size and SHA-256, so a restore can tell a complete copy from a damaged one before it touches anything.
 *
 * @param format     this manifest's format
 * @param release    the Rediscover release that wrote the backup
 * @param createdAt  when the copy was taken
 * @param storeFile  the store file's path in the backup
 * @param storeBytes its size
 * @param sha256     its SHA-256, lowercase hex
 */
public record BackupManifest(int format, String release, Instant createdAt, String storeFile, long storeBytes,
                             String sha256) {

    /** The manifest's file name in a backup. */
    public static final String FILE_NAME = "backup.json";
    /** The store copy's path in a backup. */
    public static final String STORE_FILE = "store/rediscover.mv.db";
    static final int FORMAT = 1;
}
