package io.rediscover.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies everything written to {@code System.err} — where the host logs — into a file as well, until closed: a test
 * reads the log of what it did as an operator would read theirs.
 */
public final class StderrCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final OutputStream file;
    private final Path path;

    /** @param path the file to write @throws IOException when it cannot be created */
    public StderrCapture(Path path) throws IOException {
        this.path = path;
        this.file = Files.newOutputStream(path);
        OutputStream both = new OutputStream() {
            @Override
            public synchronized void write(int b) throws IOException {
                original.write(b);
                file.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int off, int len) throws IOException {
                original.write(bytes, off, len);
                file.write(bytes, off, len);
            }

            @Override
            public synchronized void flush() throws IOException {
                original.flush();
                file.flush();
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    /** @return what was captured so far @throws IOException when the file cannot be read */
    public String text() throws IOException {
        System.err.flush();
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        System.setErr(original);
        file.close();
    }
}
