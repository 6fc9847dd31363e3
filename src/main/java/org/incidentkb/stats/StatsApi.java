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
                    + "dimension (year the number 2024, month \"2024-01\", country {code, name}, a perpetrator "
                    + "{id, name}, other dimensions their code; null for incidents without that value), then incidents, "
                    + "killed, killedUnknown, injured and injuredUnknown.", type = SchemaType.ARRAY,
                    implementation = Row.class)
            List<Row> rows) {
    }

    /**
     * A group: its keys by dimension name (a String, or an {@link ActorKey} for a perpetrator; null for incidents
     * without that value), written as fields of the row ahead of its figures.
     */
    @Schema(name = "IncidentStatsRow", description = "A group's figures; the group's keys sit beside them")
    @JsonPropertyOrder({ "keys", "incidents", "killed", "killedUnknown", "injured", "injuredUnknown" })
    public record Row(
            @JsonAnyGetter @Schema(hidden = true) Map<String, Object> keys,
            @Schema(description = "Number of incidents in the group", example = "5") long incidents,
            @Schema(description = "The killed figures of the group's incidents added up; null when none of them "
                    + "has a killed figure") Totals killed,
            @Schema(description = "How many of the group's incidents have no killed figure (unknown, which is not "
                    + "zero: they add nothing to low and best, and make high null)", example = "1") long killedUnknown,
            @Schema(description = "The injured figures added up; null when none of the incidents has one")
            Totals injured,
            @Schema(description = "How many of the group's incidents have no injured figure", example = "0")
            long injuredUnknown) {
    }

    @Schema(name = "Totals", description = "Sums over the group's incidents of their casualty summaries: low and best "
            + "add up the known lows and bests (an incident without a figure adds nothing, and is counted in the "
            + "row's killedUnknown or injuredUnknown instead); high is null (no upper bound) as soon as one incident "
            + "has no known high, whether it has no figure at all or a figure without an upper bound.",
            example = "{\"low\": 8, \"best\": 8, \"high\": null}")
    public record Totals(
            @Schema(example = "8") long low,
            @Schema(example = "8") long best,
            @Schema(example = "12") Long high) {
    }

    @Schema(name = "CountryKey", description = "A country as a grouping key: ISO 3166-1 alpha-3 code and English name")
    public record CountryKey(@Schema(example = "IRQ") String code, @Schema(example = "Iraq") String name) {
    }

    @Schema(name = "ActorKey", description = "A perpetrator as a grouping key")
    public record ActorKey(@Schema(example = "10") long id, @Schema(example = "Islamic Revolutionary Guard Corps") String name) {
    }
}
