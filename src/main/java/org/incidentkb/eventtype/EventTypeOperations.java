package org.incidentkb.eventtype;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.eventtype.EventTypeViews.CategoryView;

/** The HTTP operations and their OpenAPI documentation; EventTypeResource serves them. */
@Path("/event-types")
@Tag(name = "Event types", description = "The two-level event taxonomy (ACLED's event types and sub-event types)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public interface EventTypeOperations {

    String EXAMPLE = """
            {"code": "explosions-remote-violence", "label": "Explosions/Remote violence",
             "description": "One-sided violence in which the tool for engaging in conflict creates asymmetry by taking away the ability of the target to respond.",
             "types": [{"code": "air-drone-strike", "label": "Air/drone strike", "description": "Air or drone strikes occurring without any other engagement."}]}""";

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Operation(operationId = "listEventTypes", summary = "List event categories with their types", description = "An incident's `category` and "
            + "`type` take these codes.")
    @APIResponse(responseCode = "200", description = "All categories in codebook order",
            content = @Content(schema = @Schema(implementation = CategoryView.class, type = SchemaType.ARRAY)))
    List<CategoryView> list();

    @GET
    @Path("/{code}")
    @Operation(operationId = "getEventType", summary = "Read an event category with its types")
    @APIResponse(responseCode = "200", description = "The category", content = @Content(
            schema = @Schema(implementation = CategoryView.class), examples = @ExampleObject(name = "explosions", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No category with that code", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    CategoryView get(@Parameter(description = "Category code", example = "explosions-remote-violence")
            @PathParam("code") String code);
}
