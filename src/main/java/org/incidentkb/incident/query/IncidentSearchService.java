package org.incidentkb.incident.query;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.incidentkb.actor.ActorService;
import org.incidentkb.common.Count;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.ReadRouting;
import org.incidentkb.eventtype.EventTypeService;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.api.IncidentApi.Tombstone;
import org.incidentkb.incident.api.ListItem;
import org.incidentkb.incident.api.StoredJson;
import org.incidentkb.incident.model.CasualtySummary;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.readmodel.IncidentDocuments;

/**
 * Searching incidents: pages by number or by keyset cursor, the change feed with tombstones, and exports that
 * walk any number of incidents in chunks, each chunk its own short read, so memory stays flat.
 */
@ApplicationScoped
public class IncidentSearchService {

    /** Incidents loaded per round trip when exporting. */
    public static final int CHUNK = 500;

    private final IncidentRepository incidents;
    private final IncidentQueries queries;
    private final ActorService actors;
    private final EventTypeService eventTypes;
    private final IncidentDocuments documents;
    private final IncidentCounts counts;
    private final ReadRouting routing;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    /** Counting a total stops here (then said to be a lower bound), unless a request asks for the exact count. */
    private final int totalLimit;
    private final int exactCountSeconds;

    public IncidentSearchService(IncidentRepository incidents, IncidentQueries queries, ActorService actors, EventTypeService eventTypes,
            IncidentDocuments documents, IncidentCounts counts, KbConfig config,
            @PersistenceUnitExtension ReadRouting routing, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.routing = routing;
        this.json = json;
        this.totalLimit = config.lists().totalLimit();
        this.exactCountSeconds = (int) Math.max(1, config.lists().exactCountTimeout().toSeconds());
        this.documents = documents;
        this.counts = counts;
        this.incidents = incidents;
        this.queries = queries;
        this.actors = actors;
        this.eventTypes = eventTypes;
    }

    /** Checks and resolves the filter parameters; each bad value is a 400 naming its parameter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentFilter filter(IncidentQuery query) {
        return IncidentFilter.parse(query, new IncidentFilter.Lookups() {
            @Override
            public Set<Long> actorIds(String idOrName) {
                return actors.idsFor(idOrName);
            }

            @Override
            public boolean isCategory(String code) {
                return eventTypes.isCategory(code);
            }

            @Override
            public boolean isType(String code) {
                return eventTypes.isType(code);
            }
        });
    }

    /** The order a list is in: the requested one, or the default; the change feed only comes in update order. */
    public IncidentSort sort(IncidentFilter filter, String sortParam) {
        if (filter.updatedSince() != null) {
            IncidentSort sort = IncidentSort.parse(sortParam, IncidentSort.FEED);
            if (!sort.isFeedOrder()) {
                throw ProblemException.invalid("sort", "with updatedSince the change feed is in update order; "
                        + "leave sort out or use sort=updatedAt");
            }
            return sort;
        }
        IncidentSort sort = IncidentSort.parse(sortParam, IncidentSort.DEFAULT);
        if (sort.byRelevance()) {
            if (filter.text() == null) {
                throw ProblemException.invalid("sort", "relevance ranks the matches of q; give q, or sort by another key");
            }
            sort = sort.withRelevance(queries.relevance(filter.text()));
        }
        return sort;
    }

    public IncidentSort.Cursor cursor(String after, IncidentSort sort) {
        return after == null || after.isBlank() ? null : IncidentSort.Cursor.decode(after, sort);
    }

    /**
     * How a page's incidents come: as views, to read their fields for the flat formats (CSV, GeoJSON: without their
     * casualty records), or as their stored JSON, to be written out as they are (JSON pages, NDJSON); an incident
     * without a stored document comes as a (whole) view either way.
     */
    public enum Shape {
        VIEWS, STORED_JSON
    }

    /**
     * One page of results, by page number (offset) or after a cursor. Items are incidents (views or stored JSON) or,
     * in the feed, tombstones.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Result page(IncidentFilter filter, IncidentSort sort, int offset, int size, IncidentSort.Cursor after, Count count,
            boolean withCoordinatesOnly, Shape shape) {
        readOnly();
        IncidentQueries.Coordinates coordinates = withCoordinatesOnly ? IncidentQueries.Coordinates.PRESENT
                : IncidentQueries.Coordinates.ANY;
        if (filter.updatedSince() != null) {
            return feedPage(filter.updatedSince(), queries.selection(filter, coordinates), sort, offset, size, after,
                    count, shape);
        }
        // A text alone in the default order: the page's ids straight from the text index (ADR 0016); the selection
        // of every match is then made only if the total has to be counted from it.
        Optional<IncidentQueries.TextPage> textPage = withCoordinatesOnly ? Optional.empty()
                : queries.textPage(filter, sort, after, (after == null ? offset : 0) + size + 1);
        IncidentQueries.Selection selection = null;
        Long total = null;
        boolean lowerBound = false;
        if (count != Count.NONE && after == null) {
            var known = withCoordinatesOnly ? java.util.OptionalLong.empty() : counts.known(filter);
            if (known.isEmpty() && !withCoordinatesOnly && ReadRouting.PRIMARY.equals(routing.resolveTenantId())) {
                // The text index follows the primary; a page read from a replica is counted there.
                known = textPage.isPresent() ? java.util.OptionalLong.of(textPage.get().total())
                        : queries.textOnlyCount(filter);
            }
            if (known.isPresent()) {
                total = known.getAsLong();
            } else if (count == Count.EXACT) {
                selection = queries.listSelection(filter, coordinates, sort);
                total = queries.countWithin(selection, exactCountSeconds);
            } else {
                selection = queries.listSelection(filter, coordinates, sort);
                total = Math.min(queries.count(selection, totalLimit), totalLimit);
                lowerBound = total == totalLimit;
            }
        }
        IncidentQueries.Selection rows = textPage.isPresent() ? textPage.get().selection()
                : selection != null ? selection : queries.listSelection(filter, coordinates, sort);
        Result result = slice(rows, sort, offset, size, after, total, lowerBound, shape);
        return filter.dedupeEvents() ? withSameAs(result, shape) : result;
    }

    /**
     * Each incident of a deduplicated page with {@code sameAs}: the ids of the other incidents of its event (empty for
     * an incident alone). Added to the JSON as it is; views (CSV and GeoJSON rows) come with the ids beside them.
     */
    private Result withSameAs(Result result, Shape shape) {
        List<Long> ids = result.items().stream().map(ListItem::id).toList();
        Map<Long, List<Long>> others = queries.sameAs(ids);
        Map<Long, CasualtySummary> counted = queries.countedFigures(ids);
        if (shape == Shape.VIEWS) {
            return new Result(result.items(), result.total(), result.nextCursor(), result.totalIsLowerBound(), others,
                    counted);
        }
        List<ListItem> items = new ArrayList<>(result.items().size());
        for (ListItem item : result.items()) {
            ListItem json = item instanceof IncidentView view ? new StoredJson(view.id(), documents.of(view).json())
                    : item;
            items.add(json instanceof StoredJson stored ? stored.withIds("sameAs", others.getOrDefault(stored.id(),
                    List.of())).withMember("eventCasualties", eventCasualties(counted.get(stored.id()))) : json);
        }
        return new Result(items, result.total(), result.nextCursor(), result.totalIsLowerBound());
    }

    /** The figures an incident of a deduplicated list counts for, as JSON. */
    private String eventCasualties(CasualtySummary counted) {
        try {
            return json.writeValueAsString(counted == null ? new CasualtySummary(null, null) : counted);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Figures could not be written as JSON", e);
        }
    }

    /** Incidents changed since the instant merged with tombstones of those deleted since, ordered by (time, id). */
    private Result feedPage(Instant since, IncidentQueries.Selection selection, IncidentSort sort, int offset, int size, IncidentSort.Cursor after,
            Count count, Shape shape) {
        Long total = null;
        boolean lowerBound = false;
        if (count != Count.NONE && after == null) {
            long deleted = queries.countTombstones(since);
            if (count == Count.EXACT) {
                total = queries.countWithin(selection, exactCountSeconds) + deleted;
            } else {
                long all = queries.count(selection, totalLimit) + deleted;
                lowerBound = all > totalLimit;
                total = Math.min(all, totalLimit);
            }
        }
        int wanted = (after == null ? offset : 0) + size + 1;
        List<FeedEntry> entries = new ArrayList<>();
        for (IncidentQueries.SortedId changed : queries.keys(selection, sort, after, 0, wanted)) {
            entries.add(new FeedEntry(changed.id(), (Instant) changed.keys().get(0), false));
        }
        for (IncidentQueries.Deleted deleted : queries.tombstones(since, after, wanted)) {
            entries.add(new FeedEntry(deleted.id(), deleted.deletedAt(), true));
        }
        entries.sort(Comparator.comparing(FeedEntry::at).thenComparing(FeedEntry::id));
        int skip = after == null ? Math.min(offset, entries.size()) : 0;
        List<FeedEntry> window = entries.subList(skip, Math.min(entries.size(), skip + size + 1));
        boolean more = window.size() > size;
        List<FeedEntry> shown = more ? window.subList(0, size) : window;

        List<Long> ids = shown.stream().filter(e -> !e.deleted()).map(FeedEntry::id).toList();
        Map<Long, ListItem> byId = new java.util.HashMap<>();
        for (ListItem found : incidents(ids, shape)) {
            byId.put(found.id(), found);
        }
        List<ListItem> items = shown.stream()
                .map(e -> e.deleted() ? new Tombstone(e.id(), true, e.at()) : byId.get(e.id()))
                .filter(java.util.Objects::nonNull).toList();
        String next = null;
        if (more) {
            FeedEntry last = shown.get(shown.size() - 1);
            next = new IncidentSort.Cursor(sort.spec(), List.of(last.at(), last.id())).encode();
        }
        return new Result(items, total, next, lowerBound);
    }

    /**
     * How many incidents match without coordinates (left out of GeoJSON). In a transaction of its own when none is
     * active, so the request's session keeps no connection: the export's chunks that follow each take one.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public long countWithoutCoordinates(IncidentFilter filter) {
        return queries.count(queries.selection(filter, IncidentQueries.Coordinates.ABSENT));
    }

    /**
     * The next chunk of an export, after the cursor; its own transaction, so the session and everything it
     * loaded are released when it returns.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result chunk(IncidentFilter filter, IncidentSort sort, IncidentSort.Cursor after, Shape shape) {
        return page(filter, sort, 0, CHUNK, after, Count.NONE, false, shape);
    }

    private Result slice(IncidentQueries.Selection selection, IncidentSort sort, int offset, int size, IncidentSort.Cursor after, Long total,
            boolean lowerBound, Shape shape) {
        List<IncidentQueries.SortedId> rows = queries.keys(selection, sort, after, after == null ? offset : 0,
                size + 1);
        boolean more = rows.size() > size;
        List<IncidentQueries.SortedId> shown = more ? rows.subList(0, size) : rows;
        List<ListItem> items = incidents(shown.stream().map(IncidentQueries.SortedId::id).toList(), shape);
        return new Result(items, total, more ? sort.cursorAt(shown.get(shown.size() - 1)).encode() : null, lowerBound);
    }

    /**
     * The incidents, in the order of the ids, from their stored representations (one query, no entity graph), as
     * views or as the stored JSON; those without one are loaded as entities and come as views.
     */
    private List<ListItem> incidents(List<Long> ids, Shape shape) {
        Map<Long, ListItem> found = new java.util.HashMap<>(shape == Shape.STORED_JSON ? documents.json(ids)
                : documents.flatViews(ids));
        List<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            incidents.load(missing).forEach(i -> found.put(i.getId(), IncidentView.from(i)));
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private void readOnly() {
        incidents.getEntityManager().unwrap(Session.class).setDefaultReadOnly(true);
    }

    /**
     * A page of items, the number of all matches (null when not counted; a lower bound when {@code totalIsLowerBound})
     * and the cursor after the page.
     */
    public record Result(List<ListItem> items, Long total, String nextCursor, boolean totalIsLowerBound,
            Map<Long, List<Long>> sameAs, Map<Long, CasualtySummary> counted) {

        public Result(List<ListItem> items, Long total, String nextCursor, boolean totalIsLowerBound) {
            this(items, total, nextCursor, totalIsLowerBound, null, null);
        }

        /**
         * With {@code dedupe=events}, the figures each incident counts for: its event's, or its own when alone; null
         * when the list is not deduplicated.
         */
        public CasualtySummary eventCasualties(long id) {
            return counted == null ? null : counted.getOrDefault(id, new CasualtySummary(null, null));
        }

        /**
         * With {@code dedupe=events}, the other incidents of each incident's event (none for one alone); null when
         * the list is not deduplicated (or the items carry it, as stored JSON).
         */
        public List<Long> sameAs(long id) {
            return sameAs == null ? null : sameAs.getOrDefault(id, List.of());
        }
    }

    private record FeedEntry(long id, Instant at, boolean deleted) {
    }
}
