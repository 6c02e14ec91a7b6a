package io.rediscover.documents;

import com.google.inject.AbstractModule;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.stage.Stages;

/** Resume text: the extractor, its thread pool, the stored texts and the pipeline's text stage. */
public final class DocumentsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ResumeExtractor.class);
        bind(ResumeTexts.class);
        Lifecycle.manage(binder(), ExtractionPool.class);
        Stages.add(binder(), TextStage.class);
    }
}
