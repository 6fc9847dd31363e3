package org.incidentkb.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * Reads what a matching run compares, column by column, in one pass over the incidents (with their external
 * references, for the dataset) and one over their actors: only incidents with coordinates and from one known
 * dataset, within the run's scope.
 */
@ApplicationScoped
class MatchingData {

    private final EntityManager em;

    MatchingData(EntityManager em) {
        this.em = em;
    }

    /** A run's scope: country, first and last start day (each optional); focus null means every incident. */
    record Scope(String country, LocalDate from, LocalDate to, Set<Long> focus) {
    }

    Matcher.Incidents load(Scope scope) {
        return em.unwrap(Session.class).doReturningWork(c -> read(c, scope));
    }

    private static Matcher.Incidents read(Connection c, Scope scope) throws SQLException {
        StringBuilder where = new StringBuilder(" where i.latitude is not null and i.longitude is not null");
        List<Object> params = new ArrayList<>();
        if (scope.country() != null) {
            where.append(" and i.country_code = ?");
            params.add(scope.country());
        }
        if (scope.from() != null) {
            where.append(" and i.start_date >= ?");
            params.add(scope.from());
        }
        if (scope.to() != null) {
            where.append(" and i.start_date <= ?");
            params.add(scope.to());
        }
        Columns cols = new Columns();
        try (PreparedStatement s = c.prepareStatement("select i.id, i.start_date, i.latitude, i.longitude, i.type_code,"
                + " i.category_code, r.dataset from incident i join incident_external_ref r on r.incident_id = i.id"
                + where + " order by i.id")) {
            bind(s, params);
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                long current = Long.MIN_VALUE;
                String dataset = null;
                boolean mixed = false;
                Object[] row = null;
                while (r.next()) {
                    long id = r.getLong(1);
                    String ds = r.getString(7);
                    if (id != current) {
                        if (row != null && !mixed) {
                            cols.add(row, dataset, scope.focus());
                        }
                        current = id;
                        dataset = ds;
                        mixed = false;
                        row = new Object[] { id, r.getObject(2, LocalDate.class), r.getDouble(3), r.getDouble(4),
                                r.getString(5), r.getString(6) };
                    } else if (!ds.equals(dataset)) {
                        mixed = true;
                    }
                }
                if (row != null && !mixed) {
                    cols.add(row, dataset, scope.focus());
                }
            }
        }
        long[] ids = Arrays.copyOf(cols.id, cols.size);
        int[] actorStart = new int[cols.size + 1];
        long[] actors = new long[Math.max(16, cols.size)];
        int count = 0;
        try (PreparedStatement s = c.prepareStatement("select a.incident_id, a.actor_id from incident_actor a"
                + " join incident i on i.id = a.incident_id" + where + " order by a.incident_id, a.actor_id")) {
            bind(s, params);
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                int at = 0; // incidents whose actors are all read: those before position `at`
                long previousIncident = Long.MIN_VALUE;
                long previousActor = Long.MIN_VALUE;
                while (r.next()) {
                    long incident = r.getLong(1);
                    long actor = r.getLong(2);
                    int k = Arrays.binarySearch(ids, incident);
                    if (k < 0 || incident == previousIncident && actor == previousActor) {
                        continue;
                    }
                    while (at <= k) {
                        actorStart[at++] = count;
                    }
                    if (count == actors.length) {
                        actors = Arrays.copyOf(actors, actors.length * 2);
                    }
                    actors[count++] = actor;
                    previousIncident = incident;
                    previousActor = actor;
                }
                while (at <= cols.size) {
                    actorStart[at++] = count;
                }
            }
        }
        return new Matcher.Incidents(ids, Arrays.copyOf(cols.dataset, cols.size), Arrays.copyOf(cols.day, cols.size),
                Arrays.copyOf(cols.lat, cols.size), Arrays.copyOf(cols.lon, cols.size),
                Arrays.copyOf(cols.kinds, cols.size), actorStart, Arrays.copyOf(actors, count),
                Arrays.copyOf(cols.focus, cols.size));
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }

    /** Columns growing as rows are read. */
    private static final class Columns {
        long[] id = new long[1024];
        byte[] dataset = new byte[1024];
        int[] day = new int[1024];
        double[] lat = new double[1024];
        double[] lon = new double[1024];
        int[] kinds = new int[1024];
        boolean[] focus = new boolean[1024];
        int size;

        void add(Object[] row, String ds, Set<Long> focusIds) {
            int index = Matcher.DATASETS.indexOf(ds);
            if (index < 0) {
                return;
            }
            if (size == id.length) {
                int grown = size * 2;
                id = Arrays.copyOf(id, grown);
                dataset = Arrays.copyOf(dataset, grown);
                day = Arrays.copyOf(day, grown);
                lat = Arrays.copyOf(lat, grown);
                lon = Arrays.copyOf(lon, grown);
                kinds = Arrays.copyOf(kinds, grown);
                focus = Arrays.copyOf(focus, grown);
            }
            long incident = (Long) row[0];
            id[size] = incident;
            dataset[size] = (byte) index;
            day[size] = (int) ((LocalDate) row[1]).toEpochDay();
            lat[size] = (Double) row[2];
            lon[size] = (Double) row[3];
            kinds[size] = MatchingTaxonomy.kinds(ds, (String) row[4], (String) row[5]);
            focus[size] = focusIds == null || focusIds.contains(incident);
            size++;
        }
    }
}
