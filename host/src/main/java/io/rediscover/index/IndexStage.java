package io.rediscover.index;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last pipeline stage: writes each changed candidate's document into its org's index (delete by key, then add),
 * and removes deleted ones. The index commit happens before the stage returns, so what the pipeline marks done is in
 * the index; a crash in between repeats the batch, which is harmless (documents are replaced by key). Readers see the
 * changes at the index's next publication.
 */
@Singleton
public final class IndexStage implements PipelineStage {

    private final Indexes indexes;
    private final CandidateDocuments documents;

    /** @param indexes the collections @param documents builds each candidate's document */
    @Inject
    public IndexStage(Indexes indexes, CandidateDocuments documents) {
        this.indexes = indexes;
        this.documents = documents;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public int order() {
        return INDEX;
    }

    @Override
    public void process(List<PipelineItem> items, Results results) {
        Map<String, List<IndexedCandidate>> upserts = new LinkedHashMap<>();
        Map<String, List<String>> deletes = new LinkedHashMap<>();
        for (PipelineItem item : items) {
            String org = item.ref().org();
            Optional<IndexedCandidate> doc = documents.document(item.ref(), item.candidateId());
            if (doc.isPresent()) {
                upserts.computeIfAbsent(org, o -> new ArrayList<>()).add(doc.get());
            } else {
                deletes.computeIfAbsent(org, o -> new ArrayList<>()).add(CandidateDocuments.key(item.ref(), item.candidateId()));
            }
        }
        List<String> orgs = new ArrayList<>(upserts.keySet());
        deletes.keySet().stream().filter(o -> !upserts.containsKey(o)).forEach(orgs::add);
        for (String org : orgs) {
            indexes.candidates(org).write(upserts.getOrDefault(org, List.of()), deletes.getOrDefault(org, List.of()));
        }
    }

    @Override
    public void dropConnection(ConnectionRef ref) {
        indexes.candidates(ref.org()).deleteConnection(ref.connectionId());
    }
}
