package io.rediscover.stage;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/**
 * Contributes pipeline stages. The contract between the pipeline and its stages lives here, below both, so that the
 * stages (text, matching, index) never depend on the pipeline that runs them and the pipeline knows them only through it.
 */
public final class Stages {

    private Stages() {
    }

    /**
     * Contributes a stage. Call from a capability module's {@code configure()}; its {@link PipelineStage#order()} places
     * it.
     *
     * @param binder the module's binder
     * @param stage  the stage class; Guice builds it as a singleton
     */
    public static void add(Binder binder, Class<? extends PipelineStage> stage) {
        Multibinder.newSetBinder(binder, PipelineStage.class).addBinding().to(stage);
    }

    /**
     * Declares the set of stages (so a host without any still starts).
     *
     * @param binder a binder
     */
    public static void declare(Binder binder) {
        Multibinder.newSetBinder(binder, PipelineStage.class);
    }
}
