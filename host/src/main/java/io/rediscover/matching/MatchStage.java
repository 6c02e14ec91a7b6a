package io.rediscover.matching;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The pipeline's matching stage (after resume text, before the index): each candidate that changed is matched again
 * ({@link Matcher}) and the outcome stored with the version it was derived from ({@link Matches}). A version that was
 * already matched is not matched again (a batch retried item by item after a failure), and a deleted candidate's
 * matching is removed.
 */
@Singleton
public final class MatchStage implements PipelineStage {

    private static final int DROP_BATCH = 1_000;

    private final CandidateIdentities identities;
    private final Matcher matcher;
    private final Matches matches;

    /** @param identities what a candidate is @param matcher the cascade @param matches the stored matches */
    @Inject
    public MatchStage(CandidateIdentities identities, Matcher matcher, Matches matches) {
        this.identities = identities;
        this.matcher = matcher;
        this.matches = matches;
    }

    @Override
    public String name() {
        return "match";
    }

    @Override
    public int order() {
        return MATCH;
    }

    @Override
    public void process(List<PipelineItem> items, Results results) {
        for (PipelineItem item : items) {
            Matches.Record before = matches.record(item.ref(), item.candidateId()).orElse(null);
            if (before != null && before.version() >= item.version()) {
                continue; // this version was matched already
            }
            Optional<CandidateIdentity> identity = identities.identity(item.ref(), item.candidateId());
            if (identity.isEmpty()) {
                if (before != null) {
                    results.write(b -> matches.remove(b, item.ref(), item.candidateId(), before));
                }
                continue;
            }
            Matcher.Outcome outcome = matcher.match(identity.get());
            Matches.Record after = new Matches.Record(item.version(), outcome.match().orElse(null), List.copyOf(outcome.keys()));
            results.write(b -> matches.put(b, item.ref(), item.candidateId(), before, after));
        }
    }

    @Override
    public void dropConnection(ConnectionRef ref) {
        matches.drop(ref, DROP_BATCH);
    }
}
