package org.incidentkb.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A count of people as a range: {@code best} is the estimate, {@code low} and {@code high} its bounds.
 * A bare number on input means low = best = high; "at least four" is low 4, best 4, high null.
 */
@Embeddable
@Schema(name = "Figure", description = "A count of people as {low, best, high}. A missing low defaults to best; a null "
        + "high means no known upper bound (\"at least\").",
        example = "{\"low\": 4, \"best\": 4, \"high\": null}")
public record Figures(
        @Min(0) @Column(name = "low") @Schema(description = "Lower bound", example = "4") Integer low,
        @NotNull @Min(0) @Column(name = "best") @Schema(description = "Best estimate", example = "4") Integer best,
        @Min(0) @Column(name = "high") @Schema(description = "Upper bound; null when unknown", example = "7") Integer high) {

    public Figures {
        if (low == null) {
            low = best;
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Figures exactly(int count) {
        return new Figures(count, count, count);
    }

    public static Figures atLeast(int count) {
        return new Figures(count, count, null);
    }

    @JsonIgnore
    @AssertTrue(message = "must satisfy low <= best <= high")
    public boolean isOrdered() {
        return best == null || (low == null || low <= best) && (high == null || best <= high);
    }
}
