package org.incidentkb.incident.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.incidentkb.common.Figures;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.CasualtyEntry;
import org.incidentkb.incident.api.IncidentApi.ClaimEntry;
import org.incidentkb.incident.api.IncidentApi.Party;
import org.incidentkb.incident.model.CasualtyCategory;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.Stance;

/**
 * Claims and casualty records as flat CSV rows, one per record with its incident's id and title, in the same
 * dialect as the incident CSV (list columns joined with "; ", escaped; no cell a spreadsheet would run).
 */
public final class RecordRows {

    private RecordRows() {
    }

    @JsonPropertyOrder({ "incidentId", "incidentTitle", "id", "actorId", "actor", "stance", "statedBy", "statedOn",
            "channel", "quote", "credibility", "sourceId", "source", "updatedAt" })
    public record ClaimRow(Long incidentId, String incidentTitle, Long id, Long actorId, String actor, Stance stance,
            String statedBy, LocalDate statedOn, Channel channel, String quote, Credibility credibility, Long sourceId,
            String source, Instant updatedAt) {

        public static ClaimRow from(ClaimEntry e) {
            var c = e.claim();
            return new ClaimRow(e.incident().id(), e.incident().name(), c.id(), c.actor().id(), c.actor().name(),
                    c.stance(), party(c.statedBy()), c.statedOn(), c.channel(), c.quote(), c.credibility(),
                    refId(c.source()), refName(c.source()), c.updatedAt());
        }
    }

    @JsonPropertyOrder({ "incidentId", "incidentTitle", "id", "category", "affiliation", "killedLow", "killedBest",
            "killedHigh", "injuredLow", "injuredBest", "injuredHigh", "missingLow", "missingBest", "missingHigh",
            "names", "sourceId", "source", "updatedAt" })
    public record CasualtyRow(Long incidentId, String incidentTitle, Long id, CasualtyCategory category,
            String affiliation, Integer killedLow, Integer killedBest, Integer killedHigh, Integer injuredLow,
            Integer injuredBest, Integer injuredHigh, Integer missingLow, Integer missingBest, Integer missingHigh,
            String names, Long sourceId, String source, Instant updatedAt) {

        public static CasualtyRow from(CasualtyEntry e) {
            var c = e.casualty();
            return new CasualtyRow(e.incident().id(), e.incident().name(), c.id(), c.category(), party(c.affiliation()),
                    low(c.killed()), best(c.killed()), high(c.killed()), low(c.injured()), best(c.injured()),
                    high(c.injured()), low(c.missing()), best(c.missing()), high(c.missing()),
                    c.names().isEmpty() ? null : String.join(IncidentRow.SEPARATOR, c.names().stream()
                            .map(n -> IncidentRow.escape(n.description() == null ? n.name()
                                    : n.name() + " (" + n.description() + ")")).toList()),
                    refId(c.source()), refName(c.source()), c.updatedAt());
        }
    }

    /**
     * Every record the query matches, page after page (each page its own short read), written as CSV rows as they
     * come, so memory stays flat.
     */
    public static <E, R> StreamingOutput csv(Class<R> row, IntFunction<Paging.Slice<E>> page,
            java.util.function.Function<E, R> toRow) {
        CsvSchema schema = IncidentExport.CSV.schemaFor(row).withHeader().withLineSeparator("\r\n");
        return out -> {
            // Closed (flushed to its end) only when every page was read: a failed read leaves the CSV unfinished, and
            // the framework answers a problem or resets the connection rather than end a partial file as if whole.
            SequenceWriter rows = IncidentExport.CSV.writerFor(row).with(schema).writeValues(out);
            for (int n = 1;; n++) {
                int number = n;
                List<E> items = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> page.apply(number).items());
                for (E item : items) {
                    rows.write(toRow.apply(item));
                }
                if (items.size() < Paging.MAX_SIZE) {
                    break;
                }
            }
            rows.close();
        };
    }

    private static String party(Party p) {
        return p == null ? null : p.actor() != null ? p.actor().name() : p.text();
    }

    private static Long refId(Ref r) {
        return r == null ? null : r.id();
    }

    private static String refName(Ref r) {
        return r == null ? null : r.name();
    }

    private static Integer low(Figures f) {
        return f == null ? null : f.low();
    }

    private static Integer best(Figures f) {
        return f == null ? null : f.best();
    }

    private static Integer high(Figures f) {
        return f == null ? null : f.high();
    }
}
