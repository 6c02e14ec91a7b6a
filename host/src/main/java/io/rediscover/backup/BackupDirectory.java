package io.rediscover.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rediscover.store.Store;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A backup on disk, as {@code rediscover backup DIR} leaves it: {@value BackupManifest#FILE_NAME} and
 * {@value BackupManifest#STORE_FILE}. Fetched from a running server, checked (size, SHA-256, and the store opens), and
 * restored into an empty data directory. Every check runs before anything is written where it matters, and a failure
 * says what is wrong.
 */
public final class BackupDirectory {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private BackupDirectory() {
    }

    /**
     * Asks a running server for a backup ({@code POST /api/admin/backup}) and unpacks it into {@code dir}.
     *
     * @param server the server's base URL, e.g. {@code http://127.0.0.1:8080}
     * @param token  a platform admin's API token
     * @param dir    an empty or missing directory
     * @return the manifest, checked against what arrived
     * @throws IOException when the server cannot be reached, refuses, or sends a damaged copy
     */
    public static BackupManifest fetch(URI server, String token, Path dir) throws IOException, InterruptedException {
        requireEmpty(dir, "the backup directory");
        Files.createDirectories(dir.resolve(BackupManifest.STORE_FILE).getParent());
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/admin/backup"))
                .header("Authorization", "Bearer " + token).header("Accept", BackupResource.ZIP + ", application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            throw new IOException("the server at " + server + " answered " + response.statusCode() + ": " + body);
        }
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.getName().equals(BackupManifest.STORE_FILE) && !e.getName().equals(BackupManifest.FILE_NAME)) {
                    throw new IOException("unexpected entry in the backup: " + e.getName());
                }
                Files.copy(zip, dir.resolve(e.getName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return verify(dir);
    }

    /**
     * @param dir a backup
     * @return its manifest, after checking that the store copy is complete (size, SHA-256) and opens
     * @throws IOException naming what is missing or damaged
     */
    public static BackupManifest verify(Path dir) throws IOException {
        Path manifestFile = dir.resolve(BackupManifest.FILE_NAME);
        Path store = dir.resolve(BackupManifest.STORE_FILE);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(store)) {
            throw new IOException(dir + " is not a complete backup: it needs " + BackupManifest.FILE_NAME + " and "
                    + BackupManifest.STORE_FILE);
        }
        BackupManifest manifest = JSON.readValue(manifestFile.toFile(), BackupManifest.class);
        String sha = sha256(store);
        if (Files.size(store) != manifest.storeBytes() || !sha.equals(manifest.sha256())) {
            throw new IOException("the store copy in " + dir + " is damaged: " + Files.size(store) + " bytes with SHA-256 "
                    + sha + ", but the manifest says " + manifest.storeBytes() + " bytes, " + manifest.sha256());
        }
        try {
            MVStore opened = new MVStore.Builder().fileName(store.toString()).readOnly().open();
            opened.close();
        } catch (MVStoreException e) {
            throw new IOException("the store copy in " + dir + " does not open: " + e.getMessage(), e);
        }
        return manifest;
    }

    /**
     * Restores a backup into an empty data directory: the store only; the indexes are rebuilt from it at the first
     * start.
     *
     * @param dir     a backup
     * @param dataDir the data directory to fill; must be empty or missing
     * @return the backup's manifest
     * @throws IOException when the backup is damaged or the data directory is not empty
     */
    public static BackupManifest restore(Path dir, Path dataDir) throws IOException {
        String storeFileName = Store.FILE_NAME;
        BackupManifest manifest = verify(dir);
        requireEmpty(dataDir, "the data directory");
        Path target = dataDir.resolve("store").resolve(storeFileName);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(storeFileName + ".restoring");
        Files.copy(dir.resolve(BackupManifest.STORE_FILE), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    private static void requireEmpty(Path dir, String what) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(what + " " + dir + " is a file, not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IOException(what + " " + dir + " is not empty: give an empty or new directory");
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"));
             OutputStream nowhere = OutputStream.nullOutputStream()) {
            in.transferTo(nowhere);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
