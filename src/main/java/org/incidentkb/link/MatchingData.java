package org.incidentkb.link;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.incidentkb.common.Database;
import org.incidentkb.common.schema.Tables;
import org.incidentkb.common.schema.tables.Incident;
import org.incidentkb.common.schema.tables.IncidentActor;
import org.incidentkb.common.schema.tables.IncidentExternalRef;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.GeoPrecision;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Reads what a matching run compares, column by column, in one pass over the incidents (with their external
 * references, for the dataset) and one over their actors: only incidents with coordinates, from one known dataset,
 * placed more precisely than their country and dated more precisely than their year ({@link Matcher.Precision}),
 * within the run's scope.
 */
@ApplicationScoped
class MatchingData {

    private static final Incident I = Tables.INCIDENT;
    private static final IncidentExternalRef REF = Tables.INCIDENT_EXTERNAL_REF;
    private static final IncidentActor PART = Tables.INCIDENT_ACTOR;

    private final Database database;

    MatchingData(Database database) {
        this.database = database;
    }

    /** A run's scope: country, first and last start day (each optional); focus null means every incident. */
    record Scope(String country, LocalDate from, LocalDate to, Set<Long> focus) {
    }

    Matcher.Incidents load(Scope scope) {
        List<Condition> where = new ArrayList<>(List.of(I.LATITUDE.isNotNull(), I.LONGITUDE.isNotNull()));
        if (scope.country() != null) {
            where.add(I.COUNTRY_CODE.eq(scope.country()));
        }
        if (scope.from() != null) {
            where.add(I.START_DATE.ge(scope.from()));
        }
        if (scope.to() != null) {
            where.add(I.START_DATE.le(scope.to()));
        }
        Condition inScope = DSL.and(where);
        Columns cols = new Columns();
        database.read(sql -> {
            try (Cursor<? extends Record> rows = sql.select(I.ID, I.START_DATE, I.END_DATE, I.DATE_PRECISION,
                    I.LATITUDE, I.LONGITUDE, I.GEO_PRECISION, I.TYPE_CODE, I.CATEGORY_CODE, I.KILLED_BEST, REF.DATASET)
                    .from(I).join(REF).on(REF.INCIDENT_ID.eq(I.ID)).where(inScope).orderBy(I.ID).fetchSize(10_000)
                    .fetchLazy()) {
                Record row = null;
                boolean mixed = false;
                for (Record r : rows) {
                    if (row != null && r.get(I.ID).equals(row.get(I.ID))) {
                        mixed |= !r.get(REF.DATASET).equals(row.get(REF.DATASET));
                        continue;
                    }
                    if (row != null && !mixed) {
                        cols.add(row, scope.focus());
                    }
                    row = r;
                    mixed = false;
                }
                if (row != null && !mixed) {
                    cols.add(row, scope.focus());
                }
            }
            return null;
        });
        long[] ids = Arrays.copyOf(cols.id, cols.size);
        int[] actorStart = new int[cols.size + 1];
        long[][] actors = { new long[Math.max(16, cols.size)] };
        int[] count = { 0 };
        database.read(sql -> {
            try (Cursor<Record2<Long, Long>> rows = sql.select(PART.INCIDENT_ID, PART.ACTOR_ID).from(PART).join(I)
                    .on(I.ID.eq(PART.INCIDENT_ID)).where(inScope).orderBy(PART.INCIDENT_ID, PART.ACTOR_ID)
                    .fetchSize(10_000).fetchLazy()) {
                int at = 0; // incidents whose actors are all read: those before position `at`
                long previousIncident = Long.MIN_VALUE;
                long previousActor = Long.MIN_VALUE;
                for (Record2<Long, Long> r : rows) {
                    long incident = r.value1();
                    long actor = r.value2();
                    int k = Arrays.binarySearch(ids, incident);
                    if (k < 0 || incident == previousIncident && actor == previousActor) {
                        continue;
                    }
                    while (at <= k) {
                        actorStart[at++] = count[0];
                    }
                    if (count[0] == actors[0].length) {
                        actors[0] = Arrays.copyOf(actors[0], actors[0].length * 2);
                    }
                    actors[0][count[0]++] = actor;
                    previousIncident = incident;
                    previousActor = actor;
                }
                while (at <= cols.size) {
                    actorStart[at++] = count[0];
                }
            }
            return null;
        });
        int n = cols.size;
        return new Matcher.Incidents(ids, Arrays.copyOf(cols.dataset, n), Arrays.copyOf(cols.first, n),
                Arrays.copyOf(cols.last, n), Arrays.copyOf(cols.lat, n), Arrays.copyOf(cols.lon, n),
                Arrays.copyOf(cols.radius, n), Arrays.copyOf(cols.kinds, n), Arrays.copyOf(cols.killed, n),
                actorStart, Arrays.copyOf(actors[0], count[0]), Arrays.copyOf(cols.focus, n));
    }

    /** Columns growing as rows are read. */
    private static final class Columns {
        long[] id = new long[1024];
        byte[] dataset = new byte[1024];
        int[] first = new int[1024];
        int[] last = new int[1024];
        double[] lat = new double[1024];
        double[] lon = new double[1024];
        float[] radius = new float[1024];
        int[] kinds = new int[1024];
        int[] killed = new int[1024];
        boolean[] focus = new boolean[1024];
        int size;

        void add(Record row, Set<Long> focusIds) {
            String ds = row.get(REF.DATASET);
            int index = Matcher.DATASETS.indexOf(ds);
            GeoPrecision geo = row.get(I.GEO_PRECISION) == null ? GeoPrecision.EXACT
                    : GeoPrecision.valueOf(row.get(I.GEO_PRECISION));
            DatePrecision date = DatePrecision.valueOf(row.get(I.DATE_PRECISION));
            int[] days = Matcher.Precision.days(row.get(I.START_DATE), row.get(I.END_DATE), date);
            if (index < 0 || days == null || !Matcher.Precision.matchable(geo)) {
                return;
            }
            if (size == id.length) {
                int grown = size * 2;
                id = Arrays.copyOf(id, grown);
                dataset = Arrays.copyOf(dataset, grown);
                first = Arrays.copyOf(first, grown);
                last = Arrays.copyOf(last, grown);
                lat = Arrays.copyOf(lat, grown);
                lon = Arrays.copyOf(lon, grown);
                radius = Arrays.copyOf(radius, grown);
                kinds = Arrays.copyOf(kinds, grown);
                killed = Arrays.copyOf(killed, grown);
                focus = Arrays.copyOf(focus, grown);
            }
            long incident = row.get(I.ID);
            id[size] = incident;
            dataset[size] = (byte) index;
            first[size] = days[0];
            last[size] = days[1];
            lat[size] = row.get(I.LATITUDE);
            lon[size] = row.get(I.LONGITUDE);
            radius[size] = (float) Matcher.Precision.radiusKm(geo);
            kinds[size] = MatchingTaxonomy.kinds(ds, row.get(I.TYPE_CODE), row.get(I.CATEGORY_CODE));
            killed[size] = row.get(I.KILLED_BEST) == null ? -1 : row.get(I.KILLED_BEST);
            focus[size] = focusIds == null || focusIds.contains(incident);
            size++;
        }
    }
}
