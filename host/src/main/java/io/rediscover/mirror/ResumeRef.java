package io.rediscover.mirror;

/**
 * Where a candidate's resume is: the file is stored once by its content hash in the mirror's blob map, however many
 * candidates or versions refer to it.
 *
 * @param sha256    content hash, the blob key
 * @param fileName  the name to offer on download
 * @param mediaType the content type the ATS gave
 * @param size      bytes
 */
public record ResumeRef(String sha256, String fileName, String mediaType, long size) {
}
