package io.rediscover.documents;

import io.rediscover.mirror.MirrorStore;
import io.rediscover.store.Store;
import io.rediscover.store.StoreMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored resume texts, one per org and file ({@code org/sha256}, the key of the file in the mirror's blob store): the
 * read API of the stages after the text stage and of the candidate view. A text is <em>current</em> when the current
 * {@link ResumeExtractor#VERSION} made it after the last reindex began; anything else is extracted again when one of
 * its candidates passes the pipeline.
 */
@Singleton
public final class ResumeTexts {

    private static final String STALE_BEFORE = "staleBefore";

    private final Store store;
    private final StoreMap<ResumeText> texts;
    private final StoreMap<Instant> marks;
    private final MirrorStore mirror;
    private final Clock clock;
    private volatile Instant staleBefore;

    /** @param store the store @param mirror where the files are @param clock the host's clock */
    @Inject
    public ResumeTexts(Store store, MirrorStore mirror, Clock clock) {
        this.store = store;
        this.texts = store.map("documents.resume-texts", ResumeText.class);
        this.marks = store.map("documents.marks", Instant.class);
        this.mirror = mirror;
        this.clock = clock;
    }

    private static String key(String org, String sha256) {
        return org + "/" + sha256;
    }

    /**
     * The text of an org's resume file, as {@code MirrorRecord.resume().sha256()} names it.
     *
     * @param org    the org (texts are per org, like the files: no org reads another's)
     * @param sha256 the file's content hash
     * @return its text or its failure, once the pipeline's text stage has seen a candidate with this file
     */
    public Optional<ResumeText> text(String org, String sha256) {
        return texts.get(key(org, sha256));
    }

    /** @param text a stored text @return whether it stands, or is to be extracted again */
    boolean isCurrent(ResumeText text) {
        return text.extractorVersion() == ResumeExtractor.VERSION && !text.extractedAt().isBefore(staleBefore());
    }

    private Instant staleBefore() {
        Instant s = staleBefore;
        if (s == null) {
            s = marks.get(STALE_BEFORE).orElse(Instant.EPOCH);
            staleBefore = s;
        }
        return s;
    }

    /** @param batch a batch @param org the org @param sha256 the file @param text its text, to commit in the batch */
    void put(Store.Batch batch, String org, String sha256, ResumeText text) {
        batch.put(texts, key(org, sha256), text);
    }

    /** A reindex begins: every text stored until now is extracted again as its candidates pass. */
    void markAllStale() {
        Instant now = clock.instant();
        store.write(b -> b.put(marks, STALE_BEFORE, now));
        staleBefore = now;
    }

    /**
     * Removes the org's texts whose file the mirror no longer holds (after {@link MirrorStore#sweepBlobs}), in commits of
     * {@code batchSize} keys.
     *
     * @param org       the org
     * @param batchSize keys per commit
     * @return how many texts were removed
     */
    public long sweep(String org, int batchSize) {
        return store.removeWhere(texts, org + "/", sha256 -> !mirror.hasBlob(org, sha256), batchSize);
    }
}
