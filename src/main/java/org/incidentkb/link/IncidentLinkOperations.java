package org.incidentkb.link;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
import org.incidentkb.common.Problem;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.link.LinkApi.LinkInput;
import org.incidentkb.link.LinkApi.LinkView;

/** The HTTP operations on an incident's links and their OpenAPI documentation; IncidentLinkResource serves them. */
@Path("/incidents/{id}/links")
@Tag(name = "Links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public interface IncidentLinkOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Operation(operationId = "listIncidentLinks", summary = "List an incident's links", description = "Every link of "
            + "the incident, whichever way it points (the incident may be `from` or `to`), by relation and id: the same "
            + "event in other datasets (SAME_EVENT, proposed by matching or made by an editor), and the PART_OF, "
            + "RESPONSE_TO and RELATED links editors made from what sources say.")
    @APIResponse(responseCode = "200", description = "The links", content = @Content(
            schema = @Schema(implementation = LinkView.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "al-Asad", value = LinkExamples.LIST)))
    @APIResponse(responseCode = "404", description = "No incident with that id", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    List<LinkView> list(@Parameter(description = "Incident id", example = "4") @PathParam("id") long id);

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIncidentLink", summary = "Link an incident to another", description = "An editor's "
            + "link from this incident to another: CONFIRMED at once, with the editor as who decided it. The pair may "
            + "have one link per relation, whichever way round; an incident cannot be linked to itself or to one that "
            + "does not exist, and PART_OF links never form a cycle. The link appears in both incidents' history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "al-Asad follows the Israeli strikes",
            value = LinkExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = "URL of the new link (/links/{id})"),
            @Header(name = "ETag", description = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = LinkView.class),
                    examples = @ExampleObject(name = "al-Asad", value = LinkExamples.VIEW)))
    @APIResponse(responseCode = "404", description = "No incident with the id in the path", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The two incidents are already linked with that relation, or a "
            + "PART_OF link would close a cycle (the incident linked to is already, through PART_OF links, part of "
            + "this one)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response create(@Parameter(description = "Incident id (the link's `from`)", example = "4") @PathParam("id") long id,
            @NotNull @Valid LinkInput input, @Context UriInfo uri);
}
