package io.rediscover.icims.simulator;

/**
 * What a person's generated resume looks like: its file format and where (if anywhere) the LinkedIn URL
 * appears. Kept apart from the bytes so a 100,000-person tenant renders resumes only when asked.
 */
public record ResumeSpec(Format format, LinkedinPlacement linkedinPlacement, String githubUrl, String summary) {
    /** Resume file format; NONE = the person has no resume. */
    public enum Format {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        NONE(null, null);

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    /** Where the LinkedIn URL is printed: in the contact header, only in the page footer, or nowhere. */
    public enum LinkedinPlacement { HEADER, FOOTER, ABSENT }
}
