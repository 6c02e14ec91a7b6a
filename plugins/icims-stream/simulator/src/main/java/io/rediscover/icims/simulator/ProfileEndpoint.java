package io.rediscover.icims.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A4 profile GETs with {@code fields=}. Gone ⇒ 404 code 2 (B6/D7); access revoked ⇒ 404 code 3 (B7/D8).
 * Upper-case field names are not fields (iCIMS wants lowercase) and earn an {@code X-Warning: 4:…}.
 */
final class ProfileEndpoint {
    private final Tenant tenant;
    private final FieldRenderer renderer;
    private final IcimsErrors errors;
    private final ForwardCompatNoise noise;

    ProfileEndpoint(Tenant tenant, FieldRenderer renderer, IcimsErrors errors, ForwardCompatNoise noise) {
        this.tenant = tenant;
        this.renderer = renderer;
        this.errors = errors;
        this.noise = noise;
    }

    SimResponse handle(SimRequest request, ProfileType type, long id, Optional<Fault> fault) {
        if (!request.method().equals("GET")) {
            return errors.error(405, 0, "Method not allowed.");
        }
        if (fault.isPresent() && fault.get() instanceof Fault.RecordNotFound) {
            return errors.notFound(type);
        }
        if (fault.isPresent() && fault.get() instanceof Fault.AccessDenied) {
            return errors.accessDenied(type);
        }
        Optional<Object> record = tenant.record(type, id);
        if (record.isEmpty()) {
            return errors.notFound(type);
        }
        if (tenant.accessRevoked(type, id)) {
            return errors.accessDenied(type);
        }
        String fieldsParam = request.param("fields");
        List<String> requested = fieldsParam == null ? defaults(type) : FieldRenderer.parseFieldsParam(fieldsParam);
        List<String> warnings = new ArrayList<>();
        List<String> lowercase = new ArrayList<>();
        for (String f : requested) {
            if (FieldRenderer.isLowercase(f)) {
                lowercase.add(f);
            } else {
                warnings.add("4:" + f + ":Field name must be all lowercase");
            }
        }
        FieldRenderer.Rendered rendered = renderer.render(type, record.get(), lowercase);
        noise.profile(rendered.body());
        SimResponse response = SimResponse.json(200, rendered.body().toString());
        for (String w : warnings) {
            response = response.withHeader("X-Warning", w);
        }
        return response;
    }

    private static List<String> defaults(ProfileType type) {
        return switch (type) {
            case PERSON -> FieldRenderer.DEFAULT_PERSON_FIELDS;
            case JOB -> FieldRenderer.DEFAULT_JOB_FIELDS;
            case APPLICANT_WORKFLOW -> FieldRenderer.DEFAULT_WORKFLOW_FIELDS;
        };
    }
}
