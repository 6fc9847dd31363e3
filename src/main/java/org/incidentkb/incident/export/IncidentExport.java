package org.incidentkb.incident.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Format;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.CasualtySummary;
import org.incidentkb.incident.api.ListItem;
import org.incidentkb.incident.api.StoredJson;
import org.incidentkb.incident.model.ClaimStatus;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.GeoPrecision;
import org.incidentkb.incident.model.Location;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentSearchService;
import org.incidentkb.incident.query.IncidentSort.Cursor;
import org.incidentkb.incident.query.IncidentSort;

/**
 * Writes incidents as CSV, GeoJSON or NDJSON, either one page already loaded or every match streamed: the
 * export walks the results in keyset chunks, each loaded in its own short read and written out at once, so a
 * million incidents pass through in constant memory.
 */
@ApplicationScoped
public class IncidentExport {

    /**
     * Shared with the statistics' CSV: ISO-8601 dates, quotes only where RFC 4180 needs them, and no cell a
     * spreadsheet would run as a formula.
     */
    public static final CsvMapper CSV = CsvMapper.builder().addModule(new JavaTimeModule())
            .addModule(org.incidentkb.common.SpreadsheetSafeText.MODULE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    /** The columns of a deduplicated list: every incident column, then sameAs and the figures it counts for. */
    private static final CsvSchema DEDUPED_SCHEMA = CSV.schemaFor(IncidentRow.class).withHeader()
            .withLineSeparator("\r\n");
    private static final CsvSchema CSV_SCHEMA = withoutSameAs(DEDUPED_SCHEMA);

    private final IncidentSearchService search;
    private final ObjectMapper json;
    /** Reads the chunk after the one being written (with the request's context, for its routing). */
    private final ManagedExecutor ahead;

    public IncidentExport(IncidentSearchService search, ObjectMapper json, ManagedExecutor ahead) {
        this.search = search;
        this.json = json;
        this.ahead = ahead;
    }

    /** Streams every incident that matches, in the given order, from after {@code start} on. */
    public StreamingOutput all(Format format, IncidentFilter filter, IncidentSort sort, Cursor start) {
        return out -> {
            Writer writer = writer(format, out, filter.dedupeEvents());
            walk(filter, sort, start, shape(format), writer::write);
            writer.finish();
        };
    }

    /**
     * Every incident, by id, as a typed line of the backup ({@code {"kind": "incident", "incident": {...}}}): the
     * stored JSON as it is, in keyset chunks of their own reads.
     */
    public void backup(OutputStream out) throws IOException {
        walk(IncidentFilter.none(), IncidentSort.parse("id", "id"), null, IncidentSearchService.Shape.STORED_JSON,
                chunk -> {
                    for (ListItem item : chunk.items()) {
                        byte[] incident = item instanceof StoredJson stored ? stored.utf8() : json.writeValueAsBytes(item);
                        writeTyped(out, "incident", incident);
                    }
                    out.flush();
                });
    }

    /**
     * Hands every chunk of the matches to {@code writer}, in order, from after {@code start} on. Each chunk is read in
     * its own transaction; the next one is read on another thread while the current one is written, so the database's
     * time and the writing overlap. One chunk is read ahead, no more: memory stays that of two chunks.
     */
    private void walk(IncidentFilter filter, IncidentSort sort, Cursor start, IncidentSearchService.Shape shape,
            ChunkSink writer) throws IOException {
        IncidentSearchService.Result chunk = search.chunk(filter, sort, start, shape);
        while (true) {
            String cursor = chunk.nextCursor();
            CompletableFuture<IncidentSearchService.Result> next = cursor == null ? null
                    : ahead.supplyAsync(() -> search.chunk(filter, sort, Cursor.decode(cursor, sort), shape));
            try {
                writer.write(chunk);
            } catch (IOException | RuntimeException e) {
                if (next != null) {
                    next.cancel(false);
                }
                throw e;
            }
            if (next == null) {
                return;
            }
            try {
                chunk = next.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
    }

    /** A JSON object as one typed NDJSON line: {@code {"kind": "actor", "actor": {...}}}. */
    public static void writeTyped(OutputStream out, String kind, byte[] object) throws IOException {
        out.write(("{\"kind\":\"" + kind + "\",\"" + kind + "\":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(object);
        out.write('}');
        out.write('\n');
    }

    /** NDJSON writes stored incidents as they are; CSV and GeoJSON read their fields. */
    public static IncidentSearchService.Shape shape(Format format) {
        return format == Format.NDJSON || format == Format.JSON ? IncidentSearchService.Shape.STORED_JSON
                : IncidentSearchService.Shape.VIEWS;
    }

    /** Writes items already loaded (one page). */
    public StreamingOutput page(Format format, IncidentSearchService.Result page) {
        return out -> {
            Writer writer = writer(format, out, page.sameAs() != null);
            writer.write(page);
            writer.finish();
        };
    }

    private static CsvSchema withoutSameAs(CsvSchema schema) {
        CsvSchema.Builder columns = CsvSchema.builder();
        schema.forEach(column -> {
            if (!IncidentRow.DEDUPLICATED.contains(column.getName())) {
                columns.addColumn(column.getName(), column.getType());
            }
        });
        return columns.build().withHeader().withLineSeparator("\r\n");
    }

    private Writer writer(Format format, OutputStream out, boolean deduplicated) throws IOException {
        return switch (format) {
            case CSV -> new CsvWriter(out, deduplicated ? DEDUPED_SCHEMA : CSV_SCHEMA);
            case GEOJSON -> new GeoJsonWriter(out);
            case NDJSON -> new NdjsonWriter(out);
            case JSON -> throw new IllegalArgumentException("JSON pages are written by the framework");
        };
    }

    /** What is done with each chunk of an export, in order. */
    private interface ChunkSink {
        void write(IncidentSearchService.Result chunk) throws IOException;
    }

    /**
     * Writes a document's chunks, then its end. A walk that fails never gets its end written: the framework answers
     * the failure (a problem, while nothing was sent) or resets the connection, so no client takes a broken export for a
     * whole one (a GeoJSON closed after its first features, a CSV that just stops).
     */
    private interface Writer {
        void write(IncidentSearchService.Result chunk) throws IOException;

        void finish() throws IOException;
    }

    /** RFC 4180: a header row, CRLF line ends, fields quoted when needed; tombstones are not rows. */
    private static final class CsvWriter implements Writer {
        private final SequenceWriter rows;

        CsvWriter(OutputStream out, CsvSchema schema) throws IOException {
            rows = CSV.writerFor(IncidentRow.class).with(schema).with(JsonGenerator.Feature.IGNORE_UNKNOWN)
                    .writeValues(out);
        }

        @Override
        public void write(IncidentSearchService.Result chunk) throws IOException {
            for (ListItem item : chunk.items()) {
                if (item instanceof IncidentView v) {
                    rows.write(IncidentRow.from(v, chunk.sameAs(v.id()), chunk.eventCasualties(v.id())));
                }
            }
            rows.flush();
        }

        @Override
        public void finish() throws IOException {
            rows.close();
        }
    }

    /**
     * One FeatureCollection; each incident with coordinates a Point feature. Incidents without are skipped here
     * rather than left out by the query: a "has coordinates" condition would lead the database to walk the
     * coordinates index instead of the filter's.
     */
    private final class GeoJsonWriter implements Writer {
        private final JsonGenerator gen;

        GeoJsonWriter(OutputStream out) throws IOException {
            gen = json.getFactory().createGenerator(out);
            gen.writeStartObject();
            gen.writeStringField("type", "FeatureCollection");
            gen.writeArrayFieldStart("features");
        }

        @Override
        public void write(IncidentSearchService.Result chunk) throws IOException {
            for (ListItem item : chunk.items()) {
                if (item instanceof IncidentView v && v.location() != null && v.location().latitude() != null) {
                    json.writeValue(gen, Feature.from(v, chunk.sameAs(v.id()), chunk.eventCasualties(v.id())));
                }
            }
            gen.flush();
        }

        @Override
        public void finish() throws IOException {
            gen.writeEndArray();
            gen.writeEndObject();
            gen.close();
        }
    }

    /** One JSON document per line: incidents in their full representation (importable again), and tombstones. */
    private final class NdjsonWriter implements Writer {
        private final OutputStream out;

        NdjsonWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(IncidentSearchService.Result chunk) throws IOException {
            for (ListItem item : chunk.items()) {
                out.write(item instanceof StoredJson stored ? stored.utf8()
                        : json.writeValueAsBytes(item));
                out.write('\n');
            }
            out.flush();
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }
    }

    @Schema(name = "Feature", description = "A GeoJSON Point feature for one incident")
    public record Feature(
            @Schema(example = "Feature") String type,
            @Schema(example = "3") Long id,
            Point geometry,
            FeatureProperties properties) {

        static Feature from(IncidentView v, List<Long> sameAs, CasualtySummary counted) {
            Location l = v.location();
            var summary = v.casualtySummary();
            return new Feature("Feature", v.id(), new Point("Point", List.of(l.longitude(), l.latitude())),
                    new FeatureProperties(v.title(), v.category().code(), v.type() == null ? null : v.type().code(),
                            v.startDate(), v.endDate(), v.datePrecision(), l.countryCode(), l.country(), l.admin1(),
                            l.admin2(), l.locality(), l.geoPrecision(), IncidentRow.names(v, Role.PERPETRATOR),
                            IncidentRow.names(v, Role.TARGET), IncidentRow.names(v, Role.PARTY),
                            summary == null || summary.killed() == null ? null : summary.killed().best(),
                            summary == null || summary.injured() == null ? null : summary.injured().best(),
                            v.claimStatus(), v.tags(), v.dataset(), sameAs,
                            counted == null || counted.killed() == null ? null : counted.killed().best(),
                            counted == null || counted.injured() == null ? null : counted.injured().best(),
                            "/api/v1/incidents/" + v.id()));
        }
    }

    @Schema(name = "Point", description = "GeoJSON Point: coordinates are [longitude, latitude]")
    public record Point(@Schema(example = "Point") String type,
            @Schema(example = "[44.0092, 36.1912]") List<Double> coordinates) {
    }

    @Schema(name = "FeatureProperties", description = "The incident's main fields, flat, for map pop-ups and styling")
    public record FeatureProperties(String title, String category, String type, LocalDate startDate, LocalDate endDate,
            DatePrecision datePrecision, String countryCode, String country, String admin1, String admin2,
            String locality, GeoPrecision geoPrecision, List<String> perpetrators, List<String> targets,
            @Schema(description = "Sides of a clash (role PARTY)") List<String> parties,
            @Schema(description = "Best estimate of the killed") Integer killed,
            @Schema(description = "Best estimate of the injured") Integer injured,
            ClaimStatus claimStatus, List<String> tags,
            @Schema(description = "ACLED, UCDP or GTD; null for an incident entered through the API") String dataset,
            @Schema(description = "With dedupe=events: the ids of the other incidents of this incident's event (empty "
                    + "when it is alone); absent otherwise", example = "[12, 15]")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Long> sameAs,
            @Schema(description = "With dedupe=events: the best estimate of the killed this incident counts for (its "
                    + "event's, or its own when alone; as the deduplicated statistics count it); absent when unknown or not "
                    + "deduplicated",
                    example = "67")
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer eventKilled,
            @Schema(description = "With dedupe=events: the same for the injured; absent when unknown or not "
                    + "deduplicated", example = "12")
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer eventInjured,
            @Schema(description = "Path of the full incident", example = "/api/v1/incidents/3") String href) {
    }
}
