package io.rediscover.documents;

import java.time.Instant;
import java.util.List;

/**
 * The plain text of one resume file and the profile links found in it: derived data, kept once per file (per org, by
 * the file's content hash) and rebuilt whenever the extractor changes or a reindex runs. A file that could not be read
 * has a {@link #failure()} instead of text, so it is not read again for every candidate who shares it.
 *
 * @param text             the text, at most {@code documents.maxTextCharacters} characters; empty on failure
 * @param detectedType     the file's media type as detected from its content (not as the ATS declared it), e.g.
 *                         {@code application/pdf}; null when the file was not looked at (too large)
 * @param chars            characters in {@link #text()}
 * @param truncated        whether the text was cut at {@code documents.maxTextCharacters}
 * @param linkedinUrls     canonical LinkedIn profile URLs in the text or the file's hyperlinks, in order, once each
 * @param githubUrls       canonical GitHub profile URLs, likewise
 * @param failure          why no text could be had (encrypted, corrupt, image-only, too large, too slow), or null
 * @param extractorVersion the {@link ResumeExtractor#VERSION} that produced this
 * @param extractedAt      when
 */
public record ResumeText(String text, String detectedType, int chars, boolean truncated, List<String> linkedinUrls,
                         List<String> githubUrls, String failure, int extractorVersion, Instant extractedAt) {

    /** Canonical constructor: null lists read as empty (a value stored by a release without them), lists copied. */
    public ResumeText {
        text = text == null ? "" : text;
        linkedinUrls = linkedinUrls == null ? List.of() : List.copyOf(linkedinUrls);
        githubUrls = githubUrls == null ? List.of() : List.copyOf(githubUrls);
    }

    /**
     * @param detectedType the detected media type, or null
     * @param reason       why, for admins
     * @param at           when
     * @return a failure
     */
    static ResumeText failed(String detectedType, String reason, Instant at) {
        return new ResumeText("", detectedType, 0, false, List.of(), List.of(), reason, ResumeExtractor.VERSION, at);
    }

    /** @return whether text was extracted (possibly empty of links) */
    public boolean ok() {
        return failure == null;
    }
}
