package org.incidentkb.incident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.Format;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.query.IncidentQuery;

/**
 * The incidents an actor took part in: the incident list narrowed to one actor.
 *
 * <p>The HTTP operations and their OpenAPI documentation; ActorIncidentsResource serves them.
 */
@Path("/actors/{id}/incidents")
@Tag(name = "Actors")
@RolesAllowed(Roles.READER)
public interface ActorIncidentsOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Produces({ MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.GEOJSON_TYPE, Format.NDJSON_TYPE })
    @Operation(operationId = "listActorIncidents", summary = "List an actor's incidents", description = "The incidents the actor takes part in (in the "
            + "given roles, or any), with every filter, sort, paging mode and representation of GET /incidents.")
    @APIResponse(responseCode = "200", description = "A page of incidents, or the export in the chosen format",
            headers = @Header(name = "Link", description = "RFC 8288 links to the next, previous, first and (when counted) last pages"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IncidentResource.IncidentPage.class)))
    @APIResponse(responseCode = "404", description = "No actor with that id", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response list(@Parameter(description = "Actor id", example = "2") @PathParam("id") long id,
            @Parameter(description = "PERPETRATOR, TARGET or OTHER; repeatable (default: any role)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Role.class), example = "PERPETRATOR")
            @QueryParam("role") List<String> role,
            @BeanParam IncidentQuery query, @BeanParam ListParams list, @Context UriInfo uri,
            @Context HttpHeaders headers);
}
