package org.incidentkb.link;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a matching run compares: its windows, how far types must agree, and its scope. */
@Schema(name = "MatchingRequest", description = "The windows and scope of a matching run; every field has a default",
        example = "{\"spatialWindowKm\": 5, \"temporalWindowDays\": 2, \"typeLevel\": \"CATEGORY\", \"country\": \"IRQ\", "
                + "\"from\": \"2016-01-01\", \"to\": \"2016-12-31\"}")
public record MatchingRequest(
        @Schema(description = "Largest distance between two incidents of one event, km (0 to 100; default 5)",
                example = "5", minimum = "0", maximum = "100")
        @DecimalMin("0") @DecimalMax("100") Double spatialWindowKm,
        @Schema(description = "Most days between their start dates (0 to 30; default 2)", example = "2", minimum = "0",
                maximum = "30")
        @Min(0) @Max(30) Integer temporalWindowDays,
        @Schema(description = "How far their types must agree through the matching taxonomy: TYPE (the same kind), "
                + "CATEGORY (the same broad class; the default) or NONE (not compared)", example = "CATEGORY")
        Link.TypeMatch typeLevel,
        @Schema(description = "The lowest score proposed, 0 to 1 (default 0.62: the threshold that makes the most of "
                + "precision and recall together on the project's realistic generator; see docs/importing-and-matching.md)",
                example = "0.62", minimum = "0", maximum = "1")
        @DecimalMin("0") @DecimalMax("1") Double minScore,
        @Schema(description = "Only incidents in this country (ISO 3166-1 alpha-3 code or name)", example = "IRQ")
        String country,
        @Schema(description = "Only incidents starting on or after this day", example = "2016-01-01") LocalDate from,
        @Schema(description = "Only incidents starting on or before this day", example = "2016-12-31") LocalDate to) {

    public static final double DEFAULT_KM = 5;
    public static final int DEFAULT_DAYS = 2;
    public static final double DEFAULT_MIN_SCORE = 0.62;

    public MatchingRequest {
        spatialWindowKm = spatialWindowKm == null ? DEFAULT_KM : spatialWindowKm;
        temporalWindowDays = temporalWindowDays == null ? DEFAULT_DAYS : temporalWindowDays;
        typeLevel = typeLevel == null ? Link.TypeMatch.CATEGORY : typeLevel;
        minScore = minScore == null ? DEFAULT_MIN_SCORE : minScore;
    }
}
