package org.incidentkb.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.incidentkb.common.Format;
import org.incidentkb.common.PageResult;
import org.incidentkb.common.Paging;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.api.ListItem;
import org.incidentkb.incident.export.IncidentExport;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentSearchService;
import org.incidentkb.incident.query.IncidentSort;

/**
 * Answers a list request for incidents in the representation asked for: a JSON page (by number or cursor), or a
 * CSV, GeoJSON or NDJSON document, streamed in full or holding one page.
 */
@ApplicationScoped
public class IncidentLists {

    /** Header on GeoJSON: how many matching incidents were left out for lack of coordinates. */
    public static final String OMITTED_HEADER = "X-Omitted-Without-Coordinates";

    private final IncidentSearchService search;
    private final IncidentExport export;
    private final SparseFields sparse;

    public IncidentLists(IncidentSearchService search, IncidentExport export, SparseFields sparse) {
        this.search = search;
        this.export = export;
        this.sparse = sparse;
    }

    public Response respond(IncidentFilter filter, ListParams list, UriInfo uri, HttpHeaders headers) {
        Format format = Format.choose(list.format, headers, EnumSet.allOf(Format.class));
        Set<String> fields = SparseFields.parse(list.fields);
        if (fields != null && format != Format.JSON) {
            throw ProblemException.invalid("fields", "applies to JSON pages; " + format.name().toLowerCase(
                    java.util.Locale.ROOT) + " has its own shape");
        }
        Paging paging = list.paging(list.after);
        IncidentSort sort = search.sort(filter, list.sort);
        IncidentSort.Cursor after = paging.byCursor() ? search.cursor(paging.after(), sort) : null;

        // Counted first, on a connection it gives back: then a page reads on the session's, an export in its chunks'.
        Long omitted = format == Format.GEOJSON ? search.countWithoutCoordinates(filter) : null;
        Response.ResponseBuilder response;
        if (format != Format.JSON && !list.paged()) {
            response = Response.ok(export.all(format, filter, sort, null));
        } else {
            var result = search.page(filter, sort, paging.offset(), paging.size(), after, list.counting(),
                    format == Format.GEOJSON, IncidentExport.shape(format));
            List<ListItem> items = fields == null ? result.items() : sparse.keep(result.items(), fields);
            PageResult<ListItem> envelope = paging.result(new Paging.Slice<>(items, result.total(),
                    result.nextCursor(), result.totalIsLowerBound()), uri);
            response = Paging.withLinks(Response.ok(format == Format.JSON ? envelope
                    : export.page(format, result)), envelope);
        }
        if (omitted != null) {
            response.header(OMITTED_HEADER, omitted);
        }
        if (format != Format.JSON) {
            response.header("Content-Disposition", "attachment; filename=\"incidents." + format.name().toLowerCase(
                    java.util.Locale.ROOT) + "\"");
        }
        return response.type(format.mediaType + (format == Format.CSV ? "; charset=UTF-8; header=present" : ""))
                .build();
    }
}
