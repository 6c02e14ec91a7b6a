package io.rediscover.documents;

import io.rediscover.config.HostConfig;
import io.rediscover.profiles.LinkUrls;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Turns one resume file into a {@link ResumeText}: detects the real format from the content, reads it with the format's
 * reader, normalises the text (NFC, line ends, control characters, runs of blank lines), cuts it at
 * {@code documents.maxTextCharacters} and finds the LinkedIn and GitHub profile URLs in the text and the file's
 * hyperlinks. Whatever goes wrong — too large, not a document, encrypted, corrupt, no text — becomes a failure with the
 * reason, never an exception. Runs in the caller's thread; {@link ExtractionPool} bounds its time.
 */
@Singleton
public final class ResumeExtractor {

    /**
     * The version of what this produces. Bump it when a change to the readers or the normalisation changes the text of
     * files already read: every stored text of an older version is then extracted again as its candidates pass.
     */
    public static final int VERSION = 1;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}&&[^\\u200d]]");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00a0]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private final FormatDetector detector = new FormatDetector();
    private final Map<DocumentFormat, FormatReader> readers = new EnumMap<>(DocumentFormat.class);
    private final long maxBytes;
    private final int maxChars;
    private final Clock clock;
    private final AtomicLong filesRead = new AtomicLong();

    /** @param config {@code documents.*} @param clock the host's clock */
    @Inject
    public ResumeExtractor(HostConfig config, Clock clock) {
        this.maxBytes = config.documents().maxResumeBytes();
        this.maxChars = config.documents().maxTextCharacters();
        this.clock = clock;
        readers.put(DocumentFormat.PDF, new PdfReader());
        readers.put(DocumentFormat.DOCX, new DocxReader());
        readers.put(DocumentFormat.DOC, new DocReader());
        readers.put(DocumentFormat.RTF, new RtfReader());
        readers.put(DocumentFormat.HTML, new HtmlReader());
        readers.put(DocumentFormat.TEXT, new PlainTextReader());
    }

    /**
     * @param size a file's size in bytes (as stored)
     * @return the failure when it is over {@code documents.maxResumeMegabytes}, without reading it
     */
    public Optional<ResumeText> refuseSize(long size) {
        if (size <= maxBytes) {
            return Optional.empty();
        }
        return Optional.of(ResumeText.failed(null, String.format(Locale.ROOT,
                "the file is %.1f MB, over the %d MB limit (documents.maxResumeMegabytes): not read",
                size / 1048576.0, maxBytes >> 20), clock.instant()));
    }

    /**
     * @param file         the file
     * @param declaredType the media type the ATS declared, or null (not believed: the content decides)
     * @param fileName     its name, or null
     * @return its text, or the failure with the reason
     * @throws InterruptedIOException when the thread was interrupted while reading (the time limit ran out)
     */
    public ResumeText extract(byte[] file, String declaredType, String fileName) throws InterruptedIOException {
        Optional<ResumeText> tooLarge = refuseSize(file.length);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        filesRead.incrementAndGet();
        FormatDetector.Detection detected = detector.detect(file, declaredType, fileName);
        Instant now = clock.instant();
        if (detected.format().isEmpty()) {
            return ResumeText.failed(detected.mediaType(), "not a document whose text can be read: the content is "
                    + detected.mediaType() + (declaredType == null ? "" : " (declared " + declaredType + ")"), now);
        }
        DocumentFormat format = detected.format().get();
        try {
            Extracted read = readers.get(format).read(file, maxChars);
            String text = normalise(read.text());
            if (text.isEmpty()) {
                return ResumeText.failed(detected.mediaType(), "no text in the " + format.label()
                        + " (only images, or empty; text in images is not recognised)", now);
            }
            boolean truncated = read.cut() || text.length() > maxChars;
            if (text.length() > maxChars) {
                text = text.substring(0, Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars);
            }
            String withLinks = text + "\n" + String.join("\n", read.hyperlinks());
            return new ResumeText(text, detected.mediaType(), text.length(), truncated, LinkUrls.findLinkedin(withLinks),
                    LinkUrls.findGithub(withLinks), null, VERSION, now);
        } catch (FormatReader.Unreadable e) {
            return ResumeText.failed(detected.mediaType(), e.getMessage(), now);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("abandoned while reading");
            }
            return ResumeText.failed(detected.mediaType(), "the " + format.label() + " is corrupt or cannot be read: "
                    + describe(e), now);
        }
    }

    /** @return how many files were looked at (past the size check) since the host started */
    public long filesRead() {
        return filesRead.get();
    }

    static String normalise(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u000b', '\n').replace('\f', '\n');
        s = CONTROL.matcher(s).replaceAll("");
        s = TRAILING_SPACE.matcher(s).replaceAll("\n");
        return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
    }

    private static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            parts.add(m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip());
        }
        String d = String.join(": ", parts);
        return d.length() > 300 ? d.substring(0, 300) + "…" : d;
    }
}
