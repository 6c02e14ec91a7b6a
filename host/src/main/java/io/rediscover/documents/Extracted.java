package io.rediscover.documents;

import java.util.List;

/**
 * What a {@link FormatReader} got out of a file.
 *
 * @param text       the text as read (not yet normalised or cut)
 * @param hyperlinks link targets that need not appear in the text (a PDF link annotation, a DOCX hyperlink, an HTML
 *                   {@code href}, a Word or RTF {@code HYPERLINK} field)
 * @param cut        whether the reader stopped before the end of the text (it had enough)
 */
record Extracted(String text, List<String> hyperlinks, boolean cut) {
    Extracted {
        hyperlinks = List.copyOf(hyperlinks);
    }

    /** @param text the whole text @param hyperlinks link targets */
    Extracted(String text, List<String> hyperlinks) {
        this(text, hyperlinks, false);
    }
}
