package org.incidentkb.stats;

import static org.incidentkb.incident.query.IncidentSchema.CATEGORY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.COUNTRY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.PERPETRATOR_ID;
import static org.incidentkb.incident.query.IncidentSchema.PERPETRATOR_NAME;
import static org.incidentkb.incident.query.IncidentSchema.START_DATE;
import static org.incidentkb.incident.query.IncidentSchema.TYPE_CODE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.month;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.year;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Countries;
import org.incidentkb.incident.query.IncidentSchema;
import org.jooq.Field;
import org.jooq.Record;

/** What incident statistics can be grouped by, with the columns each groups on. */
public enum Dimension {
    YEAR("year", List.of(year(START_DATE)), List.of(RollupSchema.PERIOD.div(inline(100)))),
    MONTH("month", List.of(year(START_DATE), month(START_DATE)),
            List.of(RollupSchema.PERIOD.div(inline(100)), RollupSchema.PERIOD.mod(inline(100)))),
    COUNTRY("country", List.of(COUNTRY_CODE), List.of(nullif(RollupSchema.COUNTRY_CODE, inline("")))),
    ADMIN1("admin1", List.of(IncidentSchema.ADMIN1), List.of()),
    CATEGORY("category", List.of(CATEGORY_CODE), List.of(RollupSchema.CATEGORY_CODE)),
    TYPE("type", List.of(TYPE_CODE), List.of(nullif(RollupSchema.TYPE_CODE, inline("")))),
    PERPETRATOR("perpetrator", List.of(PERPETRATOR_ID, PERPETRATOR_NAME), List.of(PERPETRATOR_ID, PERPETRATOR_NAME)),
    CLAIM_STATUS("claimStatus", List.of(IncidentSchema.CLAIM_STATUS), List.of(RollupSchema.CLAIM_STATUS));

    public final String param;
    /** The columns over the incident table (alias i). */
    final List<Field<?>> columns;
    /** The same columns over the roll-up (alias r); none where the roll-up does not keep the dimension. */
    final List<Field<?>> rollupColumns;

    Dimension(String param, List<Field<?>> columns, List<Field<?>> rollupColumns) {
        this.param = param;
        this.columns = columns;
        this.rollupColumns = rollupColumns;
    }

    static String names() {
        return Arrays.stream(values()).map(d -> d.param).collect(Collectors.joining(", "));
    }

    /**
     * The row key from this dimension's columns: the year as a number, "2024-01", {code, name} for a country, {id,
     * name} for a perpetrator, or a code.
     */
    Object key(Record row, int at) {
        Object value = row.get(at);
        if (value == null) {
            return null;
        }
        return switch (this) {
            case YEAR -> ((Number) value).intValue();
            case COUNTRY -> new StatsApi.CountryKey((String) value, Countries.name((String) value));
            case MONTH -> yearMonth(((Number) value).intValue(), ((Number) row.get(at + 1)).intValue());
            case PERPETRATOR -> new StatsApi.ActorKey(((Number) value).longValue(), (String) row.get(at + 1));
            default -> value.toString();
        };
    }

    /** The dimensions as groupBy names them, for the OpenAPI document. */
    @Schema(name = "StatsDimension", type = SchemaType.STRING,
            enumeration = { "year", "month", "country", "admin1", "category", "type", "perpetrator", "claimStatus" })
    public static final class Name {
        private Name() {
        }
    }

    /** "2024-01", written out by hand: {@code String.format} was a tenth of the CPU of a country's monthly series. */
    static String yearMonth(int year, int month) {
        if (year < 0 || year > 9999) {
            return String.format("%04d-%02d", year, month);
        }
        char[] text = { (char) ('0' + year / 1000), (char) ('0' + year / 100 % 10), (char) ('0' + year / 10 % 10),
                (char) ('0' + year % 10), '-', (char) ('0' + month / 10), (char) ('0' + month % 10) };
        return new String(text);
    }
}
