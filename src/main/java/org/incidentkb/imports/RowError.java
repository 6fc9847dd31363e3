package org.incidentkb.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why one row of an import failed. */
@Embeddable
@Schema(name = "ImportError", description = "A row that failed, and why")
public record RowError(
        @Column(name = "line") @Schema(description = "Line of the file where the row starts (the CSV header is line 1)",
                example = "17") long line,
        @Column(name = "message") @Schema(example = "location.latitude: must be less than or equal to 90") String message) {

    public RowError {
        if (message != null && message.length() > 2000) {
            message = message.substring(0, 1997) + "...";
        }
    }
}
