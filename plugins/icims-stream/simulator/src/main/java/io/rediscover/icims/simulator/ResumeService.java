package io.rediscover.icims.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a person's resume: an uploaded one, none (removed, or the person never had one), or the generated
 * PDF/DOCX rendered on first request from the person's current data. Rendered files are kept in a small
 * LRU keyed by the (immutable) person record, so a changed person gets a fresh file.
 */
final class ResumeService {
    private static final int CACHE_ENTRIES = 256;

    private final Tenant tenant;
    private final PdfResumeWriter pdf = new PdfResumeWriter();
    private final DocxResumeWriter docx = new DocxResumeWriter();
    private final Map<Person, StoredResume> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Person, StoredResume> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    ResumeService(Tenant tenant) {
        this.tenant = tenant;
    }

    Optional<StoredResume> resume(Person person) {
        Optional<Optional<StoredResume>> override = tenant.resumeOverride(person.id());
        if (override.isPresent()) {
            return override.get();
        }
        PersonDetails details = tenant.details(person);
        ResumeSpec.Format format = details.resume().format();
        if (format == ResumeSpec.Format.NONE) {
            return Optional.empty();
        }
        synchronized (cache) {
            StoredResume cached = cache.get(person);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        ResumeDocument doc = ResumeDocument.of(person, details);
        byte[] bytes = format == ResumeSpec.Format.PDF ? pdf.write(doc, person.createddate()) : docx.write(doc, person.createddate());
        StoredResume stored = new StoredResume(bytes, format.contentType(), ResumeDocument.fileName(person, format));
        synchronized (cache) {
            cache.put(person, stored);
        }
        return Optional.of(stored);
    }
}
