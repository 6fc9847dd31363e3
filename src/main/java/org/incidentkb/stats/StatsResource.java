package org.incidentkb.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.incidentkb.common.Roles;
import org.incidentkb.incident.export.IncidentExport;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.incident.query.IncidentSearchService;
import org.incidentkb.stats.StatsApi.IncidentStats;
import org.incidentkb.stats.StatsApi.Totals;

@Path("/stats")
@Tag(name = "Statistics", description = "Counts and casualty totals, grouped, over the same filters as the incident list")
@APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST, content = @Content(mediaType = ApiDocs.PROBLEM,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad groupBy",
                value = StatsExamples.BAD_GROUP_BY)))
@APIResponse(responseCode = "500", description = ApiDocs.SERVER_ERROR, content = @Content(mediaType = ApiDocs.PROBLEM,
        schema = @Schema(implementation = Problem.class)))
@RolesAllowed(Roles.READER)
public class StatsResource {


    private final StatsService stats;
    private final IncidentSearchService search;

    public StatsResource(StatsService stats, IncidentSearchService search) {
        this.stats = stats;
        this.search = search;
    }

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
    public Response incidents(@BeanParam IncidentQuery query,
            @Parameter(description = "Dimensions to group by, repeated or comma-separated (at most two): year, month, "
                    + "country, admin1, category, type, perpetrator, claimStatus", example = "month",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Dimension.Name.class))
            @QueryParam("groupBy") List<String> groupBy,
            @Parameter(description = "json or csv, instead of the Accept header", example = "csv",
                    schema = @Schema(enumeration = { "json", "csv" })) @QueryParam("format") String format,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Format chosen = Format.choose(format, headers, EnumSet.of(Format.JSON, Format.CSV));
        List<Dimension> dimensions = StatsService.dimensions(groupBy);
        IncidentStats result = stats.incidents(search.filter(query), dimensions);
        if (chosen == Format.CSV) {
            return Response.ok(csv(result, dimensions)).type(Format.CSV_TYPE + "; charset=UTF-8; header=present")
                    .header("Content-Disposition", "attachment; filename=\"incident-stats.csv\"").build();
        }
        return Response.ok(result).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * Flat columns: the keys (a perpetrator as perpetratorId and perpetrator, a country as countryCode and country),
     * then the figures; an unknown figure is an empty cell, never 0.
     */
    private static String csv(IncidentStats result, List<Dimension> dimensions) {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (Dimension d : dimensions) {
            if (d == Dimension.PERPETRATOR) {
                schema.addColumn("perpetratorId");
            }
            if (d == Dimension.COUNTRY) {
                schema.addColumn("countryCode");
            }
            schema.addColumn(d.param);
        }
        for (String column : List.of("incidents", "killedLow", "killedBest", "killedHigh", "killedUnknown",
                "injuredLow", "injuredBest", "injuredHigh", "injuredUnknown")) {
            schema.addColumn(column);
        }
        List<Map<String, Object>> rows = result.rows().stream().map(row -> {
            Map<String, Object> flat = new LinkedHashMap<>();
            for (Dimension d : dimensions) {
                Object key = row.keys().get(d.param);
                if (key instanceof StatsApi.ActorKey actor) {
                    flat.put("perpetratorId", actor.id());
                    flat.put(d.param, actor.name());
                } else if (key instanceof StatsApi.CountryKey country) {
                    flat.put("countryCode", country.code());
                    flat.put(d.param, country.name());
                } else {
                    flat.put(d.param, key);
                }
            }
            flat.put("incidents", row.incidents());
            put(flat, "killed", row.killed());
            flat.put("killedUnknown", row.killedUnknown());
            put(flat, "injured", row.injured());
            flat.put("injuredUnknown", row.injuredUnknown());
            return flat;
        }).toList();
        try {
            return IncidentExport.CSV.writer(schema.build().withHeader().withLineSeparator("\r\n"))
                    .writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statistics could not be written as CSV", e);
        }
    }

    private static void put(Map<String, Object> flat, String measure, Totals totals) {
        flat.put(measure + "Low", totals == null ? null : totals.low());
        flat.put(measure + "Best", totals == null ? null : totals.best());
        flat.put(measure + "High", totals == null ? null : totals.high());
    }
}
