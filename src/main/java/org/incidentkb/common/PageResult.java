package org.incidentkb.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The paged envelope of every list: {items, page, size, total, totalRelation, cursor, links}. */
public record PageResult<T>(
        @Schema(description = "The records on this page") List<T> items,
        @Schema(description = "1-based page number; null when the page was asked for with a cursor (after=)",
                example = "1") Integer page,
        @Schema(description = "Page size asked for", example = "50") int size,
        @Schema(description = "Number of records matching the query; not counted when paging with a cursor",
                example = "9") Long total,
        @Schema(description = "`eq` when `total` is the exact count; `gte` when counting stopped at the bound "
                + "(kb.lists.total-limit, 10,000 by default) and at least that many match (ask with count=exact for "
                + "the exact number); absent when not counted", enumeration = { "eq", "gte" }, example = "eq")
        String totalRelation,
        @Schema(description = "Opaque keyset cursor: pass it as after= to get the records that follow this page, "
                + "at a cost that does not grow with depth; null on the last page",
                example = "WyItc3RhcnREYXRlLC1pZCIsIjIwMjQtMDEtMDQiLDJd") String cursor,
        @Schema(description = "Links to this, the next and the previous page (absent at the ends), and to the first "
                + "and last pages (last only when the total is counted)") Links links) {

    public record Links(
            @Schema(example = "/api/v1/incidents?page=1&size=50") String self,
            @Schema(example = "/api/v1/incidents?page=2&size=50") String next,
            @Schema(example = "null") String prev,
            @Schema(example = "/api/v1/incidents?page=1&size=50") String first,
            @Schema(example = "/api/v1/incidents?page=3&size=50") String last) {
    }
}
