package org.incidentkb.stats;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What incident statistics can be grouped by, with the SQL columns each groups on. */
public enum Dimension {
    YEAR("year", List.of("extract(year from i.start_date)"), List.of("r.period / 100")),
    MONTH("month", List.of("extract(year from i.start_date)", "extract(month from i.start_date)"),
            List.of("r.period / 100", "mod(r.period, 100)")),
    COUNTRY("country", List.of("i.country_code"), List.of("nullif(r.country_code, '')")),
    ADMIN1("admin1", List.of("i.admin1"), List.of()),
    CATEGORY("category", List.of("i.category_code"), List.of("r.category_code")),
    TYPE("type", List.of("i.type_code"), List.of("nullif(r.type_code, '')")),
    PERPETRATOR("perpetrator", List.of("perp.id", "perp.name"), List.of("perp.id", "perp.name")),
    CLAIM_STATUS("claimStatus", List.of("i.claim_status"), List.of("r.claim_status"));

    public final String param;
    /** The columns over the incident table (alias i). */
    final List<String> columns;
    /** The same columns over the roll-up (alias r); none where the roll-up does not keep the dimension. */
    final List<String> rollupColumns;

    Dimension(String param, List<String> columns, List<String> rollupColumns) {
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
    Object key(Object[] row, int at) {
        return switch (this) {
            case YEAR -> row[at] == null ? null : ((Number) row[at]).intValue();
            case COUNTRY -> row[at] == null ? null
                    : new StatsApi.CountryKey((String) row[at], org.incidentkb.common.Countries.name((String) row[at]));
            case MONTH -> row[at] == null ? null
                    : String.format("%04d-%02d", ((Number) row[at]).intValue(), ((Number) row[at + 1]).intValue());
            case PERPETRATOR -> row[at] == null ? null
                    : new StatsApi.ActorKey(((Number) row[at]).longValue(), (String) row[at + 1]);
            default -> row[at];
        };
    }

    /** The dimensions as groupBy names them, for the OpenAPI document. */
    @Schema(name = "StatsDimension", type = SchemaType.STRING,
            enumeration = { "year", "month", "country", "admin1", "category", "type", "perpetrator", "claimStatus" })
    public static final class Name {
        private Name() {
        }
    }
}
