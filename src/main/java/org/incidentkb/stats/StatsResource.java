package org.incidentkb.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.output.DeferredFileOutputStream;
import org.incidentkb.common.Format;
import org.incidentkb.common.KbConfig;
import org.incidentkb.incident.export.IncidentExport;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.incident.query.IncidentSearchService;
import org.incidentkb.stats.StatsApi.IncidentStats;
import org.incidentkb.stats.StatsApi.Row;
import org.incidentkb.stats.StatsApi.Totals;

/**
 * Serves {@link StatsOperations}. A statistic is written row by row as the database hands the rows over (JSON or
 * CSV), so its memory does not grow with its groups, and whole before it is sent ({@link #whole}).
 */
public class StatsResource implements StatsOperations {

    private static final List<String> MEASURES = List.of("incidents", "killedLow", "killedBest", "killedHigh",
            "killedUnknown", "injuredLow", "injuredBest", "injuredHigh", "injuredUnknown");

    private final StatsService stats;
    private final IncidentSearchService search;
    private final WideStatistics wide;
    private final ObjectWriter json;
    private final ObjectWriter row;
    private final int inMemory;

    public StatsResource(StatsService stats, IncidentSearchService search, WideStatistics wide, ObjectMapper json,
            KbConfig config) {
        this.inMemory = (int) Math.min(Integer.MAX_VALUE, config.stats().bodyInMemory().asLongValue());
        this.stats = stats;
        this.search = search;
        this.wide = wide;
        this.json = json.writer();
        this.row = json.writerFor(Row.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @Override
    public Response incidents(IncidentQuery query, List<String> groupBy, String format, UriInfo uri, HttpHeaders headers) {
        Format chosen = Format.choose(format, headers, EnumSet.of(Format.JSON, Format.CSV));
        List<Dimension> dimensions = StatsService.dimensions(groupBy);
        IncidentFilter filter = search.filter(query);
        if (chosen == Format.CSV) {
            return Response.ok(whole(csv(filter, dimensions))).type(Format.CSV_TYPE + "; charset=UTF-8; header=present")
                    .header("Content-Disposition", "attachment; filename=\"incident-stats.csv\"").build();
        }
        return Response.ok(whole(json(filter, dimensions))).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * The body written whole before its first byte is sent: in memory up to {@code kb.stats.body-in-memory}, past it
     * in a temporary file, deleted once sent. The statistic's transaction, its database connection and its turn
     * among the wide statistics then end with the reading, however slowly the client takes the answer (a 17 MB CSV
     * at a million incidents), and a failure while reading is a problem answer, never a cut one.
     */
    private StreamingOutput whole(Body body) {
        return out -> {
            DeferredFileOutputStream spool = DeferredFileOutputStream.builder().setThreshold(inMemory)
                    .setPrefix("kb-stats-").setSuffix(".part").get();
            try {
                try (spool) {
                    body.write(spool);
                }
                spool.writeTo(out);
            } finally {
                if (!spool.isInMemory()) {
                    Files.deleteIfExists(spool.getPath());
                }
            }
        };
    }

    /** A statistic's body, written into a stream. */
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** {@link IncidentStats} as JSON: the dimensions, then the rows, each written as it is read. */
    private Body json(IncidentFilter filter, List<Dimension> dimensions) {
        return out -> {
            JsonGenerator generator = json.createGenerator(out);
            generator.writeStartObject();
            generator.writeArrayFieldStart("groupBy");
            for (Dimension d : dimensions) {
                generator.writeString(d.param);
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("rows");
            each(filter, dimensions, r -> row.writeValue(generator, r));
            generator.writeEndArray();
            generator.writeEndObject();
            generator.close();
        };
    }

    /**
     * Flat columns: the keys (a perpetrator as perpetratorId and perpetrator, a country as countryCode and country),
     * then the figures; an unknown figure is an empty cell, never 0.
     */
    private Body csv(IncidentFilter filter, List<Dimension> dimensions) {
        CsvSchema.Builder columns = CsvSchema.builder();
        for (Dimension d : dimensions) {
            if (d == Dimension.PERPETRATOR) {
                columns.addColumn("perpetratorId");
            }
            if (d == Dimension.COUNTRY) {
                columns.addColumn("countryCode");
            }
            columns.addColumn(d.param);
        }
        MEASURES.forEach(columns::addColumn);
        CsvSchema schema = columns.build().withHeader().withLineSeparator("\r\n");
        return out -> {
            SequenceWriter rows = IncidentExport.CSV.writer(schema)
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out);
            each(filter, dimensions, r -> rows.write(flat(r, dimensions)));
            rows.close();
        };
    }

    private static Map<String, Object> flat(Row row, List<Dimension> dimensions) {
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
    }

    private static void put(Map<String, Object> flat, String measure, Totals totals) {
        flat.put(measure + "Low", totals == null ? null : totals.low());
        flat.put(measure + "Best", totals == null ? null : totals.best());
        flat.put(measure + "High", totals == null ? null : totals.high());
    }

    private interface Write {
        void row(Row row) throws IOException;
    }

    /**
     * The rows handed to {@code write} as the database reads them (a wide grouping in its turn:
     * {@link WideStatistics}); a write's IOException (the client went away) is rethrown as it was, out of the read,
     * which takes no checked exception.
     */
    private void each(IncidentFilter filter, List<Dimension> dimensions, Write write) throws IOException {
        wide.run(dimensions, () -> {
            try {
                stats.each(filter, dimensions, r -> {
                    try {
                        write.row(r);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }
}
