package org.incidentkb.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The paged envelope of every list: {items, page, size, total, links}. */
public record PageResult<T>(
        @Schema(description = "The records on this page") List<T> items,
        @Schema(description = "1-based page number", example = "1") int page,
        @Schema(description = "Page size asked for", example = "50") int size,
        @Schema(description = "Number of records matching the query", example = "9") long total,
        @Schema(description = "Links to this, the next and the previous page (absent at the ends)") Links links) {

    public record Links(
            @Schema(example = "/api/v1/incidents?page=1&size=50") String self,
            @Schema(example = "/api/v1/incidents?page=2&size=50") String next,
            @Schema(example = "null") String prev) {
    }
}
