package io.rediscover.documents;

import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

import java.util.List;
import java.util.Optional;

/**
 * The resume formats whose text is read, each with the media types (as Tika's magic detection names them) that it
 * covers. Order matters: a more specific format comes before the one it specialises (RTF and HTML are kinds of plain
 * text to Tika).
 */
enum DocumentFormat {
    PDF("PDF", "application/pdf"),
    RTF("RTF document", "application/rtf"),
    HTML("HTML page", "text/html", "application/xhtml+xml"),
    /** Word 97–2003, or any OLE2 container (an encrypted DOCX is one): the reader says which it is. */
    DOC("Word document", "application/msword", "application/x-tika-msoffice"),
    /** Any ZIP archive: OOXML is one, and a DOCX whose first entry is unusual is detected as a plain ZIP. */
    DOCX("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"),
    TEXT("text file", "text/plain");

    private final String label;
    private final List<MediaType> types;

    DocumentFormat(String label, String... types) {
        this.label = label;
        this.types = List.of(types).stream().map(MediaType::parse).toList();
    }

    /** @return how failure reasons name it, e.g. {@code the PDF} */
    String label() {
        return label;
    }

    /** @return its main media type */
    String mediaType() {
        return types.get(0).toString();
    }

    /**
     * @param detected a detected media type
     * @param registry Tika's type hierarchy
     * @return the format that reads it, if any
     */
    static Optional<DocumentFormat> of(MediaType detected, MediaTypeRegistry registry) {
        MediaType base = detected.getBaseType();
        for (DocumentFormat f : values()) {
            for (MediaType t : f.types) {
                if (base.equals(t) || registry.isSpecializationOf(base, t)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
