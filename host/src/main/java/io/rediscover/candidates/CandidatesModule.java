package io.rediscover.candidates;

import com.google.inject.AbstractModule;
import io.rediscover.index.CandidateDocuments;
import io.rediscover.matching.CandidateIdentities;
import io.rediscover.web.WebModule;

/** Candidates: the merged view of an ATS candidate, its index document, and the candidates API. */
public final class CandidatesModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CandidateViews.class);
        bind(CandidateDocuments.class).to(CandidateIndexDocuments.class);
        bind(CandidateIdentities.class).to(AtsIdentities.class);
        WebModule.addResource(binder(), CandidatesResource.class);
    }
}
