package org.incidentkb.link;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Roles;
import org.incidentkb.link.MatchingApi.JobView;

/** The HTTP operations of matching runs and their OpenAPI documentation; MatchingResource serves them. */
@Path("/matching")
@Tag(name = "Links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public interface MatchingOperations {

    String DESCRIPTION = """
            Proposes SAME_EVENT links between incidents of different datasets (ACLED, UCDP, GTD) that are within both \
            windows: at most `spatialWindowKm` apart (great-circle distance between their coordinates) and at most \
            `temporalWindowDays` between their start dates, with event types that agree to `typeLevel` through the \
            matching taxonomy (docs/importing-and-matching.md in the repository). Candidates come from a spatial-temporal index (cells of one day by \
            one latitude band), never from all pairs. The score (0 to 1) weighs nearness in space (0.35) and in time \
            (0.25), type agreement (0.2 for the same kind, 0.1 for the same class) and a shared actor (0.2). Each \
            incident gets at most one partner from each other dataset: the best score wins, ties go to the nearer, then \
            to the closer in time. A run replaces the PROPOSED SAME_EVENT links of its scope (keeping those it finds \
            again) and never touches CONFIRMED or REJECTED ones; REJECTED pairs are never proposed again. Incidents \
            without coordinates, or entered through the API, are not matched. Every import also proposes links for \
            the incidents it creates (kb.links.match-on-import, 5 km and 2 days by default).

            One run at a time: while one is queued or running, another gets 409 with the running one's Location.""";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startMatching", summary = "Match incidents across datasets", description = DESCRIPTION)
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "Iraq 2016, 5 km, 2 days",
            value = "{\"spatialWindowKm\": 5, \"temporalWindowDays\": 2, \"typeLevel\": \"CATEGORY\", \"country\": \"IRQ\", "
                    + "\"from\": \"2016-01-01\", \"to\": \"2016-12-31\"}")))
    @APIResponse(responseCode = "202", description = "Running; follow Location for its progress and report",
            headers = @Header(name = "Location", description = "URL of the run"),
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "Another run is queued or running; Location names it",
            headers = @Header(name = "Location", description = "URL of the running run"),
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    Response start(@Valid MatchingRequest request, @Context UriInfo uri);

    @GET
    @Operation(operationId = "listMatchingJobs", summary = "List matching runs", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of runs",
            content = @Content(schema = @Schema(implementation = MatchingJobPage.class)))
    Response list(@BeanParam PageParams pages, @Context UriInfo uri);

    @GET
    @Path("/{jobId}")
    @Operation(operationId = "getMatchingJob", summary = "Read a matching run", description = "Its state and report; "
            + "the counts grow while it runs.")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(
            schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No run with that id", content = @Content(
            mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    JobView get(@Parameter(description = "Run id", example = "5d0c7f7e-2a51-4d0e-9f0a-0d3c1f9b7a21")
            @PathParam("jobId") String id);

    /** The JSON page of matching runs, for the OpenAPI document. */
    @Schema(name = "MatchingJobPage", description = "A page of matching runs")
    class MatchingJobPage extends org.incidentkb.common.PageSchema {
        public java.util.List<JobView> items;
    }
}
