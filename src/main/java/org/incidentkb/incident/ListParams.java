package org.incidentkb.incident;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.incidentkb.common.Count;

/** How a list of incidents is ordered, paged (page and size as every list, or a cursor) and represented. */
public class ListParams extends org.incidentkb.common.PageParams {

    @QueryParam("sort")
    @Parameter(description = "Sort keys, comma-separated, each optionally prefixed with - for descending: startDate, "
            + "endDate, updatedAt, createdAt, killed, injured, title, country, id, and with q relevance (where the "
            + "text was found: the title first, then the locality, the summary, a casualty's name). The id always "
            + "breaks ties. "
            + "Default -startDate (most recent first); the change feed (updatedSince) is always in updatedAt order (e.g. `-killed,startDate`).")
    public String sort;

    @QueryParam("after")
    @Parameter(description = "Keyset cursor from a previous page's `cursor`: the page after it, at a cost that does not "
            + "grow with depth (the way to walk millions of rows). Keep the same filters and sort. (e.g. `WyItc3RhcnREYXRlLC1pZCIsIjIwMjQtMDEtMDQiLDJd`)")
    public String after;

    @QueryParam("format")
    @Parameter(in = ParameterIn.QUERY, description = "Representation, instead of the Accept header: json (paged "
            + "envelope), csv (one flat row per incident), geojson (FeatureCollection of the incidents with "
            + "coordinates), ndjson (one incident per line). csv, geojson and ndjson stream every match unless "
            + "page, size or after is given (e.g. `csv`).", schema = @Schema(enumeration = { "json", "csv", "geojson",
                    "ndjson" }))
    public String format;

    @QueryParam("fields")
    @Parameter(description = "JSON pages only: the top-level properties each incident carries, comma-separated "
            + "(its `id` always comes too), to fetch less: e.g. `id,title,startDate,casualtySummary`. The items then "
            + "hold only those, so the Incident schema's required properties may be absent; tombstones of the change "
            + "feed keep their shape. An unknown name is a 400 that lists the properties (e.g. `title,startDate`).")
    public String fields;

    @QueryParam("count")
    @Parameter(description = Count.PARAMETER + " Statistics give exact counts at any size (e.g. `exact`).",
            schema = @Schema(enumeration = { "exact" }))
    public String count;

    /** How the JSON page counts its total: exactly when asked to, else up to the bound. */
    Count counting() {
        return Count.parse(count);
    }

    /** Whether the request names a page (so an export returns that page rather than every match). */
    boolean paged() {
        return given() || after != null;
    }
}
