package org.incidentkb.incident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.actor.ActorApi.ActorView;
import org.incidentkb.actor.ActorApi.MergeInput;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Roles;

/**
 * Merging two actors that are one: an operation on actors that changes incidents, so it lives here.
 *
 * <p>The HTTP operation and its OpenAPI documentation; ActorMergeResource serves it.
 */
@Path("/actors/{id}/merge")
@Tag(name = "Actors")
public interface ActorMergeOperations {

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mergeActor", summary = "Merge an actor into another", description = """
            For two actors that are one group (see `GET /actors/duplicates`): every participation, claim (as \
            claimant or as who stated it), casualty affiliation, member and backing of actor `id` moves to `into`, \
            which keeps the old name and aliases as aliases and takes its designations; actor `id` is then deleted. \
            Each incident touched gets a new version and a revision in its history. One transaction: all of it or \
            nothing.""")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "into Islamic State",
            value = "{\"into\": {\"id\": 14}}")))
    @APIResponse(responseCode = "200", description = "The actor that stays, as it is now",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "409", description = "Merging an actor into itself, or into one of its own members",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response merge(@Parameter(description = "The actor that goes", example = "88") @PathParam("id") long id,
            @NotNull @Valid MergeInput input);
}
