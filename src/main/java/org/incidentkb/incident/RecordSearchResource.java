package org.incidentkb.incident;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.incidentkb.common.Count;
import org.incidentkb.common.Format;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Paging;
import org.incidentkb.incident.export.RecordRows;
import org.incidentkb.incident.query.RecordSearchService;

/** Claims and casualty records across all incidents. */
public class RecordSearchResource implements RecordSearchOperations {

    private final RecordSearchService service;

    public RecordSearchResource(RecordSearchService service) {
        this.service = service;
    }

    @Override
    public Response claims(List<String> actor, List<String> stance, List<String> channel, List<String> credibility, String from, String to, PageParams pages, String count, String format, UriInfo uri, HttpHeaders headers) {
        Paging paging = pages.paging();
        Count counting = Count.parse(count);
        if (csv(format, headers)) {
            var rows = pages.given()
                    ? RecordRows.csv(RecordRows.ClaimRow.class, n -> n == 1 ? service.claims(actor, stance, channel,
                            credibility, from, to, paging, Count.NONE) : new Paging.Slice<>(List.of(), 0), RecordRows.ClaimRow::from)
                    : RecordRows.csv(RecordRows.ClaimRow.class, n -> service.claims(actor, stance, channel,
                            credibility, from, to, Paging.of(n, Paging.MAX_SIZE), Count.NONE), RecordRows.ClaimRow::from);
            return download(rows, "claims.csv");
        }
        return Paging.ok(paging.result(service.claims(actor, stance, channel, credibility, from, to, paging,
                counting), uri));
    }

    @Override
    public Response casualties(List<String> category, String q, List<String> affiliation, PageParams pages, String count, String format, UriInfo uri, HttpHeaders headers) {
        Paging paging = pages.paging();
        Count counting = Count.parse(count);
        if (csv(format, headers)) {
            var rows = pages.given()
                    ? RecordRows.csv(RecordRows.CasualtyRow.class, n -> n == 1 ? service.casualties(category, q,
                            affiliation, paging, Count.NONE) : new Paging.Slice<>(List.of(), 0), RecordRows.CasualtyRow::from)
                    : RecordRows.csv(RecordRows.CasualtyRow.class, n -> service.casualties(category, q, affiliation,
                            Paging.of(n, Paging.MAX_SIZE), Count.NONE), RecordRows.CasualtyRow::from);
            return download(rows, "casualties.csv");
        }
        return Paging.ok(paging.result(service.casualties(category, q, affiliation, paging, counting), uri));
    }

    private static boolean csv(String format, HttpHeaders headers) {
        return Format.choose(format, headers, EnumSet.of(Format.JSON, Format.CSV)) == Format.CSV;
    }

    private static Response download(jakarta.ws.rs.core.StreamingOutput rows, String name) {
        return Response.ok(rows).type(Format.CSV_TYPE + "; charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

}
