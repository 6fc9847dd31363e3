package org.incidentkb.common;

import io.quarkus.panache.common.Page;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** Page and size as asked for, checked, and the envelope plus RFC 8288 Link header built from them. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1) {
            throw ProblemException.invalid("page", "must be 1 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) (p - 1) * s > Integer.MAX_VALUE) {
            throw ProblemException.invalid("page", "is past the last possible page for this size");
        }
        return new Paging(p, s);
    }

    /** One page of records and the number of all that match. */
    public record Slice<V>(List<V> items, long total) {
    }

    public Page panache() {
        return Page.of(page - 1, size);
    }

    public int offset() {
        return (page - 1) * size;
    }

    public <V> PageResult<V> result(Slice<V> slice, UriInfo uri) {
        long total = slice.total();
        boolean hasNext = (long) page * size < total;
        return new PageResult<>(slice.items(), page, size, total,
                new PageResult.Links(link(uri, page), hasNext ? link(uri, page + 1) : null,
                        page > 1 ? link(uri, page - 1) : null));
    }

    public static Response ok(PageResult<?> result) {
        Response.ResponseBuilder ok = Response.ok(result);
        List<Link> links = new ArrayList<>();
        if (result.links().next() != null) {
            links.add(Link.fromUri(result.links().next()).rel("next").build());
        }
        if (result.links().prev() != null) {
            links.add(Link.fromUri(result.links().prev()).rel("prev").build());
        }
        return ok.links(links.toArray(Link[]::new)).build();
    }

    private String link(UriInfo uri, int target) {
        var builder = uri.getRequestUriBuilder().replaceQueryParam("page", target).replaceQueryParam("size", size);
        var built = builder.build();
        return built.getRawPath() + (built.getRawQuery() == null ? "" : "?" + built.getRawQuery());
    }
}
