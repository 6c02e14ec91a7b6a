package io.rediscover.documents;

import java.io.IOException;

/** Reads the text of one format. Implementations are stateless and safe to share between threads. */
interface FormatReader {

    /**
     * @param file     the file, already known to be of this reader's format by its content
     * @param maxChars the text is wanted up to here: a reader may stop reading once it has this many characters
     * @return the text and the hyperlinks
     * @throws Unreadable  the file cannot be read for a reason admins should see (encrypted, not a Word document, …)
     * @throws IOException the file is corrupt
     */
    Extracted read(byte[] file, int maxChars) throws Unreadable, IOException;

    /** A file that is of the format but cannot be read; the message is the reason, for admins. */
    final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param reason why */
        Unreadable(String reason) {
            super(reason);
        }
    }
}
