package io.rediscover.icims.simulator;

/** A resume file as served by the binary endpoint: raw bytes, their content type and a file name. */
public record StoredResume(byte[] bytes, String contentType, String filename) {
}
