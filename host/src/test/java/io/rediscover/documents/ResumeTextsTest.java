package io.rediscover.documents;

import io.rediscover.mirror.MirrorStore;
import io.rediscover.store.Store;
import io.rediscover.testing.Mirrors;
import io.rediscover.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored texts on a real MVStore: when one stands (extractor version, reindex) and when it goes (its file went). */
class ResumeTextsTest {

    @TempDir
    Path dir;
    private Store store;
    private MirrorStore mirror;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private ResumeTexts texts;

    @BeforeEach
    void open() {
        store = new Store(dir.resolve("store.mv.db"), false);
        store.start();
        mirror = Mirrors.over(store);
        texts = new ResumeTexts(store, mirror, clock);
    }

    @AfterEach
    void close() {
        store.stop();
    }

    private static ResumeText text(int version, Instant at) {
        return new ResumeText("Ana Torres", "application/pdf", 10, false, List.of("linkedin.com/in/ana"), List.of(), null,
                version, at);
    }

    @Test
    void aTextStandsWhileTheExtractorIsTheSameAndNoReindexBeganSince() {
        ResumeText old = text(ResumeExtractor.VERSION - 1, clock.instant());
        ResumeText current = text(ResumeExtractor.VERSION, clock.instant());
        store.write(b -> texts.put(b, "acme", "aa", current));
        assertThat(texts.text("acme", "aa")).contains(current);
        assertThat(texts.text("other", "aa")).as("per org").isEmpty();
        assertThat(texts.isCurrent(current)).isTrue();
        assertThat(texts.isCurrent(old)).as("an older extractor's text is read again").isFalse();

        clock.advance(Duration.ofMinutes(1));
        texts.markAllStale();
        assertThat(texts.isCurrent(current)).as("a reindex began after it").isFalse();
        assertThat(texts.isCurrent(text(ResumeExtractor.VERSION, clock.instant()))).isTrue();
        assertThat(new ResumeTexts(store, mirror, clock).isCurrent(current)).as("the mark is stored").isFalse();
    }

    @Test
    void aSweepRemovesTheTextsWhoseFileIsGoneAndOnlyThoseOfTheOrg() {
        mirror.putBlob("acme", "kept", new byte[] {1});
        for (String sha : List.of("gone-1", "kept", "gone-2")) {
            store.write(b -> texts.put(b, "acme", sha, text(ResumeExtractor.VERSION, clock.instant())));
        }
        store.write(b -> texts.put(b, "acmecorp", "gone-1", text(ResumeExtractor.VERSION, clock.instant())));
        assertThat(texts.sweep("acme", 1)).isEqualTo(2);
        assertThat(texts.text("acme", "kept")).isPresent();
        assertThat(texts.text("acme", "gone-1")).isEmpty();
        assertThat(texts.text("acme", "gone-2")).isEmpty();
        assertThat(texts.text("acmecorp", "gone-1")).as("another org, whose key starts alike").isPresent();
    }
}
