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
import org.incidentkb.incident.api.IncidentApi.ClaimInput;
import org.incidentkb.incident.api.IncidentApi.ClaimView;
import org.incidentkb.incident.api.IncidentExamples;

/**
 * The HTTP operations on an incident's claims, with their OpenAPI documentation; ClaimResource serves them.
 * Bodies are checked by {@link IncidentChildResource} (bean validation there: constraints cannot sit on both an
 * interface and the class its implementation extends).
 */
@Path("/incidents/{id}/claims")
@Tag(name = "Claims", description = "Statements about responsibility for an incident: claims, denials and "
        + "attributions by third parties. Every change recomputes the incident's claimStatus and moves its version.")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such incident, or no such record in it", content = @Content(
        mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.READER)
public interface ClaimOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Operation(operationId = "listIncidentClaims", summary = "List an incident's claims")
    @APIResponse(responseCode = "200", description = "The claims, oldest first",
            content = @Content(schema = @Schema(implementation = ClaimView.class, type = SchemaType.ARRAY)))
    List<ClaimView> list(@Parameter(description = "Incident id", example = "4") @PathParam("id") long id);

    @GET
    @Path("/{claimId}")
    @Operation(operationId = "getIncidentClaim", summary = "Read a claim")
    @APIResponse(responseCode = "200", description = "The record", headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ClaimView.class),
                    examples = @ExampleObject(name = "al-Asad claim", value = IncidentExamples.CLAIM_VIEW)))
    Response get(@Parameter(description = "Incident id", example = "4") @PathParam("id") long id,
            @Parameter(description = "Claim id", example = "4") @PathParam("claimId") long claimId);

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIncidentClaim", summary = "Add a claim, denial or attribution", description = "`actor` is whom the statement is "
            + "about; `statedBy` who made it when that is someone else (an actor or free text such as \"Pentagon\").")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "al-Asad claim", value = IncidentExamples.CLAIM_INPUT)))
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = ApiDocs.LOCATION), @Header(name = "ETag", description = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = ClaimView.class),
                    examples = @ExampleObject(name = "al-Asad claim", value = IncidentExamples.CLAIM_VIEW)))
    Response create(@Parameter(description = "Incident id", example = "4") @PathParam("id") long id,
            ClaimInput input, @Context UriInfo uri);

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("/{claimId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceIncidentClaim", summary = "Replace a claim", description = "Takes the whole record, e.g. the body a GET "
            + "returned with changes; read-only fields are ignored.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "al-Asad claim", value = IncidentExamples.CLAIM_INPUT)))
    @APIResponse(responseCode = "200", description = "The updated record",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    Response replace(@Parameter(description = "Incident id", example = "4") @PathParam("id") long id,
            @Parameter(description = "Claim id", example = "4") @PathParam("claimId") long claimId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ClaimInput input);

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("/{claimId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchIncidentClaim", summary = "Change some fields of a claim", description = "JSON Merge Patch (RFC 7386).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "credibility", value = "{\"credibility\": \"PLAUSIBLE\"}")))
    @APIResponse(responseCode = "200", description = "The updated record",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    Response patch(@Parameter(description = "Incident id", example = "4") @PathParam("id") long id,
            @Parameter(description = "Claim id", example = "4") @PathParam("claimId") long claimId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode patch);

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{claimId}")
    @Operation(operationId = "deleteIncidentClaim", summary = "Delete a claim")
    @APIResponse(responseCode = "204", description = "Deleted")
    Response delete(@Parameter(description = "Incident id", example = "4") @PathParam("id") long id,
            @Parameter(description = "Claim id", example = "4") @PathParam("claimId") long claimId,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);
}
