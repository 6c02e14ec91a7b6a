package io.rediscover.documents;

import java.io.IOException;
import java.io.Writer;

/**
 * Collects text up to a number of characters, then refuses more by throwing {@link Full}: a reader that writes into it
 * (PDFBox's text stripper) stops at the cap instead of reading a huge file to the end for nothing.
 */
final class CappedWriter extends Writer {

    private final StringBuilder text = new StringBuilder();
    private final int cap;

    /** Thrown once the cap is reached; the text so far is kept. */
    static final class Full extends IOException {
        private static final long serialVersionUID = 1L;

        Full() {
            super("text cap reached", null);
        }
    }

    /** @param cap how many characters to keep */
    CappedWriter(int cap) {
        this.cap = cap;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        int room = cap - text.length();
        text.append(chars, off, Math.min(room, len));
        if (len > room) {
            throw new Full();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
