package io.rediscover.profiles;

import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/profiles/{id}}: one public profile, with what Rediscover derives from it, for any signed-in user. */
@Tag(name = "Public profiles")
@Path("/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ProfilesResource implements ApiResource {

    private final ProfileStore profiles;
    private final Clock clock;

    /** @param profiles the corpus @param clock the host's clock */
    @Inject
    public ProfilesResource(ProfileStore profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * A profile as served.
     *
     * @param profile            the profile
     * @param yearsOfExperience  derived: years covered by its work history
     * @param yearsInCurrentRole derived: years in the current job, or null
     * @param pastCompanies      derived: employers of jobs that ended
     * @param pastTitles         derived: titles of jobs that ended
     */
    public record View(Profile profile, double yearsOfExperience, Double yearsInCurrentRole, List<String> pastCompanies,
                       List<String> pastTitles) {
    }

    /** @param security the caller @param id a profile id @return the profile; 404 when unknown */
    @GET
    @Path("/{id}")
    @Operation(summary = "One public profile and what Rediscover derives from it")
    public View get(@Context SecurityContext security, @PathParam("id") String id) {
        Caller.of(security);
        Profile p = profiles.get(id).orElseThrow(() -> ApiException.notFound("profile " + id));
        LocalDate today = LocalDate.now(clock);
        return new View(p, p.yearsOfExperience(today), p.yearsInCurrentRole(today).orElse(null), p.pastCompanies(),
                p.pastTitles());
    }
}
