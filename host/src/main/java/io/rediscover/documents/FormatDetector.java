package io.rediscover.documents;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a file's real format from its content (magic bytes, then "is it text at all"), with Tika's type database: the
 * media type an ATS declares is often wrong (a DOCX labelled {@code application/pdf}, a PDF labelled
 * {@code text/plain}), so it is not believed. The declaration is used for one thing only: plain text declared as HTML
 * (or named {@code .html}) is read as HTML, since a fragment of HTML has no magic to detect.
 */
final class FormatDetector {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    /**
     * @param mediaType the detected media type, e.g. {@code application/pdf}, {@code image/png}; the format's own when
     *                  one reads it (a DOCX is detected as a kind of ZIP)
     * @param format    the format that reads it, or empty when none does
     */
    record Detection(String mediaType, Optional<DocumentFormat> format) {
    }

    /**
     * @param file         the file
     * @param declaredType the media type the ATS gave, or null
     * @param fileName     the file's name, or null
     * @return what it is
     */
    Detection detect(byte[] file, String declaredType, String fileName) {
        MediaType type;
        try {
            type = TYPES.detect(new ByteArrayInputStream(file), new Metadata()).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        Optional<DocumentFormat> format = DocumentFormat.of(type, TYPES.getMediaTypeRegistry());
        if (format.equals(Optional.of(DocumentFormat.TEXT)) && saysHtml(declaredType, fileName)) {
            return new Detection(DocumentFormat.HTML.mediaType(), Optional.of(DocumentFormat.HTML));
        }
        return new Detection(format.map(DocumentFormat::mediaType).orElse(type.toString()), format);
    }

    private static boolean saysHtml(String declaredType, String fileName) {
        String declared = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return declared.startsWith("text/html") || declared.startsWith("application/xhtml") || name.endsWith(".html")
                || name.endsWith(".htm");
    }
}
