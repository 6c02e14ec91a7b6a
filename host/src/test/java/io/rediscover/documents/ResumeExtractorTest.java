package io.rediscover.documents;

import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format the text stage reads, from files generated here: the text comes out, and the LinkedIn and GitHub URLs
 * wherever a resume puts them (printed in a footer or a table, only behind a link, in a field code); a media type that
 * lies does not matter; every kind of bad file is a failure with a reason a person understands.
 */
class ResumeExtractorTest {

    private static final String LINKEDIN = "https://www.linkedin.com/in/Ana-Torres-42/";
    private static final String GITHUB = "https://github.com/anatorres?tab=repositories";
    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path dir;

    private ResumeExtractor extractor(Map<String, String> config) {
        return new ResumeExtractor(TestHosts.config(dir, dir, config), Clock.systemUTC());
    }

    private ResumeExtractor extractor() {
        return extractor(Map.of());
    }

    private static void assertRead(ResumeText t, String type, String... phrases) {
        assertThat(t.failure()).as("failure").isNull();
        assertThat(t.detectedType()).isEqualTo(type);
        assertThat(t.text()).contains(phrases);
        assertThat(t.chars()).isEqualTo(t.text().length());
        assertThat(t.truncated()).isFalse();
        assertThat(t.extractorVersion()).isEqualTo(ResumeExtractor.VERSION);
    }

    @Test
    void pdfTextWithTheLinkedinUrlInTheFooterAndGithubOnlyBehindALink() throws IOException {
        byte[] pdf = ResumeFiles.pdf(List.of("Ana Torres", "Staff Engineer, Globex (2019 - Present)"),
                "Ana Torres  -  " + LINKEDIN, GITHUB);
        ResumeText t = extractor().extract(pdf, PDF, "Ana_Torres_resume.pdf");
        assertRead(t, PDF, "Ana Torres", "Staff Engineer, Globex");
        assertThat(t.linkedinUrls()).containsExactly("linkedin.com/in/ana-torres-42");
        assertThat(t.text()).doesNotContain("github");
        assertThat(t.githubUrls()).as("from the link annotation").containsExactly("github.com/anatorres");
    }

    @Test
    void docxTextOfParagraphsTablesAndFootersWithAHyperlinkWhoseLabelIsNoUrl() throws IOException {
        byte[] docx = ResumeFiles.docx(List.of("Bo Lindqvist", "Data engineer"), "Profile: uk.linkedin.com/in/bolindqvist",
                "My GitHub", "https://github.com/bo-lindqvist", "References on request");
        ResumeText t = extractor().extract(docx, DOCX, "cv.docx");
        assertRead(t, DOCX, "Bo Lindqvist", "Data engineer", "Profile:", "My GitHub", "References on request");
        assertThat(t.linkedinUrls()).containsExactly("linkedin.com/in/bolindqvist");
        assertThat(t.githubUrls()).containsExactly("github.com/bo-lindqvist");
    }

    @Test
    void wordNinetySevenDocuments() throws IOException {
        byte[] doc = ResumeFiles.doc("Chidi Okafor\rProduct manager\rhttps://linkedin.com/in/chidi-okafor");
        ResumeText t = extractor().extract(doc, "application/msword", "resume.doc");
        assertRead(t, "application/msword", "Chidi Okafor", "Product manager");
        assertThat(t.linkedinUrls()).containsExactly("linkedin.com/in/chidi-okafor");
    }

    @Test
    void rtfWithAccentsAndAHyperlinkField() throws IOException {
        byte[] rtf = ResumeFiles.rtf("Zoë Ångström", "GitHub", "https://github.com/zoe-a");
        ResumeText t = extractor().extract(rtf, "application/rtf", "cv.rtf");
        assertRead(t, "application/rtf", "Zoë Ångström", "Senior engineer", "GitHub");
        assertThat(t.githubUrls()).as("from the field instruction").containsExactly("github.com/zoe-a");
    }

    @Test
    void htmlBlocksStayApartAndHrefsCount() throws IOException {
        String html = "<!DOCTYPE html><html><head><meta charset=\"iso-8859-1\"><title>CV</title><style>p{}</style></head>"
                + "<body><h1>Dana Ruiz</h1><p>Designer</p><p>S\u00e3o Paulo</p>"
                + "<p><a href=\"https://br.linkedin.com/in/danaruiz?trk=x\">LinkedIn</a></p><script>var x=1;</script></body></html>";
        ResumeText t = extractor().extract(html.getBytes(Charset.forName("iso-8859-1")), "text/html", "cv.html");
        assertRead(t, "text/html", "Dana Ruiz\nDesigner\nS\u00e3o Paulo", "LinkedIn");
        assertThat(t.text()).doesNotContain("var x", "p{}");
        assertThat(t.linkedinUrls()).containsExactly("linkedin.com/in/danaruiz");
    }

    @Test
    void plainTextInUtf8Utf16AndWindows1252() throws IOException {
        String cv = "Jürgen Groß\r\nBackend developer\r\n\r\n\r\n\r\nhttps://github.com/jgross";
        ResumeText utf8 = extractor().extract(cv.getBytes(StandardCharsets.UTF_8), "text/plain", "cv.txt");
        assertRead(utf8, "text/plain", "Jürgen Groß\nBackend developer\n\nhttps://github.com/jgross");
        assertThat(utf8.githubUrls()).containsExactly("github.com/jgross");
        byte[] withBom = ("\ufeff" + cv).getBytes(StandardCharsets.UTF_16LE);
        assertRead(extractor().extract(withBom, "text/plain", null), "text/plain", "Jürgen Groß");
        assertRead(extractor().extract(cv.getBytes(Charset.forName("windows-1252")), null, null), "text/plain", "Jürgen Groß");
    }

    @Test
    void theContentDecidesNotTheDeclaredMediaType() throws IOException {
        byte[] docx = ResumeFiles.docx(List.of("Eve Adams", "https://linkedin.com/in/eveadams"), null, null, null, null);
        ResumeText docxAsPdf = extractor().extract(docx, PDF, "resume.pdf");
        assertRead(docxAsPdf, DOCX, "Eve Adams");
        assertThat(docxAsPdf.linkedinUrls()).containsExactly("linkedin.com/in/eveadams");

        byte[] pdf = ResumeFiles.pdf(List.of("Femi Bello", "github.com/femibello"), null, null);
        ResumeText pdfAsText = extractor().extract(pdf, "text/plain", "resume.txt");
        assertRead(pdfAsText, PDF, "Femi Bello");
        assertThat(pdfAsText.githubUrls()).containsExactly("github.com/femibello");

        byte[] text = "Gil Cohen\nhttps://github.com/gilc".getBytes(StandardCharsets.UTF_8);
        assertRead(extractor().extract(text, DOCX, "resume.docx"), "text/plain", "Gil Cohen");
        assertRead(extractor().extract("<p>Hana Sato</p><p>QA</p>".getBytes(StandardCharsets.UTF_8), "text/html", null),
                "text/html", "Hana Sato\nQA");
    }

    @Test
    void badFilesAreFailuresWithReasons() throws IOException {
        ResumeExtractor x = extractor();
        assertThat(x.extract(ResumeFiles.encryptedPdf(List.of("Ivan Petrov")), PDF, null).failure())
                .isEqualTo("the PDF is encrypted with a password");
        assertThat(x.extract(ResumeFiles.encryptedDocx(List.of("Ivan Petrov")), DOCX, null).failure())
                .isEqualTo("the Office document is encrypted with a password");
        assertThat(x.extract(ResumeFiles.corruptPdf(), PDF, null).failure()).startsWith("the PDF is corrupt or cannot be read: ");
        assertThat(x.extract(ResumeFiles.imageOnlyPdf(), PDF, null).failure())
                .isEqualTo("the PDF holds only images (a scan?); text in images is not recognised");
        assertThat(x.extract(ResumeFiles.zipBombDocx(List.of("Jia Li")), DOCX, null).failure())
                .isEqualTo("the DOCX expands far beyond its size (a zip bomb?): not read");
        assertThat(x.extract(ResumeFiles.pdf(List.of(" "), null, null), PDF, null).failure())
                .startsWith("no text in the PDF");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        ResumeText image = x.extract(png, PDF, "scan.pdf");
        assertThat(image.failure()).isEqualTo("not a document whose text can be read: the content is image/png (declared application/pdf)");
        assertThat(image.detectedType()).isEqualTo("image/png");

        byte[] fifty = new byte[50 << 20];
        System.arraycopy(ResumeFiles.pdf(List.of("x"), null, null), 0, fifty, 0, 100);
        ResumeText big = x.extract(fifty, PDF, null);
        assertThat(big.failure()).isEqualTo("the file is 50.0 MB, over the 10 MB limit (documents.maxResumeMegabytes): not read");
        assertThat(x.refuseSize(50L << 20)).map(ResumeText::failure).contains(big.failure());
        assertThat(x.refuseSize(10L << 20)).isEmpty();
    }

    @Test
    void longTextIsCutAtTheCap() throws IOException {
        ResumeExtractor x = extractor(Map.of("documents.maxTextCharacters", "1000"));
        String words = "experience ".repeat(500);
        ResumeText text = x.extract(("https://github.com/cap\n" + words).getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(text.truncated()).isTrue();
        assertThat(text.chars()).isEqualTo(1000);
        assertThat(text.githubUrls()).containsExactly("github.com/cap");
        ResumeText pdf = x.extract(ResumeFiles.pdf(Collections.nCopies(40, words.substring(0, 90)), null, null), PDF, null);
        assertThat(pdf.truncated()).as("the PDF reader stops at the cap").isTrue();
        assertThat(pdf.chars()).isLessThanOrEqualTo(1000);
    }

    @Test
    void aFileThatTakesForEverIsAbandonedAtTheLimitAndFreesItsThread() throws Exception {
        ExtractionPool pool = new ExtractionPool(2, Duration.ofSeconds(1));
        pool.start();
        try {
            ResumeExtractor x = extractor();
            byte[] endless = ResumeFiles.endlessPdf();
            byte[] fine = ResumeFiles.pdf(List.of("Kai Moana"), null, null);
            List<ExtractionPool.Outcome<ResumeText>> outcomes = pool.runAll(List.of(
                    () -> x.extract(endless, PDF, null), () -> x.extract(fine, PDF, null)));
            assertThat(outcomes.get(0)).isEqualTo(new ExtractionPool.TimedOut<ResumeText>(Duration.ofSeconds(1)));
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(ExtractionPool.Done.class,
                    d -> assertThat(((ResumeText) d.value()).text()).isEqualTo("Kai Moana"));
            ApiFixture.await("the interrupted PDF reader to give its thread back", () -> pool.overdue() == 0);
        } finally {
            pool.stop();
        }
    }

    @Test
    void whenEveryThreadIsHeldByAnAbandonedJobTheOthersAreAnsweredBusyAtOnce() throws Exception {
        ExtractionPool pool = new ExtractionPool(1, Duration.ofSeconds(1));
        pool.start();
        CountDownLatch release = new CountDownLatch(1);
        try {
            List<ExtractionPool.Outcome<String>> outcomes = pool.runAll(List.of(() -> {
                while (true) { // a library that does not listen to interrupts
                    try {
                        release.await();
                        return "late";
                    } catch (InterruptedException ignored) {
                        // keeps going
                    }
                }
            }, () -> "never run"));
            assertThat(outcomes).containsExactly(new ExtractionPool.TimedOut<>(Duration.ofSeconds(1)), new ExtractionPool.Busy<>(1));
            assertThat(pool.overdue()).isEqualTo(1);
            release.countDown();
            ApiFixture.await("the stuck job to end", () -> pool.overdue() == 0);
            assertThat(pool.runAll(List.<Callable<String>>of(() -> "again")))
                    .containsExactly(new ExtractionPool.Done<>("again"));
        } finally {
            release.countDown();
            pool.stop();
        }
    }
}
