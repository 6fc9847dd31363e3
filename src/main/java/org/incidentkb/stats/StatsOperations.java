package org.incidentkb.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.incidentkb.common.ApiDocs;
import org.incidentkb.common.Format;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Revalidated;
import org.incidentkb.common.Roles;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.stats.StatsApi.IncidentStats;

/** The HTTP operations and their OpenAPI documentation; StatsResource serves them. */
@Path("/stats")
@Tag(name = "Statistics", description = "Counts and casualty totals, grouped, over the same filters as the incident list")
@APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST, content = @Content(mediaType = ApiDocs.PROBLEM,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad groupBy",
                value = StatsExamples.BAD_GROUP_BY)))
@RolesAllowed(Roles.READER)
public interface StatsOperations {

    @Revalidated
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED_SINCE_CHANGE)
    @GET
    @Path("/incidents")
    @Produces({ MediaType.APPLICATION_JSON, Format.CSV_TYPE })
    @Operation(operationId = "getIncidentStatistics", summary = "Incident statistics", description = "Counts incidents and sums their casualty summaries "
            + "per group, in the database. Takes every filter of GET /incidents and `groupBy`, none (one row of "
            + "totals), one or two of year, month, country, admin1, category, type, perpetrator, claimStatus. An "
            + "incident with two perpetrators counts in both perpetrators' rows; incidents without one form the row "
            + "whose perpetrator is null. Rows are ordered by their keys, nulls last. JSON or CSV (by Accept or "
            + "format=).")
    @APIResponse(responseCode = "200", description = "One row per group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentStats.class),
                    examples = @ExampleObject(name = "monthly, Iraq", value = StatsExamples.MONTHLY)),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "monthly, Iraq", value = StatsExamples.MONTHLY_CSV)) })
    @APIResponse(responseCode = "503", description = "On H2, grouped by perpetrator or admin1 (groups that grow with "
            + "the data), the statistic waited longer than kb.stats.wide-wait while kb.stats.wide-concurrency others "
            + "were computed",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "busy", value = StatsExamples.BUSY)))
    Response incidents(@BeanParam IncidentQuery query,
            @Parameter(description = "Dimensions to group by, repeated or comma-separated (at most two): year, month, "
                    + "country, admin1, category, type, perpetrator, claimStatus", example = "month",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Dimension.Name.class))
            @QueryParam("groupBy") List<String> groupBy,
            @Parameter(description = "json or csv, instead of the Accept header", example = "csv",
                    schema = @Schema(enumeration = { "json", "csv" })) @QueryParam("format") String format,
            @Context UriInfo uri, @Context HttpHeaders headers);
}
