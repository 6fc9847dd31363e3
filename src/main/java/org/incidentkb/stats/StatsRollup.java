package org.incidentkb.stats;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.incidentkb.common.Figures;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.write.IncidentsChanged;

/**
 * Keeps the statistics roll-ups current (incident_rollup, V8; incident_rollup_country, V10; incident_rollup_year,
 * V12): every write
 * to incidents takes the old incidents' contributions away and adds the new ones', in the write's transaction. Also
 * says which statistics the roll-ups can answer, and from which.
 */
@ApplicationScoped
public class StatsRollup {

    /** The perpetrator_id of the rows that count every incident once. */
    static final long ALL = 0;
    /** The perpetrator_id of incidents without a perpetrator, in the per-perpetrator rows. */
    static final long NO_PERPETRATOR = -1;

    private final RollupWriter writer;

    public StatsRollup(RollupWriter writer) {
        this.writer = writer;
    }

    /** The roll-up tables, finest first, with their key columns. */
    enum Grain {
        /** incident_rollup (V8): by type, category and claim status too. */
        FINE("incident_rollup", "perpetrator_id, country_code, period, type_code, category_code, claim_status"),
        /** incident_rollup_country (V10): by perpetrator, country and month only. */
        COUNTRY_MONTH("incident_rollup_country", "perpetrator_id, country_code, period"),
        /** incident_rollup_year (V12): by perpetrator, country and year (period = year * 100 + 12). */
        COUNTRY_YEAR("incident_rollup_year", "perpetrator_id, country_code, period");

        final String table;
        final String keys;

        Grain(String table, String keys) {
            this.table = table;
            this.keys = keys;
        }

        int keyCount() {
            return keys.split(", ").length;
        }
    }

    /** A roll-up row's key; '' stands for no country or no type; a coarser grain leaves the finer parts ''. */
    record Key(Grain grain, long perpetratorId, String countryCode, int period, String typeCode, String categoryCode,
            String claimStatus) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::grain)
                .thenComparingLong(Key::perpetratorId).thenComparing(Key::countryCode).thenComparingInt(Key::period)
                .thenComparing(Key::typeCode).thenComparing(Key::categoryCode).thenComparing(Key::claimStatus);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * What incidents add to a row, in the order of {@link RollupWriter#MEASURES}: incidents; killed low, best,
     * high (known highs) and open (a best without a high); the same for injured; then the incidents whose killed and
     * whose injured figure is unknown.
     */
    record Contribution(long[] measures) {

        static final int KILLED = 1;
        static final int INJURED = 5;
        static final int KILLED_UNKNOWN = 9;
        static final int INJURED_UNKNOWN = 10;
        static final int COUNT = 11;

        static Contribution zero() {
            return new Contribution(new long[COUNT]);
        }

        void add(IncidentView incident, int sign) {
            measures[0] += sign;
            add(KILLED, KILLED_UNKNOWN, incident.casualtySummary().killed(), sign);
            add(INJURED, INJURED_UNKNOWN, incident.casualtySummary().injured(), sign);
        }

        private void add(int at, int unknownAt, Figures f, int sign) {
            if (f == null) {
                measures[unknownAt] += sign;
                return;
            }
            measures[at] += sign * (long) f.low();
            measures[at + 1] += sign * (long) f.best();
            measures[at + 2] += f.high() == null ? 0 : sign * (long) f.high();
            measures[at + 3] += f.high() == null ? sign : 0;
        }

        boolean isZero() {
            return Arrays.stream(measures).allMatch(m -> m == 0);
        }
    }

    void onChange(@Observes @Priority(3) IncidentsChanged change) {
        SortedMap<Key, Contribution> deltas = new TreeMap<>();
        change.befores().forEach(v -> add(deltas, v, -1));
        change.afters().forEach(v -> add(deltas, v, 1));
        deltas.values().removeIf(Contribution::isZero);
        writer.add(deltas);
    }

    private static void add(SortedMap<Key, Contribution> deltas, IncidentView v, int sign) {
        String country = v.location() == null || v.location().countryCode() == null ? "" : v.location().countryCode();
        String type = v.type() == null ? "" : v.type().code();
        int period = period(v.startDate());
        List<Long> perpetrators = v.actors().stream().filter(a -> a.role() == Role.PERPETRATOR)
                .map(a -> a.actor().id()).distinct().toList();
        for (long perpetrator : perpetrators.isEmpty() ? List.of(NO_PERPETRATOR) : perpetrators) {
            key(deltas, perpetrator, country, period, type, v, sign);
        }
        key(deltas, ALL, country, period, type, v, sign);
    }

    private static void key(SortedMap<Key, Contribution> deltas, long perpetrator, String country, int period,
            String type, IncidentView v, int sign) {
        deltas.computeIfAbsent(new Key(Grain.FINE, perpetrator, country, period, type, v.category().code(),
                v.claimStatus().name()), k -> Contribution.zero()).add(v, sign);
        deltas.computeIfAbsent(new Key(Grain.COUNTRY_MONTH, perpetrator, country, period, "", "", ""),
                k -> Contribution.zero()).add(v, sign);
        deltas.computeIfAbsent(new Key(Grain.COUNTRY_YEAR, perpetrator, country, period / 100 * 100 + 12, "", "", ""),
                k -> Contribution.zero()).add(v, sign);
    }

    static int period(LocalDate date) {
        return date.getYear() * 100 + date.getMonthValue();
    }

    /** The coarsest roll-up that answers these statistics (which {@link #answers} must allow). */
    static Grain grain(IncidentFilter f, List<Dimension> groupBy) {
        boolean coarse = f.categories().isEmpty() && f.types().isEmpty() && f.claimStatuses().isEmpty()
                && groupBy.stream().allMatch(d -> d == Dimension.YEAR || d == Dimension.MONTH
                        || d == Dimension.COUNTRY || d == Dimension.PERPETRATOR);
        if (!coarse) {
            return Grain.FINE;
        }
        boolean wholeYears = !groupBy.contains(Dimension.MONTH)
                && (f.to() == null || (f.to().getMonthValue() == 12 && f.to().getDayOfMonth() == 31));
        return wholeYears ? Grain.COUNTRY_YEAR : Grain.COUNTRY_MONTH;
    }

    /**
     * Whether the roll-up answers these statistics: groups other than admin1, and filters on country, category,
     * type and claim status only, or also a {@code to} date at the end of a month (incidents starting by then).
     * Anything else ({@code from} includes incidents that started earlier and are still going on) is counted from
     * the incidents, and so is {@code dedupe=events} (the roll-up counts incidents, not events).
     */
    static boolean answers(IncidentFilter f, List<Dimension> groupBy) {
        return !groupBy.contains(Dimension.ADMIN1)
                && f.from() == null && (f.to() == null || f.to().equals(YearMonth.from(f.to()).atEndOfMonth()))
                && f.admin1().isEmpty() && f.involvements().isEmpty() && f.claimedBy().isEmpty()
                && f.minKilled() == null && f.maxKilled() == null && f.minInjured() == null && f.maxInjured() == null
                && f.bbox() == null && f.near() == null && f.text() == null && f.tags().isEmpty()
                && f.publishers().isEmpty() && f.externalRefs().isEmpty() && f.updatedSince() == null
                && !f.dedupeEvents() && f.ids().isEmpty();
    }
}
