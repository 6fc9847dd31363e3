package org.incidentkb.stats;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What incident statistics can be grouped by, with the SQL columns each groups on (incident alias {@code i}). */
public enum Dimension {
    YEAR("year", List.of("extract(year from i.start_date)")),
    MONTH("month", List.of("extract(year from i.start_date)", "extract(month from i.start_date)")),
    COUNTRY("country", List.of("i.country_code")),
    ADMIN1("admin1", List.of("i.admin1")),
    CATEGORY("category", List.of("i.category_code")),
    TYPE("type", List.of("i.type_code")),
    PERPETRATOR("perpetrator", List.of("perp.id", "perp.name")),
    CLAIM_STATUS("claimStatus", List.of("i.claim_status"));

    public final String param;
    final List<String> columns;

    Dimension(String param, List<String> columns) {
        this.param = param;
        this.columns = columns;
    }

    static String names() {
        return Arrays.stream(values()).map(d -> d.param).collect(Collectors.joining(", "));
    }

    /** The row key from this dimension's columns: "2024", "2024-01", a code, or {id, name} for a perpetrator. */
    Object key(Object[] row, int at) {
        return switch (this) {
            case YEAR -> row[at] == null ? null : String.valueOf(((Number) row[at]).intValue());
            case MONTH -> row[at] == null ? null
                    : String.format("%04d-%02d", ((Number) row[at]).intValue(), ((Number) row[at + 1]).intValue());
            case PERPETRATOR -> row[at] == null ? null
                    : new StatsApi.ActorKey(((Number) row[at]).longValue(), (String) row[at + 1]);
            default -> row[at];
        };
    }
}
