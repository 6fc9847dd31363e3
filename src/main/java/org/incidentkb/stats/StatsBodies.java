package org.incidentkb.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentkb.incident.export.IncidentExport;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.stats.StatsApi.Row;
import org.incidentkb.stats.StatsApi.Totals;

/**
 * A statistic's body in JSON ({@link StatsApi.IncidentStats}) or CSV, written row by row as the database hands the rows
 * over, so its memory does not grow with its groups.
 */
@ApplicationScoped
public class StatsBodies {

    private static final List<String> MEASURES = List.of("incidents", "killedLow", "killedBest", "killedHigh",
            "killedUnknown", "injuredLow", "injuredBest", "injuredHigh", "injuredUnknown");

    private final StatsService stats;
    private final WideStatistics wide;
    private final ObjectWriter json;
    private final ObjectWriter row;

    public StatsBodies(StatsService stats, WideStatistics wide, ObjectMapper json) {
        this.stats = stats;
        this.wide = wide;
        this.json = json.writer();
        this.row = json.writerFor(Row.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** A statistic's body, written into a stream. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** {@link IncidentStats} as JSON: the dimensions, then the rows, each written as it is read. */
    Body json(IncidentFilter filter, List<Dimension> dimensions) {
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
    Body csv(IncidentFilter filter, List<Dimension> dimensions) {
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
