package org.incidentkb.security;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Roles;
import org.incidentkb.security.UserApi.UserView;

/** The HTTP operations and their OpenAPI documentation; UserResource serves them. */
@Path("/users")
@Tag(name = "Users", description = "Who may sign in (HTTP Basic) and with which roles. Admins manage users; every "
        + "signed-in user can see who they are and change their own password.")
@Produces(MediaType.APPLICATION_JSON)
public interface UserOperations {

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listUsers", summary = "List users", description = "Users by name, with their roles; never a password or hash.")
    @APIResponse(responseCode = "200", description = "A page of users",
            headers = @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and (when counted) last pages"),
            content = @Content(schema = @Schema(implementation = UserPage.class)))
    Response list(@BeanParam PageParams pages,
            @Context UriInfo uri);

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user", description = "The password is stored only as a bcrypt hash. A name is "
            + "unique regardless of case.")
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = ApiDocs.LOCATION),
            @Header(name = "ETag", description = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "A user of that name exists", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response create(@NotNull @Valid UserApi.UserInput input, @Context UriInfo uri);

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getUser", summary = "Read a user")
    @APIResponse(responseCode = "200", description = "The user", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    Response get(@Parameter(description = "User id", example = "1") @PathParam("id") long id);

    @PUT
    @Path("/{id}/roles")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setUserRoles", summary = "Change a user's roles", description = "The last admin keeps the admin role (409).")
    @APIResponse(responseCode = "200", description = "The user", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "Stale version, or the last admin would lose the role",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response setRoles(@Parameter(description = "User id", example = "1") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid UserApi.RolesInput input);

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteUser", summary = "Delete a user", description = "The last admin cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The last admin", content = @Content(mediaType = ApiDocs.PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    Response delete(@Parameter(description = "User id", example = "1") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @GET
    @Path("/me")
    @Authenticated
    @Operation(operationId = "getCurrentUser", summary = "Who am I", description = "The signed-in user's name and roles (implied roles included), "
            + "whether signed in with HTTP Basic or a bearer JWT.")
    @APIResponse(responseCode = "200", description = "The signed-in user", content = @Content(
            schema = @Schema(implementation = UserApi.Me.class), examples = @ExampleObject(name = "admin",
                    value = "{\"username\": \"admin\", \"roles\": [\"admin\", \"editor\", \"reader\"], \"scheme\": \"basic\"}")))
    UserApi.Me me();

    @PUT
    @Path("/me/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOwnPassword", summary = "Change my password", description = "For users signed in with HTTP Basic; the current "
            + "password must be given.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "403", description = "Signed in with a JWT, not as a user of this service",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response changePassword(@NotNull @Valid UserApi.PasswordChange change);

    @Schema(name = "UserPage", description = "A page of users")
    class UserPage extends org.incidentkb.common.PageSchema {
        public List<UserView> items;
    }
}
