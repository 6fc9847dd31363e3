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

    /**
     * The message is stored with the job: control characters a row quoted into it (a NUL, which PostgreSQL refuses in
     * text) are written as a backslash, "u" and four hex digits, and it is cut at 2,000 characters.
     */
    public RowError {
        if (message != null) {
            StringBuilder visible = new StringBuilder(message.length());
            message.chars().forEach(c -> {
                if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                    visible.append(String.format("\\u%04x", c));
                } else {
                    visible.append((char) c);
                }
            });
            message = visible.length() > 2000 ? visible.substring(0, 1997) + "..." : visible.toString();
        }
    }
}
