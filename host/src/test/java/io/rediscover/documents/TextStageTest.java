package io.rediscover.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.icims.simulator.Person;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.ResumeSpec;
import io.rediscover.icims.simulator.Tenant;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorRecord;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.profiles.LinkUrls;
import io.rediscover.stage.PipelineStage;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text stage in a real host syncing the iCIMS simulator: every generated PDF and DOCX resume has its text and exactly
 * the LinkedIn and GitHub URLs the simulator printed in it; bad files (encrypted, corrupt, scanned, a zip bomb, one
 * that never ends, 50 MB, media types that lie) are failures with reasons while every candidate reaches the next stage;
 * a file is read once however many candidates share it, again at a reindex, and its text goes with the file.
 */
class TextStageTest {

    @TempDir
    Path dir;

    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void everyResumeOfASyncHasItsTextOrAFailureWithItsReasonAndEveryCandidateGoesOn() throws Exception {
        RecordingStage matching = new RecordingStage("after-text", PipelineStage.MATCH);
        try (ApiFixture api = new ApiFixture(dir, "text-secret", 60, Map.of("documents.extractSeconds", "3"),
                RecordingStage.module(matching))) {
            Tenant tenant = api.sim().tenant();
            List<Long> people = tenant.ids(ProfileType.PERSON);
            Map<Long, String> failing = new HashMap<>();
            set(tenant, people.get(0), ResumeFiles.encryptedPdf(List.of("Locked")), PDF);
            failing.put(people.get(0), "resume not read: the PDF is encrypted with a password");
            set(tenant, people.get(1), ResumeFiles.corruptPdf(), PDF);
            failing.put(people.get(1), "resume not read: the PDF is corrupt or cannot be read: ");
            set(tenant, people.get(2), ResumeFiles.imageOnlyPdf(), PDF);
            failing.put(people.get(2), "resume not read: the PDF holds only images (a scan?); text in images is not recognised");
            set(tenant, people.get(3), ResumeFiles.zipBombDocx(List.of("Boom")), DOCX);
            failing.put(people.get(3), "resume not read: the DOCX expands far beyond its size (a zip bomb?): not read");
            set(tenant, people.get(4), ResumeFiles.endlessPdf(), PDF);
            failing.put(people.get(4), "resume not read: reading took longer than 3 s (documents.extractSeconds) and was abandoned");
            byte[] fifty = new byte[50 << 20];
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, fifty, 0, 9);
            set(tenant, people.get(5), fifty, PDF);
            failing.put(people.get(5), "resume not read: the file is 50.0 MB, over the 10 MB limit (documents.maxResumeMegabytes): not read");
            set(tenant, people.get(6), ResumeFiles.docx(List.of("Lying Docx", "linkedin.com/in/lying-docx"), null, null, null, null), PDF);
            set(tenant, people.get(7), ResumeFiles.pdf(List.of("Lying Pdf", "https://github.com/lying-pdf"), null, null), "text/plain");
            byte[] shared = ResumeFiles.pdf(List.of("Shared Resume", "https://www.linkedin.com/in/shared-resume"), null, null);
            set(tenant, people.get(8), shared, PDF);
            set(tenant, people.get(9), shared, PDF);

            api.org("acme", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            String id = api.connectAndSync(admin, "text-secret");
            RecordingStage.awaitDrained(api.host());

            ConnectionRef ref = new ConnectionRef("acme", id);
            MirrorStore mirror = api.host().injector().getInstance(MirrorStore.class);
            ResumeTexts texts = api.host().injector().getInstance(ResumeTexts.class);
            ResumeExtractor extractor = api.host().injector().getInstance(ResumeExtractor.class);
            Set<String> files = new HashSet<>();
            int generated = 0;
            for (long person : people) {
                MirrorRecord record = mirror.record(ref, RecordKind.CANDIDATE, Long.toString(person)).orElseThrow();
                Person p = tenant.person(person).orElseThrow();
                ResumeSpec spec = tenant.details(p).resume();
                if (person <= people.get(9)) {
                    continue; // checked below
                }
                if (spec.format() == ResumeSpec.Format.NONE) {
                    assertThat(record.resume()).as("person %s has no resume", person).isNull();
                    continue;
                }
                files.add(record.resume().sha256());
                ResumeText text = texts.text("acme", record.resume().sha256()).orElseThrow();
                assertThat(text.failure()).as("person %s", person).isNull();
                assertThat(text.detectedType()).isEqualTo(spec.format().contentType());
                assertThat(text.text()).contains("Summary").contains(p.email() == null ? "Skills" : p.email());
                boolean printed = spec.linkedinPlacement() != ResumeSpec.LinkedinPlacement.ABSENT && p.linkedinUrl() != null;
                assertThat(text.linkedinUrls()).as("person %s, LinkedIn %s", person, spec.linkedinPlacement())
                        .isEqualTo(printed ? List.of(LinkUrls.linkedin(p.linkedinUrl()).orElseThrow()) : List.of());
                assertThat(text.githubUrls()).as("person %s", person).isEqualTo(spec.githubUrl() == null ? List.of()
                        : List.of(LinkUrls.github(spec.githubUrl()).orElseThrow()));
                generated++;
            }
            assertThat(generated).as("generated PDF and DOCX resumes checked").isGreaterThan(20);

            ResumeText docxAsPdf = text(mirror, texts, ref, people.get(6));
            assertThat(docxAsPdf.detectedType()).isEqualTo(DOCX);
            assertThat(docxAsPdf.linkedinUrls()).containsExactly("linkedin.com/in/lying-docx");
            ResumeText pdfAsText = text(mirror, texts, ref, people.get(7));
            assertThat(pdfAsText.detectedType()).isEqualTo(PDF);
            assertThat(pdfAsText.githubUrls()).containsExactly("github.com/lying-pdf");
            String sharedSha = mirror.record(ref, RecordKind.CANDIDATE, people.get(8).toString()).orElseThrow().resume().sha256();
            assertThat(mirror.record(ref, RecordKind.CANDIDATE, people.get(9).toString()).orElseThrow().resume().sha256())
                    .isEqualTo(sharedSha);
            assertThat(texts.text("acme", sharedSha).orElseThrow().linkedinUrls()).containsExactly("linkedin.com/in/shared-resume");

            Set<String> expectedNames = new HashSet<>();
            people.forEach(p -> expectedNames.add(p.toString()));
            assertThat(matching.heard()).as("every candidate reached the next stage, failed or not").isEqualTo(expectedNames);

            JsonNode lag = admin.get("/api/connections/" + id + "/sync").json().path("pipeline");
            assertThat(lag.path("failures").asLong()).isEqualTo(failing.size());
            Map<String, String> reasons = new HashMap<>();
            lag.path("recentFailures").forEach(f -> {
                assertThat(f.path("stage").asText()).isEqualTo("text");
                reasons.put(f.path("candidateId").asText(), f.path("reason").asText());
            });
            failing.forEach((person, reason) -> assertThat(reasons.get(person.toString())).as("person %s", person).startsWith(reason));
            for (long person : failing.keySet()) {
                MirrorRecord r = mirror.record(ref, RecordKind.CANDIDATE, Long.toString(person)).orElseThrow();
                files.add(r.resume().sha256());
                assertThat(texts.text("acme", r.resume().sha256())).as("the failure is stored with the file")
                        .map(ResumeText::failure).hasValueSatisfying(f -> assertThat("resume not read: " + f).startsWith(failing.get(person)));
            }
            files.add(docxAsPdfSha(mirror, ref, people.get(6)));
            files.add(docxAsPdfSha(mirror, ref, people.get(7)));
            files.add(sharedSha);
            long read = extractor.filesRead();
            assertThat(read).as("every file read exactly once, the shared one too (the 50 MB one not at all)")
                    .isEqualTo(files.size() - 1);

            // A candidate changes, its file does not: the text stands.
            Instant sharedAt = texts.text("acme", sharedSha).orElseThrow().extractedAt();
            tenant.updatePerson(people.get(9), Map.of("lastname", "Changed"));
            assertThat(admin.post("/api/connections/" + id + "/sync", "").status()).isEqualTo(202);
            await("the change to pass", () -> mirror.record(ref, RecordKind.CANDIDATE, people.get(9).toString()).orElseThrow()
                    .data().toString().contains("Changed"));
            RecordingStage.awaitDrained(api.host());
            assertThat(extractor.filesRead()).isEqualTo(read);
            assertThat(texts.text("acme", sharedSha).orElseThrow().extractedAt()).isEqualTo(sharedAt);

            // A reindex reads every file again, once.
            assertThat(api.platform().post("/api/admin/reindex", "").status()).isEqualTo(202);
            await("the reindex to read every file again", () -> extractor.filesRead() == 2 * read);
            RecordingStage.awaitDrained(api.host());
            assertThat(extractor.filesRead()).isEqualTo(2 * read);
            assertThat(texts.text("acme", sharedSha).orElseThrow().extractedAt()).isAfter(sharedAt);

            // The connection goes, its files go, their texts too.
            assertThat(admin.delete("/api/connections/" + id).status()).isEqualTo(202);
            await("the removal", () -> admin.get("/api/connections/" + id).status() == 404);
            for (String sha : files) {
                assertThat(mirror.hasBlob("acme", sha)).isFalse();
                assertThat(texts.text("acme", sha)).as("text of %s", sha).isEmpty();
            }
        }
    }

    private static void set(Tenant tenant, long person, byte[] file, String declaredType) {
        tenant.setResume(person, file, declaredType, "resume-" + person);
    }

    private static String docxAsPdfSha(MirrorStore mirror, ConnectionRef ref, long person) {
        return mirror.record(ref, RecordKind.CANDIDATE, Long.toString(person)).orElseThrow().resume().sha256();
    }

    private static ResumeText text(MirrorStore mirror, ResumeTexts texts, ConnectionRef ref, long person) {
        Optional<ResumeText> t = texts.text(ref.org(), docxAsPdfSha(mirror, ref, person));
        assertThat(t).as("text of person %s", person).isPresent();
        assertThat(t.get().failure()).isNull();
        return t.get();
    }
}
