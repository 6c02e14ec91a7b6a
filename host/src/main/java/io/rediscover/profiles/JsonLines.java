package io.rediscover.profiles;

import com.google.common.io.CountingInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a JSON Lines file line by line, streamed: plain or gzip-compressed, told apart by the gzip magic bytes, never by
 * the file's name. Only one line is in memory at a time, and a line longer than {@link #MAX_LINE_BYTES} is not even
 * that: it is skipped and reported. Counts the bytes read from the file itself (compressed ones for gzip), so progress
 * can be measured against the file's size.
 */
final class JsonLines implements Closeable {

    /** The longest line read; a longer one is a bad line (a profile is a few kilobytes). */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final CountingInputStream counted;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    /** Read ahead from {@link #in}: scanning a block for line breaks beats a call per byte. */
    private final byte[] block = new byte[1 << 16];
    private int blockPos;
    private int blockEnd;
    private final boolean gzip;
    private long number;

    /**
     * One line.
     *
     * @param number  its number, from 1
     * @param text    its text without the line break, or null when it is bad
     * @param problem why it is bad, or null
     */
    record Line(long number, String text, String problem) {
    }

    private JsonLines(InputStream file) throws IOException {
        counted = new CountingInputStream(file);
        BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        gzip = b1 == 0x1f && b2 == 0x8b;
        in = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
    }

    /** @param file a JSON Lines file, plain or gzip @return its reader @throws IOException when it cannot be opened */
    static JsonLines open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new JsonLines(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** @return whether the file is gzip-compressed */
    boolean gzip() {
        return gzip;
    }

    /** @return bytes read from the file so far (compressed bytes for gzip; read ahead by up to 64 KiB) */
    long bytesRead() {
        return counted.getCount();
    }

    /**
     * @return the next line, or null at the end of the file
     * @throws IOException when the file cannot be read, or its gzip stream is corrupt or cut short
     */
    Line next() throws IOException {
        buffer.reset();
        boolean tooLong = false;
        boolean ended = false;
        while (true) {
            if (blockPos == blockEnd) {
                blockEnd = in.read(block, 0, block.length);
                blockPos = 0;
                if (blockEnd <= 0) {
                    blockEnd = 0;
                    ended = true;
                    break;
                }
            }
            int from = blockPos;
            while (blockPos < blockEnd && block[blockPos] != '\n') {
                blockPos++;
            }
            int take = Math.min(blockPos - from, MAX_LINE_BYTES - buffer.size());
            buffer.write(block, from, take);
            tooLong |= take < blockPos - from;
            if (blockPos < blockEnd) {
                blockPos++; // the line break
                break;
            }
        }
        if (ended && buffer.size() == 0 && !tooLong) {
            return null;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "the line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        byte[] bytes = buffer.toByteArray();
        int from = number == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0; // a byte-order mark
        int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return new Line(number, utf8.reset().decode(ByteBuffer.wrap(bytes, from, to - from)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not valid UTF-8");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
