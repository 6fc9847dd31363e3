package org.incidentkb.common;

import io.quarkus.panache.common.Page;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * Page and size as asked for, checked, and the envelope plus RFC 8288 Link header built from them. A page is
 * asked for by number ({@code page}) or, to walk far without deep offsets, after a keyset cursor ({@code after}).
 */
public record Paging(int page, int size, String after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        return of(page, size, null);
    }

    public static Paging of(Integer page, Integer size, String after) {
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
        boolean cursor = after != null && !after.isBlank();
        if (cursor && page != null) {
            throw ProblemException.invalid("page", "cannot be combined with after; a cursor already says where to go on");
        }
        return new Paging(p, s, cursor ? after.trim() : null);
    }

    /**
     * The page of {@code rows} read for it (one past its end, so that whether more follow is known without a total),
     * its total counted as {@code count} says: not at all, {@code exactly}, or {@code upTo} a bound (kb.lists.total-limit;
     * counted to one past it, then given as the bound and said to be a lower bound).
     */
    public <V> Slice<V> counted(List<V> rows, Count count, KbConfig.Lists limits, LongSupplier exactly,
            IntToLongFunction upTo) {
        boolean more = rows.size() > size;
        List<V> items = more ? rows.subList(0, size) : rows;
        return switch (count) {
            case NONE -> new Slice<>(items, null, null, false, more);
            case EXACT -> new Slice<>(items, exactly.getAsLong(), null, false, more);
            case BOUNDED -> {
                int bound = limits.totalLimit();
                long counted = upTo.applyAsLong(bound);
                yield new Slice<>(items, Math.min(counted, bound), null, counted > bound, more);
            }
        };
    }

    /**
     * One page of records, the number of all that match (null when not counted; a lower bound when
     * {@code totalIsLowerBound}), the cursor after it, and whether more records follow it (when the total cannot
     * say).
     */
    public record Slice<V>(List<V> items, Long total, String nextCursor, boolean totalIsLowerBound, boolean more) {

        public Slice(List<V> items, long total) {
            this(items, total, null, false);
        }

        public Slice(List<V> items, Long total, String nextCursor) {
            this(items, total, nextCursor, false);
        }

        /** A page of a list with a cursor: more follow when there is a cursor. */
        public Slice(List<V> items, Long total, String nextCursor, boolean totalIsLowerBound) {
            this(items, total, nextCursor, totalIsLowerBound, nextCursor != null);
        }
    }

    public boolean byCursor() {
        return after != null;
    }

    public Page panache() {
        return Page.of(page - 1, size);
    }

    public int offset() {
        return (page - 1) * size;
    }

    public <V> PageResult<V> result(Slice<V> slice, UriInfo uri) {
        Long total = slice.total();
        String relation = total == null ? null : slice.totalIsLowerBound() ? "gte" : "eq";
        if (byCursor()) {
            return new PageResult<>(slice.items(), null, size, total, relation, slice.nextCursor(), new PageResult.Links(
                    relative(uri.getRequestUri()), slice.nextCursor() == null ? null : cursorLink(uri, slice.nextCursor()),
                    null, link(uri, 1), null));
        }
        boolean exact = total != null && !slice.totalIsLowerBound();
        boolean hasNext = exact ? (long) page * size < total : slice.more();
        Integer lastPage = exact ? (int) Math.max(1, (total + size - 1) / size) : null;
        return new PageResult<>(slice.items(), page, size, total, relation, hasNext ? slice.nextCursor() : null,
                new PageResult.Links(link(uri, page), hasNext ? link(uri, page + 1) : null,
                        page > 1 ? link(uri, page - 1) : null, link(uri, 1),
                        lastPage == null ? null : link(uri, lastPage)));
    }

    public static Response ok(PageResult<?> result) {
        return withLinks(Response.ok(result), result).build();
    }

    /**
     * Adds the RFC 8288 next, prev, first and last links of a page to a response (those it has), as one Link header
     * with comma-separated values.
     */
    public static Response.ResponseBuilder withLinks(Response.ResponseBuilder response, PageResult<?> result) {
        List<String> links = new ArrayList<>();
        PageResult.Links l = result.links();
        for (String[] rel : new String[][] { { l.next(), "next" }, { l.prev(), "prev" }, { l.first(), "first" },
                { l.last(), "last" } }) {
            if (rel[0] != null) {
                links.add(Link.fromUri(rel[0]).rel(rel[1]).build().toString());
            }
        }
        return links.isEmpty() ? response : response.header("Link", String.join(", ", links));
    }

    private String link(UriInfo uri, int target) {
        return relative(uri.getRequestUriBuilder().replaceQueryParam("after").replaceQueryParam("page", target)
                .replaceQueryParam("size", size).build());
    }

    private String cursorLink(UriInfo uri, String cursor) {
        UriBuilder builder = uri.getRequestUriBuilder().replaceQueryParam("page").replaceQueryParam("after", cursor);
        return relative(builder.replaceQueryParam("size", size).build());
    }

    private static String relative(URI built) {
        return built.getRawPath() + (built.getRawQuery() == null ? "" : "?" + built.getRawQuery());
    }
}
