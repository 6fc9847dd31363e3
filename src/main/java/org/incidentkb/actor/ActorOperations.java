package org.incidentkb.actor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.actor.ActorApi.ActorInput;
import org.incidentkb.actor.ActorApi.ActorView;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;

/** The HTTP operations and their OpenAPI documentation; ActorResource serves them. */
@Path("/actors")
@Tag(name = "Actors", description = "Parties to incidents: state forces, armed groups, coalitions, civilians, with "
        + "aliases, umbrella membership, backers and designations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public interface ActorOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Operation(operationId = "listActors", summary = "List or search actors",
            description = "Actors sorted by name. `q` matches any part of the name or of an alias, ignoring case.")
    @APIResponse(responseCode = "200", description = "A page of actors",
            headers = @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and (when counted) last pages"),
            content = @Content(schema = @Schema(implementation = ActorPage.class)))
    Response list(
            @Parameter(description = "Text to find in names and aliases: case-insensitive, spelling variants folded as in "
                    + "`q` of `/incidents` (`jaysh al mahdi` finds `Jaysh al-Mahdi`)", example = "hezbollah")
            @QueryParam("q") String q,
            @BeanParam PageParams pages,
            @Context UriInfo uri);

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Path("/duplicates")
    @Operation(operationId = "listActorDuplicates", summary = "Find likely duplicate actors", description = """
            Pairs of actors that are probably one group under two names, as datasets spell it differently \
            ("Islamic State (Iraq)", "ISLAMIC STATE", "IS"), best first. Names and aliases are compared on a \
            normalised form (case, accents, punctuation, a trailing bracketed qualifier and bracketed years left \
            out); a pair scores 1 when those forms agree, 0.8 when one is the other's acronym, and otherwise 0.9 \
            times the share of words in common. Nothing is changed: an editor merges a pair with \
            `POST /actors/{id}/merge`.""")
    @APIResponse(responseCode = "200", description = "The pairs", content = @Content(
            schema = @Schema(implementation = ActorApi.Duplicates.class), examples = @ExampleObject(name = "IS",
                    value = ActorExamples.DUPLICATES)))
    ActorApi.Duplicates duplicates(
            @Parameter(description = "Smallest score to list, 0 to 1 (default 0.6)", example = "0.8",
                    schema = @Schema(type = SchemaType.NUMBER))
            @QueryParam("minScore") String minScore,
            @Parameter(description = "Most pairs to list, 1 to 1000 (default 100)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getActor", summary = "Read an actor")
    @APIResponse(responseCode = "200", description = "The actor", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ActorView.class),
                    examples = @ExampleObject(name = "Kataib Hezbollah", value = ActorExamples.VIEW)))
    Response get(@Parameter(description = "Actor id", example = "5") @PathParam("id") long id);

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createActor", summary = "Create an actor", description = "Names are unique regardless of case; `parent` and "
            + "`backers` must name existing actors (by id, or by name or alias).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Kataib Hezbollah", value = ActorExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = ApiDocs.LOCATION),
            @Header(name = "ETag", description = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = ActorView.class),
                    examples = @ExampleObject(name = "Kataib Hezbollah", value = ActorExamples.VIEW)))
    @APIResponse(responseCode = "409", description = "An actor with that name already exists",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response create(@NotNull @Valid ActorInput input, @Context UriInfo uri);

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceActor", summary = "Replace an actor", description = "Takes the whole actor, e.g. the body a GET returned "
            + "with changes; read-only fields are ignored. Omitted lists become empty.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Kataib Hezbollah", value = ActorExamples.INPUT)))
    @APIResponse(responseCode = "200", description = "The updated actor", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    Response replace(@Parameter(description = "Actor id", example = "5") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ActorInput input);

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchActor", summary = "Change some fields of an actor", description = "JSON Merge Patch (RFC 7386): fields present "
            + "replace the current ones, null removes them, absent ones stay.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "aliases", value = ActorExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The updated actor", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    Response patch(@Parameter(description = "Actor id", example = "5") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch);

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(operationId = "deleteActor", summary = "Delete an actor", description = "Refused with 409 while incidents, claims, casualties or "
            + "other actors refer to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The actor is still referenced", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response delete(@Parameter(description = "Actor id", example = "5") @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    /** The JSON page of actors, for the OpenAPI document. */
    @Schema(name = "ActorPage", description = "A page of actors")
    class ActorPage extends org.incidentkb.common.PageSchema.WithCursor {
        public java.util.List<ActorApi.ActorView> items;
    }
}
