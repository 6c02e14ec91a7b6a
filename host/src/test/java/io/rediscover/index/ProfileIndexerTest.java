package io.rediscover.index;

import io.rediscover.Host;
import io.rediscover.icims.simulator.SampleProfileWriter;
import io.rediscover.pipeline.Reindexer;
import io.rediscover.profiles.ProfileChanges;
import io.rediscover.profiles.ProfileImports;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile indexer in a real host: fed by the journal after an import, rebuilt from the corpus when its index is
 * gone at start and on reindex (in several batches), and left alone by a plain restart.
 */
class ProfileIndexerTest {

    private static final int PROFILES = ProfileIndexer.REBUILD_BATCH + 1_500;

    @TempDir
    Path dir;

    private Host start() throws Exception {
        return Host.start(TestHosts.config(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")), Map.of()));
    }

    private static void awaitIndexed(Host host, long documents) throws InterruptedException {
        ProfileIndexer indexer = host.injector().getInstance(ProfileIndexer.class);
        OrgIndex index = host.injector().getInstance(Indexes.class).profiles();
        await("the public-profile index", () -> indexer.idle() && index.publishedDocuments() == documents);
    }

    @Test
    void fedByTheJournalRebuiltWhenItsIndexIsGoneAndOnReindex() throws Exception {
        Path corpus = dir.resolve("corpus.jsonl");
        new SampleProfileWriter().write(corpus, PROFILES, 3);
        Instant firstRebuild;
        try (Host host = start()) {
            host.injector().getInstance(ProfileImports.class).importFile(corpus, "test", p -> { });
            awaitIndexed(host, PROFILES);
            ProfileIndexer.Status s = host.injector().getInstance(ProfileIndexer.class).status();
            assertThat(s.processed()).as("indexed from the journal").isEqualTo(PROFILES);
            assertThat(s.rebuild().done()).as("the first start's rebuild found an empty corpus").isZero();
            firstRebuild = s.rebuild().startedAt();
        }

        try (Host host = start()) {
            awaitIndexed(host, PROFILES);
            ProfileIndexer.Status s = host.injector().getInstance(ProfileIndexer.class).status();
            assertThat(s.rebuild().startedAt()).as("a plain restart rebuilds nothing").isEqualTo(firstRebuild);
            assertThat(s.processed()).isZero();
        }

        OrgIndex.deleteTree(dir.resolve("data/index/profiles"));
        try (Host host = start()) {
            awaitIndexed(host, PROFILES);
            ProfileIndexer.Status s = host.injector().getInstance(ProfileIndexer.class).status();
            assertThat(s.rebuild().running()).isFalse();
            assertThat(s.rebuild().done()).as("rebuilt from the corpus, in batches").isEqualTo(PROFILES);
            assertThat(s.rebuild().startedAt()).isAfter(firstRebuild);
            assertThat(s.processed()).as("the journal was passed, not replayed").isZero();
            assertThat(host.injector().getInstance(ProfileChanges.class).size(ProfileChanges.Reader.INDEX)).isZero();
            // (The matcher's reader is its own: the host's Rematcher drains it meanwhile, so its size says nothing here;
            // ProfileChangesTest proves that passing one reader leaves the other's entries.)
            Instant rebuilt = s.rebuild().startedAt();

            host.injector().getInstance(Reindexer.class).reindex(p -> { });
            await("the reindex's rebuild", () -> host.injector().getInstance(ProfileIndexer.class).status().rebuild()
                    .startedAt().isAfter(rebuilt));
            awaitIndexed(host, PROFILES);
            assertThat(host.injector().getInstance(ProfileIndexer.class).status().rebuild().done()).isEqualTo(PROFILES);
        }
    }
}
