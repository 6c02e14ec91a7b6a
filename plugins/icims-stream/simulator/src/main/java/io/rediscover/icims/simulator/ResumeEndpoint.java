package io.rediscover.icims.simulator;

import java.util.Optional;

/**
 * A5 {@code GET …/people/{id}/fields/resume/binary}: the raw file with its own Content-Type [DOC S9] and a
 * Content-Disposition file name [ASSUME]; no resume ⇒ 404 JSON code 2 [ASSUME; a JSON answer means "no
 * resume" per OBS C1].
 */
final class ResumeEndpoint {
    private final Tenant tenant;
    private final ResumeService resumes;
    private final IcimsErrors errors;

    ResumeEndpoint(Tenant tenant, ResumeService resumes, IcimsErrors errors) {
        this.tenant = tenant;
        this.resumes = resumes;
        this.errors = errors;
    }

    SimResponse handle(SimRequest request, long personId, Optional<Fault> fault) {
        if (!request.method().equals("GET")) {
            return errors.error(405, 0, "Method not allowed.");
        }
        if (fault.isPresent() && fault.get() instanceof Fault.RecordNotFound) {
            return errors.notFound(ProfileType.PERSON);
        }
        if (fault.isPresent() && fault.get() instanceof Fault.AccessDenied) {
            return errors.accessDenied(ProfileType.PERSON);
        }
        Optional<Person> person = tenant.person(personId);
        if (person.isEmpty()) {
            return errors.notFound(ProfileType.PERSON);
        }
        if (tenant.accessRevoked(ProfileType.PERSON, personId)) {
            return errors.accessDenied(ProfileType.PERSON);
        }
        Optional<StoredResume> resume = resumes.resume(person.get());
        if (resume.isEmpty()) {
            return errors.error(404, 2, "The requested file was not found.");
        }
        StoredResume r = resume.get();
        return SimResponse.bytes(200, r.contentType(), r.bytes())
                .withHeader("Content-Disposition", "attachment; filename=\"" + r.filename() + "\"");
    }
}
