package org.incidentkb.stats;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The records of the statistics API. */
public final class StatsApi {

    private StatsApi() {
    }

    @Schema(name = "IncidentStats", description = "Incident counts and casualty totals per group")
    public record IncidentStats(
            @Schema(description = "The dimensions the rows are grouped by, in order", example = "[\"month\"]")
            List<String> groupBy,
            @Schema(description = "One row per group, ordered by its keys. Each row has one field per groupBy "
                    + "dimension (year \"2024\", month \"2024-01\", country \"IRQ\", a perpetrator {id, name}; null for "
                    + "incidents without that value), then incidents, killed and injured.", type = SchemaType.ARRAY,
                    implementation = Row.class)
            List<Row> rows) {
    }

    /**
     * A group: its keys by dimension name (a String, or an {@link ActorKey} for a perpetrator; null for incidents
     * without that value), written as fields of the row ahead of its figures.
     */
    @Schema(name = "IncidentStatsRow", description = "A group's figures; the group's keys sit beside them")
    @JsonPropertyOrder({ "keys", "incidents", "killed", "injured" })
    public record Row(
            @JsonAnyGetter @Schema(hidden = true) Map<String, Object> keys,
            @Schema(description = "Number of incidents in the group", example = "5") long incidents,
            Totals killed,
            Totals injured) {
    }

    @Schema(name = "Totals", description = "Sums over the group's incidents of their casualty summaries: low and best "
            + "add up the incidents' lows and bests (incidents without a figure add nothing); high is null (no upper "
            + "bound) as soon as one incident with a figure has no known high.",
            example = "{\"low\": 8, \"best\": 8, \"high\": null}")
    public record Totals(
            @Schema(example = "8") long low,
            @Schema(example = "8") long best,
            @Schema(example = "12") Long high) {
    }

    @Schema(name = "ActorKey", description = "A perpetrator as a grouping key")
    public record ActorKey(@Schema(example = "10") long id, @Schema(example = "Islamic Revolutionary Guard Corps") String name) {
    }
}
