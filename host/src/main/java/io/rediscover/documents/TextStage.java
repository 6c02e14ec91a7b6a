package io.rediscover.documents;

import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.ResumeRef;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The pipeline's first stage: the text of each candidate's resume. A file is read once per org whatever the number of
 * candidates (or batches) that share it; the files of a batch are read in parallel on the {@link ExtractionPool}. A file
 * that cannot be read is stored as a failure with its reason and reported as the candidate's failure — the candidate
 * goes on to matching and indexing with its ATS data. Deleted candidates and candidates without a resume need nothing:
 * texts belong to files, not candidates, and go when their file does ({@link ResumeTexts#sweep}).
 */
@Singleton
public final class TextStage implements PipelineStage {

    private final MirrorStore mirror;
    private final ResumeTexts texts;
    private final ResumeExtractor extractor;
    private final ExtractionPool pool;
    private final Clock clock;

    /**
     * @param mirror    the candidates and their files
     * @param texts     the stored texts
     * @param extractor reads a file
     * @param pool      where files are read, within their time limit
     * @param clock     the host's clock
     */
    @Inject
    public TextStage(MirrorStore mirror, ResumeTexts texts, ResumeExtractor extractor, ExtractionPool pool, Clock clock) {
        this.mirror = mirror;
        this.texts = texts;
        this.extractor = extractor;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public int order() {
        return TEXT;
    }

    /** One file to read, and the candidates of the batch that have it. */
    private record FileJob(String org, ResumeRef resume, List<PipelineItem> items) {
    }

    @Override
    public void process(List<PipelineItem> items, Results results) throws Unavailable {
        Map<String, FileJob> jobs = new LinkedHashMap<>();
        for (PipelineItem item : items) {
            Optional<ResumeRef> resume = mirror.record(item.ref(), RecordKind.CANDIDATE, item.candidateId())
                    .filter(MirrorRecord::live).map(MirrorRecord::resume);
            if (resume.isEmpty()) {
                continue;
            }
            String org = item.ref().org();
            Optional<ResumeText> stored = texts.text(org, resume.get().sha256()).filter(texts::isCurrent);
            if (stored.isPresent()) {
                report(results, item, stored.get());
            } else {
                jobs.computeIfAbsent(org + "/" + resume.get().sha256(), k -> new FileJob(org, resume.get(), new ArrayList<>()))
                        .items().add(item);
            }
        }
        if (jobs.isEmpty()) {
            return;
        }
        List<FileJob> files = List.copyOf(jobs.values());
        List<ExtractionPool.Outcome<ResumeText>> outcomes;
        try {
            outcomes = pool.runAll(files.stream().map(this::extraction).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("the host is stopping");
        }
        for (int i = 0; i < files.size(); i++) {
            FileJob file = files.get(i);
            ExtractionPool.Outcome<ResumeText> outcome = outcomes.get(i);
            ResumeText text = stored(outcome);
            if (text != null) {
                results.write(b -> texts.put(b, file.org(), file.resume().sha256(), text));
                file.items().forEach(item -> report(results, item, text));
            } else {
                String reason = "resume not read: " + passing(outcome);
                file.items().forEach(item -> results.failed(item, reason));
            }
        }
    }

    private Callable<ResumeText> extraction(FileJob file) {
        return () -> {
            ResumeRef ref = file.resume();
            Optional<ResumeText> tooLarge = extractor.refuseSize(ref.size());
            if (tooLarge.isPresent()) {
                return tooLarge.get(); // not even loaded
            }
            Optional<byte[]> bytes = mirror.blob(file.org(), ref.sha256());
            if (bytes.isEmpty()) {
                throw new IllegalStateException("the resume file " + ref.sha256() + " is missing from the mirror");
            }
            try {
                return extractor.extract(bytes.get(), ref.mediaType(), ref.fileName());
            } catch (InterruptedIOException abandoned) {
                return null; // over the time limit: nobody waits for this any more
            }
        };
    }

    /** @return the text to store for this outcome, or null when the outcome is passing and nothing is stored */
    private ResumeText stored(ExtractionPool.Outcome<ResumeText> outcome) {
        if (outcome instanceof ExtractionPool.Done<ResumeText> done && done.value() != null) {
            return done.value();
        }
        if (outcome instanceof ExtractionPool.TimedOut<ResumeText> late) {
            // Stored like any failure: a file that takes this long would take it again for every candidate sharing it.
            return ResumeText.failed(null, "reading took longer than " + late.limit().toSeconds()
                    + " s (documents.extractSeconds) and was abandoned", clock.instant());
        }
        return null;
    }

    private static String passing(ExtractionPool.Outcome<ResumeText> outcome) {
        if (outcome instanceof ExtractionPool.Busy<ResumeText> busy) {
            return busy.stuck() + " earlier extraction(s) still run past their time limit; tried again with the"
                    + " candidate's next change or a reindex";
        }
        if (outcome instanceof ExtractionPool.Failed<ResumeText> failed) {
            Throwable e = failed.error();
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return "abandoned";
    }

    private static void report(Results results, PipelineItem item, ResumeText text) {
        if (!text.ok()) {
            results.failed(item, "resume not read: " + text.failure());
        }
    }

    @Override
    public void reindexing() {
        texts.markAllStale();
    }
}
