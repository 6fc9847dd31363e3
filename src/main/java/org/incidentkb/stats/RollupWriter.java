package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.incidentkb.common.Database;
import org.incidentkb.stats.Contributions.Contribution;
import org.incidentkb.stats.Contributions.Key;

/**
 * Writes the roll-up tables' changes: per grain, one upsert of all its rows on PostgreSQL, an update-or-insert per
 * row on H2. Plain JDBC statements, built once per grain from its key columns (its table named by the generated
 * schema, {@link Grain}), on purpose: PostgreSQL's is one {@code insert ... select from unnest(arrays) on conflict}
 * whatever the batch's size (one plan, one round trip; jOOQ has no typed multi-array unnest), and H2's must survive a
 * concurrent insert of the same new key, which a MERGE does not (docs/adr/0010).
 */
@ApplicationScoped
public class RollupWriter {

    /** The roll-up's measure columns, in the order of {@link Contributions.Contribution}. */
    static final String MEASURES = "incidents, killed_low, killed_best, killed_high, killed_open, injured_low,"
            + " injured_best, injured_high, injured_open, killed_unknown, injured_unknown";

    private final EntityManager em;
    private final boolean postgres;

    public RollupWriter(EntityManager em, Database database) {
        this.em = em;
        this.postgres = database.isPostgres();
    }

    /**
     * Adds contributions (negative for what went away) to the roll-up, or with {@code events} to its corrections for
     * {@code dedupe=events}, in the caller's transaction, in key order so that concurrent writers lock rows in the
     * same order.
     */
    void add(SortedMap<Key, Contribution> deltas, boolean events) {
        if (!deltas.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> add(connection, deltas, events));
        }
    }

    /** {@link #add(SortedMap, boolean)} on the caller's connection. */
    void add(Connection connection, SortedMap<Key, Contribution> deltas, boolean events) throws SQLException {
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
            String table = events ? grain.eventTable : grain.table;
            if (postgres) {
                upsertBatch(connection, table, grain, ofGrain);
            } else {
                updateOrInsert(connection, table, grain, ofGrain);
            }
        }
    }

    /**
     * PostgreSQL: every row of a batch in one statement, its columns as arrays unnested into rows (in the arrays'
     * order, the keys' order), each added to the row of its key or inserted.
     */
    private static String upsert(String table, Grain g) {
        String keyTypes = "bigint[]" + (g.byCountry() ? ", text[]" : "") + ", int[]"
                + (g.byKind() ? ", text[], text[], text[]" : "");
        String arrays = each(keyTypes + ", " + String.join(", ", java.util.Collections.nCopies(Contribution.COUNT,
                "bigint[]")), type -> "cast(? as " + type + ")", ", ");
        return "insert into " + table + " (" + g.keys + ", " + MEASURES + ") select * from unnest(" + arrays
                + ") on conflict (" + g.keys + ") do update set "
                + each(MEASURES, m -> m + " = " + table + "." + m + " + excluded." + m, ", ");
    }

    private static String update(String table, Grain g) {
        return "update " + table + " set " + each(MEASURES, m -> m + " = " + m + " + ?", ", ") + " where "
                + each(g.keys, k -> k + " = ?", " and ");
    }

    private static String insert(String table, Grain g) {
        return "insert into " + table + " (" + g.keys + ", " + MEASURES + ") values ("
                + placeholders(g.keyCount() + Contribution.COUNT) + ")";
    }

    private static String each(String columns, java.util.function.UnaryOperator<String> f, String separator) {
        return java.util.Arrays.stream(columns.split(", ")).map(f).collect(Collectors.joining(separator));
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** PostgreSQL: one INSERT ... ON CONFLICT DO UPDATE, which concurrent inserts of a new key cannot fail. */
    private static void upsertBatch(Connection connection, String table, Grain grain,
            SortedMap<Key, Contribution> deltas) throws SQLException {
        int n = deltas.size();
        Long[] perpetrators = new Long[n];
        String[] countries = new String[n];
        Integer[] periods = new Integer[n];
        String[] types = new String[n];
        String[] categories = new String[n];
        String[] claimStatuses = new String[n];
        Long[][] measures = new Long[Contribution.COUNT][n];
        int row = 0;
        for (var delta : deltas.entrySet()) {
            Key key = delta.getKey();
            perpetrators[row] = key.perpetratorId();
            countries[row] = key.countryCode();
            periods[row] = key.period();
            types[row] = key.typeCode();
            categories[row] = key.categoryCode();
            claimStatuses[row] = key.claimStatus();
            long[] m = delta.getValue().measures();
            for (int i = 0; i < m.length; i++) {
                measures[i][row] = m[i];
            }
            row++;
        }
        java.util.List<java.sql.Array> columns = new java.util.ArrayList<>();
        columns.add(connection.createArrayOf("bigint", perpetrators));
        if (grain.byCountry()) {
            columns.add(connection.createArrayOf("text", countries));
        }
        columns.add(connection.createArrayOf("int4", periods));
        if (grain.byKind()) {
            columns.add(connection.createArrayOf("text", types));
            columns.add(connection.createArrayOf("text", categories));
            columns.add(connection.createArrayOf("text", claimStatuses));
        }
        for (Long[] measure : measures) {
            columns.add(connection.createArrayOf("bigint", measure));
        }
        try (PreparedStatement upsert = connection.prepareStatement(upsert(table, grain))) {
            for (int i = 0; i < columns.size(); i++) {
                upsert.setArray(i + 1, columns.get(i));
            }
            upsert.executeUpdate();
        }
    }

    /**
     * H2: adds to the row by its primary key, or inserts it when there is none. When another transaction inserted
     * the same new key meanwhile, the insert fails on the primary key once that one commits; H2 keeps the
     * transaction, and the update then finds the row.
     */
    private static void updateOrInsert(Connection connection, String table, Grain grain,
            SortedMap<Key, Contribution> deltas) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(update(table, grain));
                PreparedStatement insert = connection.prepareStatement(insert(table, grain))) {
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
        int next = at;
        s.setLong(next++, key.perpetratorId());
        if (key.grain().byCountry()) {
            s.setString(next++, key.countryCode());
        }
        s.setInt(next++, key.period());
        if (!key.grain().byKind()) {
            return next;
        }
        s.setString(next++, key.typeCode());
        s.setString(next++, key.categoryCode());
        s.setString(next++, key.claimStatus());
        return next;
    }
}
