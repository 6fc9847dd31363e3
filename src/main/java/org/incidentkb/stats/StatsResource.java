package org.incidentkb.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.incidentkb.common.Format;
import org.incidentkb.incident.export.IncidentExport;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.incident.query.IncidentSearchService;
import org.incidentkb.stats.StatsApi.IncidentStats;
import org.incidentkb.stats.StatsApi.Totals;

/** Serves {@link StatsOperations}. */
public class StatsResource implements StatsOperations {

    private final StatsService stats;
    private final IncidentSearchService search;

    public StatsResource(StatsService stats, IncidentSearchService search) {
        this.stats = stats;
        this.search = search;
    }

    @Override
    public Response incidents(IncidentQuery query, List<String> groupBy, String format, UriInfo uri, HttpHeaders headers) {
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
