package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.incidentkb.common.SqlWhere;
import org.incidentkb.incident.IncidentFilter;
import org.incidentkb.incident.IncidentRepository;
import org.incidentkb.stats.StatsApi.Row;
import org.incidentkb.stats.StatsApi.Totals;
import org.incidentkb.stats.StatsRollup.Contribution;
import org.incidentkb.stats.StatsRollup.Grain;
import org.incidentkb.stats.StatsRollup.Key;

/**
 * The aggregations behind /stats, as one GROUP BY statement: over the roll-up table (V8) when it can answer the
 * filter and the groups, otherwise over the incident table (with a join to the perpetrators when grouping by them).
 * Either way the database does the counting and summing, and rows come out typed.
 */
@ApplicationScoped
public class StatsRepository {

    /** The roll-up's measure columns, in the order of {@link StatsRollup.Contribution}. */
    static final String MEASURES = "incidents, killed_low, killed_best, killed_high, killed_open, injured_low,"
            + " injured_best, injured_high, injured_open, killed_unknown, injured_unknown";

    private final EntityManager em;
    private final IncidentRepository incidents;
    private final boolean postgres;

    public StatsRepository(EntityManager em, IncidentRepository incidents,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.incidents = incidents;
        this.postgres = dbKind.startsWith("postgres");
    }

    /** The statistics of the incidents a filter selects, grouped by the dimensions, in the order of their keys. */
    public List<Row> aggregate(List<Dimension> groupBy, IncidentFilter filter) {
        return StatsRollup.answers(filter, groupBy) ? fromRollup(groupBy, filter) : fromIncidents(groupBy, filter);
    }

    /** The same statistics computed from the incident table, whatever the filter. */
    List<Row> fromIncidents(List<Dimension> groupBy, IncidentFilter filter) {
        IncidentRepository.Selection selection = incidents.select(filter);
        SqlWhere where = selection.where();
        List<String> keys = columns(groupBy, false);
        String from = selection.from() + (groupBy.contains(Dimension.PERPETRATOR)
                ? " left join incident_actor gp on gp.incident_id = i.id and gp.role = 'PERPETRATOR'"
                        + " left join actor perp on perp.id = gp.actor_id"
                : "");
        String select = prefix(keys) + "count(*), " + totals("killed") + ", " + totals("injured") + ", "
                + unknown("killed") + ", " + unknown("injured");
        String sql = "select " + select + " from " + from + where.sql() + groupAndOrder(keys);
        return rows(groupBy, where.apply(em.createNativeQuery(sql)).getResultList());
    }

    /**
     * low and best add the known figures; high is null once any incident has no known high (no figure at all, or a
     * figure without an upper bound).
     */
    private static String totals(String measure) {
        return "coalesce(sum(i." + measure + "_low), 0), coalesce(sum(i." + measure + "_best), 0), "
                + "case when count(i." + measure + "_high) < count(*) then null else coalesce(sum(i." + measure
                + "_high), 0) end";
    }

    /** How many incidents have no figure for the measure. */
    private static String unknown(String measure) {
        return "coalesce(sum(case when i." + measure + "_best is null then 1 else 0 end), 0)";
    }

    private List<Row> fromRollup(List<Dimension> groupBy, IncidentFilter filter) {
        Grain grain = StatsRollup.grain(filter, groupBy);
        SqlWhere where = new SqlWhere();
        where.and("r.perpetrator_id " + (groupBy.contains(Dimension.PERPETRATOR) ? "<> 0" : "= 0"));
        in(where, "r.country_code", filter.countries());
        in(where, "r.category_code", filter.categories());
        in(where, "r.type_code", filter.types());
        in(where, "r.claim_status", filter.claimStatuses().stream().map(Enum::name).collect(Collectors.toSet()));
        if (filter.to() != null) {
            where.and("r.period <= " + where.bind(StatsRollup.period(filter.to())));
        }
        // Grouped first, by perpetrator id; the few groups then get their perpetrator's name (not every row).
        List<String> inner = new ArrayList<>();
        List<String> innerGroup = new ArrayList<>();
        List<String> outerKeys = new ArrayList<>();
        for (Dimension d : groupBy) {
            if (d == Dimension.PERPETRATOR) {
                inner.add("r.perpetrator_id as perpetrator_id");
                innerGroup.add("r.perpetrator_id");
                outerKeys.addAll(d.rollupColumns);
                continue;
            }
            for (String column : d.rollupColumns) {
                inner.add(column + " as k" + innerGroup.size());
                outerKeys.add("g.k" + innerGroup.size());
                innerGroup.add(column);
            }
        }
        String sql = "select " + prefix(outerKeys) + "g.incidents, g.killed_low, g.killed_best, g.killed_high, "
                + "g.injured_low, g.injured_best, g.injured_high, g.killed_unknown, g.injured_unknown from (select "
                + prefix(inner) + "coalesce(sum(r.incidents), 0) as incidents, " + sums("killed") + ", "
                + sums("injured") + " from "
                + grain.table + " r" + where.sql() + (innerGroup.isEmpty() ? ""
                        : " group by " + String.join(", ", innerGroup) + " having sum(r.incidents) > 0") + ") g"
                + (groupBy.contains(Dimension.PERPETRATOR) ? " left join actor perp on perp.id = g.perpetrator_id" : "")
                + (outerKeys.isEmpty() ? "" : " order by "
                        + outerKeys.stream().map(c -> c + " asc nulls last").collect(Collectors.joining(", ")));
        return rows(groupBy, where.apply(em.createNativeQuery(sql)).getResultList());
    }

    private static String sums(String measure) {
        return "coalesce(sum(r." + measure + "_low), 0) as " + measure + "_low, coalesce(sum(r." + measure
                + "_best), 0) as " + measure + "_best, case when sum(r." + measure + "_open) + sum(r." + measure
                + "_unknown) > 0 then null else coalesce(sum(r." + measure + "_high), 0) end as " + measure + "_high, "
                + "coalesce(sum(r." + measure + "_unknown), 0) as " + measure + "_unknown";
    }

    private static List<String> columns(List<Dimension> groupBy, boolean rollup) {
        return groupBy.stream().flatMap(d -> (rollup ? d.rollupColumns : d.columns).stream()).toList();
    }

    private static String prefix(List<String> keys) {
        return keys.isEmpty() ? "" : String.join(", ", keys) + ", ";
    }

    /** Groups with their keys, nulls last. */
    private static String groupAndOrder(List<String> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        return " group by " + String.join(", ", keys) + " order by "
                + keys.stream().map(k -> k + " asc nulls last").collect(Collectors.joining(", "));
    }

    private static void in(SqlWhere w, String column, java.util.Collection<String> values) {
        if (!values.isEmpty()) {
            w.and(column + " in (" + w.bind(List.copyOf(values)) + ")");
        }
    }

    private static List<Row> rows(List<Dimension> groupBy, List<?> result) {
        List<Row> rows = new ArrayList<>(result.size());
        for (Object item : result) {
            Object[] r = (Object[]) item;
            Map<String, Object> keys = new LinkedHashMap<>();
            int at = 0;
            for (Dimension d : groupBy) {
                keys.put(d.param, d.key(r, at));
                at += d.columns.size();
            }
            long incidents = ((Number) r[at]).longValue();
            long killedUnknown = ((Number) r[at + 7]).longValue();
            long injuredUnknown = ((Number) r[at + 8]).longValue();
            rows.add(new Row(keys, incidents, totals(r, at + 1, incidents == killedUnknown), killedUnknown,
                    totals(r, at + 4, incidents == injuredUnknown), injuredUnknown));
        }
        return rows;
    }

    /** A group none of whose incidents has a figure has no totals at all (null), not zeros. */
    private static Totals totals(Object[] r, int at, boolean noneKnown) {
        if (noneKnown) {
            return null;
        }
        return new Totals(((Number) r[at]).longValue(), ((Number) r[at + 1]).longValue(),
                r[at + 2] == null ? null : ((Number) r[at + 2]).longValue());
    }

    /**
     * Adds contributions (negative for what went away) to the roll-up, in the caller's transaction, in key order so
     * that concurrent writers lock rows in the same order.
     */
    void add(SortedMap<Key, Contribution> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            for (Grain grain : Grain.values()) {
                SortedMap<Key, Contribution> ofGrain = new java.util.TreeMap<>();
                deltas.forEach((key, delta) -> {
                    if (key.grain() == grain) {
                        ofGrain.put(key, delta);
                    }
                });
                if (ofGrain.isEmpty()) {
                    continue;
                }
                if (postgres) {
                    upsertBatch(connection, grain, ofGrain);
                } else {
                    updateOrInsert(connection, grain, ofGrain);
                }
            }
        });
    }

    private static String upsert(Grain g) {
        return "insert into " + g.table + " (" + g.keys + ", " + MEASURES + ") values ("
                + placeholders(g.keyCount() + Contribution.COUNT) + ") on conflict (" + g.keys + ") do update set "
                + each(MEASURES, m -> m + " = " + g.table + "." + m + " + excluded." + m, ", ");
    }

    private static String update(Grain g) {
        return "update " + g.table + " set " + each(MEASURES, m -> m + " = " + m + " + ?", ", ") + " where "
                + each(g.keys, k -> k + " = ?", " and ");
    }

    private static String insert(Grain g) {
        return "insert into " + g.table + " (" + g.keys + ", " + MEASURES + ") values ("
                + placeholders(g.keyCount() + Contribution.COUNT) + ")";
    }

    private static String each(String columns, java.util.function.UnaryOperator<String> f, String separator) {
        return java.util.Arrays.stream(columns.split(", ")).map(f).collect(Collectors.joining(separator));
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** PostgreSQL: one batch of INSERT ... ON CONFLICT DO UPDATE, which concurrent inserts of a new key cannot fail. */
    private static void upsertBatch(Connection connection, Grain grain, SortedMap<Key, Contribution> deltas)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(upsert(grain))) {
            for (var delta : deltas.entrySet()) {
                bind(upsert, delta.getKey(), delta.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /**
     * H2: adds to the row by its primary key, or inserts it when there is none. When another transaction inserted
     * the same new key meanwhile, the insert fails on the primary key once that one commits; H2 keeps the
     * transaction, and the update then finds the row.
     */
    private static void updateOrInsert(Connection connection, Grain grain, SortedMap<Key, Contribution> deltas)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(update(grain));
                PreparedStatement insert = connection.prepareStatement(insert(grain))) {
            for (var delta : deltas.entrySet()) {
                long[] m = delta.getValue().measures();
                for (int i = 0; i < m.length; i++) {
                    update.setLong(1 + i, m[i]);
                }
                bindKey(update, m.length + 1, delta.getKey());
                if (update.executeUpdate() == 1) {
                    continue;
                }
                bind(insert, delta.getKey(), delta.getValue());
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    update.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement s, Key key, Contribution c) throws SQLException {
        int next = bindKey(s, 1, key);
        long[] m = c.measures();
        for (int i = 0; i < m.length; i++) {
            s.setLong(next + i, m[i]);
        }
    }

    /** Binds the key's columns of its grain from {@code at}; returns the next parameter index. */
    private static int bindKey(PreparedStatement s, int at, Key key) throws SQLException {
        s.setLong(at, key.perpetratorId());
        s.setString(at + 1, key.countryCode());
        s.setInt(at + 2, key.period());
        if (key.grain().keyCount() == 3) {
            return at + 3;
        }
        s.setString(at + 3, key.typeCode());
        s.setString(at + 4, key.categoryCode());
        s.setString(at + 5, key.claimStatus());
        return at + 6;
    }
}
