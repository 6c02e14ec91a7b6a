package io.rediscover.profiles;

import io.rediscover.Host;
import io.rediscover.store.Store;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importing JSON Lines files into a real host's store: good, bad and mixed lines, gzip, re-imports, the journal. */
class ProfileImportTest {

    @TempDir
    Path dir;
    private Host host;
    private ProfileImports imports;
    private ProfileStore store;
    private ProfileChanges changes;

    @BeforeEach
    void start() throws Exception {
        host = Host.start(TestHosts.config(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")), Map.of()));
        imports = host.injector().getInstance(ProfileImports.class);
        store = host.injector().getInstance(ProfileStore.class);
        changes = host.injector().getInstance(ProfileChanges.class);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    static String profile(String id, String first, String last, String linkedin) {
        return "{\"id\":\"" + id + "\",\"first_name\":\"" + first + "\",\"last_name\":\"" + last + "\""
                + (linkedin == null ? "" : ",\"linkedin_url\":\"" + linkedin + "\"") + "}";
    }

    private Path plain(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private Path gzip(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private ProfileImport run(Path file) throws Exception {
        List<ProfileImport> seen = new ArrayList<>();
        ProfileImport end = imports.importFile(file, "test", seen::add);
        assertThat(seen).isNotEmpty().last().isEqualTo(end);
        assertThat(imports.get(end.id())).contains(end);
        return end;
    }

    @Test
    void aMixedFileImportsTheGoodLinesAndReportsEachBadOneWithItsNumberAndReason() throws Exception {
        ProfileImport end = run(plain("mixed.jsonl",
                profile("p1", "Ana", "Torres", "linkedin.com/in/ana-torres"),
                "this is not json",
                "",
                "{\"full_name\":\"no id\"}",
                profile("p2", "Bill", "Smith", null),
                "{\"id\":\"p3\",\"skills\":\"java\"}",
                "{\"id\":\"p4\",\"experience\":[{\"start_date\":\"2021/03\"}]}",
                "   ",
                profile("p5", "José", "Núñez", null)));
        assertThat(end.state()).isEqualTo(ProfileImport.State.DONE);
        assertThat(end.counts()).isEqualTo(new ProfileImport.Counts(3, 3, 0, 0, 4));
        assertThat(end.badLines()).extracting(ProfileImport.BadLineReport::line).containsExactly(2L, 4L, 6L, 7L);
        assertThat(end.badLines().get(0).reason()).startsWith("not valid JSON at column 1: Unrecognized token 'this'");
        assertThat(end.badLines().subList(1, 4)).extracting(ProfileImport.BadLineReport::reason).containsExactly(
                "id: required, a non-empty string",
                "skills: expected an array of strings, got a string",
                "experience[0].start_date: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got '2021/03'");
        assertThat(end.progress().linesDone()).isEqualTo(9);
        assertThat(end.progress().estimatedLines()).isEqualTo(9);
        assertThat(end.progress().bytesDone()).isEqualTo(end.progress().bytesTotal()).isEqualTo(Files.size(dir.resolve("mixed.jsonl")));
        assertThat(end.progress().eta()).isNull();
        assertThat(store.count()).isEqualTo(3);
        assertThat(store.get("p5").orElseThrow().firstName()).isEqualTo("José");
        assertThat(store.get("p3")).isEmpty();
        assertThat(store.idsByLinkedin("https://www.linkedin.com/in/Ana-Torres/", 10).ids()).containsExactly("p1");
        assertThat(store.idsByNameKey("n:smith|william", 10).ids()).containsExactly("p2");
        assertThat(store.idsByNameKey("n:jose|nunez", 10).ids()).containsExactly("p5");
    }

    @Test
    void gzipIsToldByItsMagicBytesNotByItsName() throws Exception {
        ProfileImport zipped = run(gzip("looks-plain.jsonl", profile("g1", "Ana", "Torres", null), "{bad",
                profile("g2", "Bo", "Li", null)));
        assertThat(zipped.state()).isEqualTo(ProfileImport.State.DONE);
        assertThat(zipped.counts().imported()).isEqualTo(2);
        assertThat(zipped.badLines()).extracting(ProfileImport.BadLineReport::line).containsExactly(2L);
        assertThat(zipped.progress().bytesTotal()).isEqualTo(Files.size(dir.resolve("looks-plain.jsonl")));

        ProfileImport plainNamedGz = run(plain("looks-zipped.jsonl.gz", profile("g3", "Eva", "Ng", null)));
        assertThat(plainNamedGz.state()).isEqualTo(ProfileImport.State.DONE);
        assertThat(plainNamedGz.counts().imported()).isEqualTo(1);
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void anEmptyFileIsAnImportOfNothing() throws Exception {
        ProfileImport end = run(Files.write(dir.resolve("empty.jsonl"), new byte[0]));
        assertThat(end.state()).isEqualTo(ProfileImport.State.DONE);
        assertThat(end.counts()).isEqualTo(new ProfileImport.Counts(0, 0, 0, 0, 0));
        assertThat(end.progress().linesDone()).isZero();
        assertThat(store.count()).isZero();
    }

    @Test
    void aTruncatedGzipFailsAndKeepsWhatWasReadBeforeTheCut() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add(profile("t" + i, "Name" + i, "Surname" + (i % 97), "linkedin.com/in/t-" + i));
        }
        Path whole = gzip("whole.jsonl.gz", lines.toArray(String[]::new));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        ProfileImport end = run(cut);
        assertThat(end.state()).isEqualTo(ProfileImport.State.FAILED);
        assertThat(end.error()).contains("could not be read past line").contains("gzip data is cut short or corrupt");
        assertThat(end.counts().imported()).isBetween(1_000L, 2_999L);
        assertThat(store.count()).isEqualTo(end.counts().imported());
        assertThat(end.error()).contains("the " + end.counts().imported() + " profile(s) read before are imported");
    }

    @Test
    void aReimportReplacesTheProfileAndMovesItsIndexEntriesInOneCommitWithTheJournal() throws Exception {
        run(plain("first.jsonl", profile("r1", "William", "Smith", "linkedin.com/in/wsmith"),
                profile("r2", "Ana", "Torres", null)));
        assertThat(changes.size()).isEqualTo(2);
        List<ProfileChanges.Change> first = changes.pending(10);
        assertThat(first).extracting(ProfileChanges.Change::profileId).containsExactly("r1", "r2");
        assertThat(first.get(0).keys()).contains("n:smith|william", "li:linkedin.com/in/wsmith");
        changes.ack(first.stream().map(ProfileChanges.Change::sequence).toList());
        assertThat(changes.size()).isZero();

        ProfileImport second = run(plain("second.jsonl",
                profile("r1", "William", "Jones", "linkedin.com/in/wjones"),
                profile("r2", "Ana", "Torres", null),
                profile("r3", "Kate", "Smith", null)));
        assertThat(second.counts()).isEqualTo(new ProfileImport.Counts(3, 1, 1, 1, 0));
        assertThat(store.get("r1").orElseThrow().lastName()).isEqualTo("Jones");
        assertThat(store.idsByNameKey("n:smith|william", 10).ids()).isEmpty();
        assertThat(store.idsByNameKey("n:jones|william", 10).ids()).containsExactly("r1");
        assertThat(store.idsByLinkedin("linkedin.com/in/wsmith", 10).total()).isZero();
        assertThat(store.idsByLinkedin("linkedin.com/in/wjones", 10).ids()).containsExactly("r1");
        // the unchanged r2 is not in the journal; the replaced r1 brings its old and new keys, the new r3 its keys
        List<ProfileChanges.Change> after = changes.pending(10);
        assertThat(after).extracting(ProfileChanges.Change::profileId).containsExactly("r1", "r3");
        assertThat(after.get(0).keys()).contains("n:smith|william", "li:linkedin.com/in/wsmith", "n:jones|william",
                "li:linkedin.com/in/wjones");
        assertThat(after.get(1).keys()).contains("n:catherine|smith", "n:kate|smith");
        assertThat(changes.pending(1)).hasSize(1).first().extracting(ProfileChanges.Change::profileId).isEqualTo("r1");
    }

    @Test
    void theSameIdTwiceInOneFileKeepsTheLastAndLeavesNoStaleIndexEntry() throws Exception {
        ProfileImport end = run(plain("twice.jsonl", profile("d1", "John", "Brown", null),
                profile("d1", "John", "Green", null)));
        assertThat(end.counts()).isEqualTo(new ProfileImport.Counts(2, 1, 1, 0, 0));
        assertThat(store.idsByNameKey("n:brown|john", 10).total()).isZero();
        assertThat(store.idsByNameKey("n:green|john", 10).ids()).containsExactly("d1");
    }

    @Test
    void profilesTheirIndexAndTheJournalCommitTogetherOrNotAtAll() throws BadLine {
        Profile p = ProfileJson.parse(profile("a1", "Ana", "Torres", "linkedin.com/in/ana"));
        assertThatThrownBy(() -> store.write(List.of(p), (b, written) -> {
            throw new IllegalStateException("the import's record could not be written");
        })).hasMessageContaining("could not be written");
        assertThat(store.get("a1")).isEmpty();
        assertThat(store.idsByLinkedin("linkedin.com/in/ana", 10).total()).isZero();
        assertThat(changes.size()).isZero();

        store.write(List.of(p), (b, written) -> { });
        assertThat(store.get("a1")).isPresent();
        assertThat(changes.pending(10)).extracting(ProfileChanges.Change::profileId).containsExactly("a1");
    }

    @Test
    void aCommonKeyIsReportedAsTooCommonInsteadOfListed() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(profile("c" + i, "John", "Smith", null));
        }
        run(plain("common.jsonl", lines.toArray(String[]::new)));
        ProfileStore.Hits hits = store.idsByNameKey("n:john|smith", 10);
        assertThat(hits.tooCommon()).isTrue();
        assertThat(hits.total()).isEqualTo(30);
        assertThat(hits.ids()).isEmpty();
        ProfileStore.Hits all = store.idsByNameKey("n:john|smith", 30);
        assertThat(all.tooCommon()).isFalse();
        assertThat(all.ids()).hasSize(30);
        assertThat(store.idsByNameKey("n:nobody|known", 10)).isEqualTo(new ProfileStore.Hits(List.of(), 0));
    }

    @Test
    void aLineTooLongOrNotUtf8IsABadLineAndTheImportGoesOn() throws Exception {
        Path file = dir.resolve("odd.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((profile("u1", "Ana", "Torres", null) + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(("{\"id\":\"" + "x".repeat(JsonLines.MAX_LINE_BYTES) + "\"}\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, '"', '}', '\n'});
            out.write(profile("u2", "Bo", "Li", null).getBytes(StandardCharsets.UTF_8)); // no final line break
        }
        ProfileImport end = run(file);
        assertThat(end.counts().imported()).isEqualTo(2);
        assertThat(end.badLines()).containsExactly(
                new ProfileImport.BadLineReport(2, "the line is longer than " + JsonLines.MAX_LINE_BYTES + " bytes"),
                new ProfileImport.BadLineReport(3, "not valid UTF-8"));
        assertThat(store.get("u2")).isPresent();
    }

    @Test
    void onlyTheFirstHundredBadLinesAreKeptButAllAreCounted() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            lines.add(i % 10 == 0 ? "{\"id\":" + i + "}" : profile("b" + i, "Ann", "Lee", null));
        }
        ProfileImport end = run(plain("many-bad.jsonl", lines.toArray(String[]::new)));
        assertThat(end.counts().bad()).isEqualTo(250);
        assertThat(end.counts().imported()).isEqualTo(2_250);
        assertThat(end.badLines()).hasSize(ProfileImport.MAX_BAD_LINES);
        assertThat(end.badLines().get(99)).isEqualTo(new ProfileImport.BadLineReport(991, "id: expected a string, got a number"));
    }

    @Test
    void anUploadLeftRunningByAStopResumesAfterItsLastCommittedLine() throws Exception {
        Path data = dir.resolve("data");
        host.close();
        // Lines 1 and 2 were committed before the stop (the record says so); they are not read again.
        Files.writeString(Files.createDirectories(data.resolve(ProfileImports.UPLOADS)).resolve("imp_resume.jsonl"),
                profile("x1", "Not", "Again", null) + "\n" + profile("x2", "Not", "Again", null) + "\n"
                        + profile("x3", "Ana", "Torres", null) + "\n");
        Store raw = new Store(data.resolve("store/rediscover.mv.db"), false);
        raw.start();
        ProfileImport running = new ProfileImport("imp_resume", ProfileImport.State.RUNNING, ProfileImports.UPLOAD, "f.jsonl",
                "admin", java.time.Instant.parse("2025-01-01T00:00:00Z"), java.time.Instant.parse("2025-01-01T00:00:01Z"),
                null, new ProfileImport.Progress(2, 10, 100, 20, 1, null), new ProfileImport.Counts(2, 2, 0, 0, 0), List.of(), null);
        raw.write(b -> b.put(raw.map("profiles.imports", ProfileImport.class), running.id(), running));
        raw.stop();

        start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!imports.get("imp_resume").orElseThrow().state().ended() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ProfileImport end = imports.get("imp_resume").orElseThrow();
        assertThat(end.state()).isEqualTo(ProfileImport.State.DONE);
        assertThat(end.counts()).isEqualTo(new ProfileImport.Counts(3, 3, 0, 0, 0));
        assertThat(end.progress().linesDone()).isEqualTo(3);
        assertThat(store.get("x1")).isEmpty();
        assertThat(store.get("x3")).isPresent();
        assertThat(data.resolve(ProfileImports.UPLOADS).resolve("imp_resume.jsonl")).doesNotExist();
    }
}
