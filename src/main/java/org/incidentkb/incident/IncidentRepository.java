package org.incidentkb.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.incidentkb.common.Like;
import org.incidentkb.common.SqlWhere;
import org.incidentkb.incident.IncidentFilter.BoundingBox;
import org.incidentkb.incident.IncidentFilter.Circle;
import org.incidentkb.incident.IncidentFilter.Involvement;

/**
 * Incident queries. Searches run as native SQL over the incident table (alias {@code i}), each filter a condition
 * an index of the migrations serves; they select ids and sort keys, and the page's aggregates are then loaded by
 * id with their collections batch-fetched, so a page costs the same few statements whatever its size.
 */
@ApplicationScoped
public class IncidentRepository implements PanacheRepository<Incident> {

    /** Mean Earth radius (IUGG), for great-circle distances. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    /**
     * Whether text search may lean on the trigram indexes PostgreSQL has (migration V6): one index lookup per
     * column, united, instead of an OR that makes the planner walk the sort index and test every row.
     */
    private final boolean trigramIndexes;

    public IncidentRepository(
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.trigramIndexes = dbKind.startsWith("postgres");
    }

    /** The incident that carries the given external reference, if any. */
    public Optional<Incident> findByExternalRef(ExternalRef ref) {
        return find("select i from Incident i join i.externalRefs r where r.dataset = :dataset and r.externalId = :id",
                Parameters.with("dataset", ref.dataset()).and("id", ref.externalId())).firstResultOptional();
    }

    /** The incidents with these ids, in the order of the ids, with category and type joined. */
    /** Up to {@code limit} ids of incidents that have no stored document, lowest first. */
    @SuppressWarnings("unchecked")
    public List<Long> withoutDocument(int limit) {
        return ((List<Number>) getEntityManager().createNativeQuery("select i.id from incident i where not exists "
                + "(select 1 from incident_document d where d.incident_id = i.id) order by i.id").setMaxResults(limit)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    public List<Incident> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return getEntityManager().createQuery("select i from Incident i join fetch i.category left join fetch i.type "
                + "where i.id in :ids", Incident.class).setParameter("ids", ids).getResultList().stream()
                .sorted(Comparator.comparing(i -> position.get(i.getId()))).toList();
    }

    /**
     * The incidents a filter selects, as a FROM clause aliased {@code i} and the conditions on it. It is the one piece
     * of SQL the two repositories that query incidents share (this one and the statistics'); services only pass it
     * from {@link #select} back in. A date range that incidents may overlap (start before {@code from}, end after it)
     * would be an OR no index serves; it becomes the union of the incidents starting in the range and the few
     * spanning its start, each an index range.
     */
    public record Selection(String from, SqlWhere where, String sameValueColumn) {
    }

    /** Whether a selection keeps only incidents with coordinates, only those without, or either. */
    public enum Coordinates {
        ANY, PRESENT, ABSENT
    }

    /** An incident's id and its sort keys (in the sort's Java types), as a page or chunk is selected. */
    public record SortedId(long id, List<Object> keys) {
    }

    /** A deleted incident's tombstone. */
    public record Deleted(long id, Instant deletedAt) {
    }

    public Selection select(IncidentFilter f) {
        return select(f, Coordinates.ANY);
    }

    public Selection select(IncidentFilter f, Coordinates coordinates) {
        SqlWhere w = where(f);
        if (coordinates != Coordinates.ANY) {
            w.and(coordinates == Coordinates.PRESENT ? "i.latitude is not null" : "i.latitude is null");
        }
        if (f.from() == null) {
            if (f.to() != null) {
                w.and("i.start_date <= " + w.bind(f.to()));
            }
            String sameValue = f.countries().size() == 1 ? "i.country_code"
                    : f.countries().isEmpty() && f.types().size() == 1 ? "i.type_code" : null;
            return new Selection("incident i", w, sameValue);
        }
        String from = w.bind(f.from());
        String starting = "i.start_date >= " + from + (f.to() == null ? "" : " and i.start_date <= " + w.bind(f.to()));
        // Only the end-date index in the subquery, or the planner (H2's) walks the start-date index instead.
        String spanning = "i.start_date < " + from + " and i.id in (select e.id from incident e where e.end_date >= "
                + from + ")";
        return new Selection("(select i.* from incident i" + w.sqlAnd(starting)
                + " union all select i.* from incident i" + w.sqlAnd(spanning) + ") i", w.parametersOnly(), null);
    }

    /** The ids and sort keys of the selection in the sort's order, after the cursor when given. */
    @SuppressWarnings("unchecked")
    public List<SortedId> keys(Selection s, IncidentSort sort, IncidentSort.Cursor after, int offset, int limit) {
        SqlWhere where = s.where().copy();
        if (after != null) {
            sort.after(after, where);
        }
        String sql = "select i.id, " + sort.keyColumns() + " from " + s.from() + where.sql()
                + sort.orderBy(s.sameValueColumn());
        List<Object[]> rows = where.apply(getEntityManager().createNativeQuery(sql)).setFirstResult(offset)
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new SortedId(((Number) r[0]).longValue(), sort.keyValues(r, 1))).toList();
    }

    public long count(Selection s) {
        return ((Number) s.where().apply(getEntityManager().createNativeQuery("select count(*) from " + s.from()
                + s.where().sql())).getSingleResult()).longValue();
    }

    /** Tombstones of incidents deleted at or after {@code since}, after the cursor when given, in feed order. */
    @SuppressWarnings("unchecked")
    public List<Deleted> tombstones(Instant since, IncidentSort.Cursor after, int limit) {
        String sql = "select t.incident_id, t.deleted_at from incident_tombstone t where t.deleted_at >= :since"
                + (after == null ? "" : " and (t.deleted_at > :ts or (t.deleted_at = :ts and t.incident_id > :id))")
                + " order by t.deleted_at, t.incident_id";
        var query = getEntityManager().createNativeQuery(sql).setParameter("since", since);
        if (after != null) {
            query.setParameter("ts", after.values().get(0)).setParameter("id", after.values().get(1));
        }
        List<Object[]> rows = query.setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Deleted(((Number) r[0]).longValue(),
                (Instant) IncidentSort.Key.UPDATED_AT.value(r[1]))).toList();
    }

    public long countTombstones(Instant since) {
        return ((Number) getEntityManager().createNativeQuery(
                "select count(*) from incident_tombstone where deleted_at >= :since").setParameter("since", since)
                .getSingleResult()).longValue();
    }

    public void addTombstone(long incidentId, Instant deletedAt) {
        getEntityManager().createNativeQuery("insert into incident_tombstone (incident_id, deleted_at) values (:id, :at)")
                .setParameter("id", incidentId).setParameter("at", deletedAt).executeUpdate();
    }

    /** The conditions of a filter over the incident table aliased {@code i}, all but the date range. */
    private SqlWhere where(IncidentFilter f) {
        SqlWhere w = new SqlWhere();
        in(w, "i.country_code", f.countries());
        in(w, "lower(i.admin1)", f.admin1());
        in(w, "i.category_code", f.categories());
        in(w, "i.type_code", f.types());
        for (Involvement inv : f.involvements()) {
            String roles = inv.roles().isEmpty() ? ""
                    : " and p.role in (" + w.bind(inv.roles().stream().map(Enum::name).toList()) + ")";
            w.and("i.id in (select p.incident_id from incident_actor p where p.actor_id in ("
                    + w.bind(List.copyOf(inv.actorIds())) + ")" + roles + ")");
        }
        if (!f.claimedBy().isEmpty()) {
            w.and("i.id in (select c.incident_id from claim c where c.stance = 'CLAIMED' and c.actor_id in ("
                    + w.bind(List.copyOf(f.claimedBy())) + "))");
        }
        in(w, "i.claim_status", f.claimStatuses().stream().map(Enum::name).collect(Collectors.toSet()));
        if (f.minKilled() != null) {
            w.and("i.killed_best >= " + w.bind(f.minKilled()));
        }
        if (f.maxKilled() != null) {
            w.and("i.killed_best <= " + w.bind(f.maxKilled()));
        }
        if (f.minInjured() != null) {
            w.and("i.injured_best >= " + w.bind(f.minInjured()));
        }
        if (f.maxInjured() != null) {
            w.and("i.injured_best <= " + w.bind(f.maxInjured()));
        }
        if (f.bbox() != null) {
            bbox(w, f.bbox());
        }
        if (f.near() != null) {
            near(w, f.near());
        }
        if (f.text() != null) {
            String p = w.bind(Like.contains(f.text()));
            String names = "select c.incident_id from casualty c join casualty_name n on n.casualty_id = c.id"
                    + " where lower(n.name) like " + p + " escape '!'";
            if (trigramIndexes) {
                w.and("i.id in (select t.id from incident t where lower(t.title) like " + p + " escape '!'"
                        + " union all select t.id from incident t where lower(t.summary) like " + p + " escape '!'"
                        + " union all select t.id from incident t where lower(t.locality) like " + p + " escape '!'"
                        + " union all " + names + ")");
            } else {
                // H2 has no index for substrings: one pass over the rows testing all columns is the cheapest.
                w.and("(lower(i.title) like " + p + " escape '!' or lower(i.summary) like " + p + " escape '!'"
                        + " or lower(i.locality) like " + p + " escape '!' or i.id in (" + names + "))");
            }
        }
        if (!f.tags().isEmpty()) {
            w.and("i.id in (select t.incident_id from incident_tag t where t.tag in (" + w.bind(List.copyOf(f.tags()))
                    + "))");
        }
        if (!f.publishers().isEmpty()) {
            w.and("i.id in (select x.incident_id from incident_source x join source s on s.id = x.source_id"
                    + " where lower(s.publisher) in (" + w.bind(List.copyOf(f.publishers())) + "))");
        }
        if (!f.externalRefs().isEmpty()) {
            String alternatives = f.externalRefs().stream()
                    .map(r -> "(r.dataset = " + w.bind(r.dataset()) + " and r.external_id = " + w.bind(r.externalId()) + ")")
                    .collect(Collectors.joining(" or "));
            w.and("i.id in (select r.incident_id from incident_external_ref r where " + alternatives + ")");
        }
        if (f.updatedSince() != null) {
            w.and("i.updated_at >= " + w.bind(f.updatedSince()));
        }
        return w;
    }

    private static void in(SqlWhere w, String column, java.util.Collection<String> values) {
        if (!values.isEmpty()) {
            w.and(column + " in (" + w.bind(List.copyOf(values)) + ")");
        }
    }

    private static void bbox(SqlWhere w, BoundingBox b) {
        w.and("i.latitude between " + w.bind(b.minLat()) + " and " + w.bind(b.maxLat()));
        if (b.minLon() <= b.maxLon()) {
            w.and("i.longitude between " + w.bind(b.minLon()) + " and " + w.bind(b.maxLon()));
        } else {
            w.and("(i.longitude >= " + w.bind(b.minLon()) + " or i.longitude <= " + w.bind(b.maxLon()) + ")");
        }
    }

    /**
     * Great-circle distance by the haversine formula, after a latitude band (and, away from the poles and the
     * antimeridian, a longitude band) that an index can serve.
     */
    private static void near(SqlWhere w, Circle c) {
        double dLat = Math.toDegrees(c.radiusKm() / EARTH_RADIUS_KM);
        w.and("i.latitude between " + w.bind(c.lat() - dLat) + " and " + w.bind(c.lat() + dLat));
        double cosLat = Math.cos(Math.toRadians(c.lat()));
        if (cosLat > 0.01) {
            double dLon = dLat / cosLat;
            if (c.lon() - dLon >= -180 && c.lon() + dLon <= 180) {
                w.and("i.longitude between " + w.bind(c.lon() - dLon) + " and " + w.bind(c.lon() + dLon));
            }
        }
        String lat = w.bind(c.lat());
        String lon = w.bind(c.lon());
        w.and("2 * " + EARTH_RADIUS_KM + " * asin(least(1.0, sqrt(power(sin(radians(i.latitude - " + lat + ") / 2), 2)"
                + " + cos(radians(" + lat + ")) * cos(radians(i.latitude))"
                + " * power(sin(radians(i.longitude - " + lon + ") / 2), 2)))) <= " + w.bind(c.radiusKm()));
    }
}
