package org.incidentkb.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code page} and {@code size} of every paged list, read one way: text checked here (a bad value is a 400 naming
 * the parameter, not the framework's answer to a failed conversion), then {@link Paging}'s rules.
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "1-based page number (not with after, where a list has it)", example = "1",
            schema = @Schema(type = SchemaType.INTEGER))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50", schema = @Schema(type = SchemaType.INTEGER))
    public String size;

    public Paging paging() {
        return paging(null);
    }

    /** With a keyset cursor of lists that have one. */
    public Paging paging(String after) {
        return Paging.of(Params.integer("page", page, 1, Integer.MAX_VALUE), Params.integer("size", size, 1,
                Paging.MAX_SIZE), after);
    }

    /** Whether the request names a page or a size. */
    public boolean given() {
        return page != null || size != null;
    }
}
