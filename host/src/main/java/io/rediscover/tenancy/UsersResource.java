package io.rediscover.tenancy;

import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiException;
import io.rediscover.web.ApiResource;
import io.rediscover.web.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Org admins manage their own org's users ({@code GET/POST /api/users}, {@code DELETE /api/users/{id}}): onboarding
 * recruiters and offboarding people who leave, without waiting for a platform admin. An admin cannot remove
 * themselves, so an org is never left without the one who was managing it by accident.
 */
@Tag(name = "Users")
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class UsersResource implements ApiResource {

    private final OrgUsers orgUsers;

    /** @param orgUsers the users of orgs */
    @Inject
    public UsersResource(OrgUsers orgUsers) {
        this.orgUsers = orgUsers;
    }

    /** @param security the caller @return the org's users */
    @GET
    @Operation(summary = "The org's users")
    public OrgUsers.Users list(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requireOrgAdmin("list the users of your organisation");
        return orgUsers.list(caller.org());
    }

    /** @param body the user @param security the caller @return 201 with the user; 409 when the address is taken */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard a user",
            responses = @ApiResponse(responseCode = "201", description = "added",
                    content = @Content(schema = @Schema(implementation = UserView.class))))
    public Response add(OrgUsers.NewUser body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requireOrgAdmin("add users");
        OrgUsers.NewUser in = InvalidField.body(body);
        return Response.status(201).entity(orgUsers.add(caller, caller.org(), in)).build();
    }

    /** @param id one of the org's users @param security the caller @return 204 */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Offboard a user", responses = @ApiResponse(responseCode = "204", description = "removed"))
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requireOrgAdmin("remove users");
        if (id.equals(caller.user().id())) {
            throw ApiException.conflict("you cannot remove yourself; ask another admin of your organisation");
        }
        orgUsers.remove(caller, caller.org(), id);
        return Response.noContent().build();
    }
}
