package io.rediscover.index;

import io.indextables.tantivy4java.split.SplitSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A published split and its searcher, shared by the publications that read it: closed and deleted when the last one
 * lets go.
 */
final class SplitFile {

    private static final Logger LOG = LoggerFactory.getLogger(SplitFile.class);

    private final Path path;
    private final SplitSearcher searcher;
    private final int segments;
    private final AtomicInteger users = new AtomicInteger(1); // whoever made it

    /** @param path the split's file @param searcher its searcher @param segments how many segments it holds */
    SplitFile(Path path, SplitSearcher searcher, int segments) {
        this.path = path;
        this.searcher = searcher;
        this.segments = segments;
    }

    SplitSearcher searcher() {
        return searcher;
    }

    int segments() {
        return segments;
    }

    /** @return this, with one more user (who releases it) */
    SplitFile acquire() {
        if (users.getAndIncrement() <= 0) {
            throw new IllegalStateException("split " + path + " is already closed");
        }
        return this;
    }

    void release() {
        if (users.decrementAndGet() == 0) {
            searcher.close();
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.debug("cannot delete retired split {}", path, e);
            }
        }
    }
}
