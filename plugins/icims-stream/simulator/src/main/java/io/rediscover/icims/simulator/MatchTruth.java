package io.rediscover.icims.simulator;

/**
 * The ground truth of one person of a tenant derived from a public-profile corpus ({@link SimulatorConfig.Builder#profiles}):
 * which profile the person really is — or none — and what the ATS copy does to make finding it hard. Read it with
 * {@link Tenant#truth(long)}; the matcher's tests and quality benchmark score their matches against it.
 *
 * @param profileId   the profile the person is, or null when the person is in no profile of the corpus
 * @param variant     what was applied
 * @param lookAlikeOf for a look-alike, the profile whose name (and maybe city) it shares; otherwise null
 */
public record MatchTruth(String profileId, Variant variant, String lookAlikeOf) {

    /**
     * What the ATS copy of a profile looks like. Weights are the shares among people derived from a corpus; a variant that
     * needs something the profile lacks falls back: the URL variants to {@link #NO_URL} for a profile without a LinkedIn
     * URL, {@link #NICKNAME} to {@link #NAME_TYPO} for a first name without a known nickname.
     */
    public enum Variant {
        /** the LinkedIn URL is in the ATS's LinkedIn field (and maybe the resume), spelt as on the profile */
        URL_IN_FIELD(20),
        /** the LinkedIn URL is in the field in another spelling: case, country host, /pub/ form, query string, trailing slash */
        URL_VARIANT(20),
        /** the LinkedIn URL is only in the resume, a PDF (header or footer) */
        URL_ONLY_IN_PDF_RESUME(10),
        /** the LinkedIn URL is only in the resume, a DOCX (header or footer) */
        URL_ONLY_IN_DOCX_RESUME(8),
        /** no LinkedIn or GitHub URL anywhere: name, history and education only */
        NO_URL(12),
        /** no URL, and a typo in the first or last name */
        NAME_TYPO(8),
        /** no URL, and a nickname for the first name */
        NICKNAME(10),
        /** no URL, and a newer job the profile does not have yet */
        JOB_CHANGE(7),
        /** not in the corpus: a different person with a profile's name (and half the time its city); must not match */
        LOOK_ALIKE(5),
        /** not derived from the corpus at all (the tenant's people beyond the corpus) */
        NOT_IN_CORPUS(0);

        private final int weight;

        Variant(int weight) {
            this.weight = weight;
        }

        /** @return its weight among people derived from a corpus, in percent */
        public int weight() {
            return weight;
        }

        /** @return whether it needs the profile's LinkedIn URL */
        public boolean needsLinkedin() {
            return this == URL_IN_FIELD || this == URL_VARIANT || this == URL_ONLY_IN_PDF_RESUME || this == URL_ONLY_IN_DOCX_RESUME;
        }
    }

    /** @return whether the person should be matched (to {@link #profileId}) */
    public boolean matchable() {
        return profileId != null;
    }
}
