package org.incidentkb.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields every page envelope has besides its items ({@link PageResult}), for the OpenAPI document: each list's
 * page schema extends this and declares only its {@code items}.
 */
public abstract class PageSchema {
    @Schema(description = "1-based page number", example = "1")
    public Integer page;
    @Schema(description = "Page size asked for", example = "50")
    public int size;
    @Schema(description = "Number of records matching the query", example = "9")
    public Long total;
    @Schema(description = "`eq` when `total` is exact; `gte` when counting stopped at the bound (kb.lists.total-limit) "
            + "and at least that many match; absent when not counted", enumeration = { "eq", "gte" }, example = "eq")
    public String totalRelation;
    public PageResult.Links links;

    /** A page envelope of a list that can also be walked by keyset cursor. */
    public abstract static class WithCursor extends PageSchema {
        @Schema(description = "Pass as after= for the next page; null on the last page")
        public String cursor;
    }
}
