package org.incidentkb.incident;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.CasualtyView;
import org.incidentkb.incident.api.IncidentExamples;

/**
 * The HTTP operations on an incident's casualty records, with their OpenAPI documentation; CasualtyResource serves them.
 * Bodies are checked by {@link IncidentChildResource} (bean validation there: constraints cannot sit on both an
 * interface and the class its implementation extends).
 */
@Path("/incidents/{id}/casualties")
@Tag(name = "Casualties", description = "Casualty records of an incident: one report's figures for one group of "
        + "people. Every change recomputes the incident's casualtySummary and moves its version.")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such incident, or no such record in it", content = @Content(
        mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.READER)
public interface CasualtyOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Operation(operationId = "listIncidentCasualties", summary = "List an incident's casualty records")
    @APIResponse(responseCode = "200", description = "The records, oldest first",
            content = @Content(schema = @Schema(implementation = CasualtyView.class, type = SchemaType.ARRAY)))
    List<CasualtyView> list(@Parameter(description = "Incident id", example = "2") @PathParam("id") long id);

    @GET
    @Path("/{cid}")
    @Operation(operationId = "getIncidentCasualty", summary = "Read a casualty record")
    @APIResponse(responseCode = "200", description = "The record", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = CasualtyView.class),
                    examples = @ExampleObject(name = "Abu Taqwa strike", value = IncidentExamples.CASUALTY_VIEW)))
    Response get(@Parameter(description = "Incident id", example = "2") @PathParam("id") long id,
            @Parameter(description = "Casualty record id", example = "1") @PathParam("cid") long cid);

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIncidentCasualty", summary = "Add a casualty record", description = "A figure is {low, best, high} or a bare number; "
            + "\"at least four\" is {\"low\": 4, \"best\": 4, \"high\": null}.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "Abu Taqwa strike", value = IncidentExamples.CASUALTY_INPUT)))
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = ApiDocs.LOCATION), @Header(name = "ETag", description = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = CasualtyView.class),
                    examples = @ExampleObject(name = "Abu Taqwa strike", value = IncidentExamples.CASUALTY_VIEW)))
    Response create(@Parameter(description = "Incident id", example = "2") @PathParam("id") long id,
            CasualtyInput input, @Context UriInfo uri);

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("/{cid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceIncidentCasualty", summary = "Replace a casualty record", description = "Takes the whole record, e.g. the body a GET "
            + "returned with changes; read-only fields are ignored.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "Abu Taqwa strike", value = IncidentExamples.CASUALTY_INPUT)))
    @APIResponse(responseCode = "200", description = "The updated record",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = CasualtyView.class)))
    Response replace(@Parameter(description = "Incident id", example = "2") @PathParam("id") long id,
            @Parameter(description = "Casualty record id", example = "1") @PathParam("cid") long cid,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            CasualtyInput input);

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("/{cid}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchIncidentCasualty", summary = "Change some fields of a casualty record", description = "JSON Merge Patch (RFC 7386).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "injured", value = "{\"injured\": {\"low\": 5, \"best\": 5, \"high\": null}}")))
    @APIResponse(responseCode = "200", description = "The updated record",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = CasualtyView.class)))
    Response patch(@Parameter(description = "Incident id", example = "2") @PathParam("id") long id,
            @Parameter(description = "Casualty record id", example = "1") @PathParam("cid") long cid,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode patch);

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{cid}")
    @Operation(operationId = "deleteIncidentCasualty", summary = "Delete a casualty record")
    @APIResponse(responseCode = "204", description = "Deleted")
    Response delete(@Parameter(description = "Incident id", example = "2") @PathParam("id") long id,
            @Parameter(description = "Casualty record id", example = "1") @PathParam("cid") long cid,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);
}
