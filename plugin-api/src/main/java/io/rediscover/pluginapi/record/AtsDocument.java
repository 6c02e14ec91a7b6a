package io.rediscover.pluginapi.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file from the ATS, such as a resume. The host stores each distinct content once (keyed by a hash it computes
 * itself) and extracts its text for search.
 *
 * @param fileName  the file name to offer on download, e.g. {@code resume.pdf}
 * @param mediaType the content type the ATS gave, e.g. {@code application/pdf}
 * @param content   the bytes; the record keeps its own copy
 */
public record AtsDocument(String fileName, String mediaType, byte[] content) {

    /** Canonical constructor: copies the bytes. */
    public AtsDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** @return the number of bytes */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtsDocument d && d.fileName.equals(fileName) && d.mediaType.equals(mediaType)
                && Arrays.equals(d.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "AtsDocument[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
