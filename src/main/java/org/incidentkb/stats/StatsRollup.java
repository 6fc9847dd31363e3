package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.incidentkb.common.Figures;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.write.IncidentsChanged;
import org.incidentkb.incident.write.Projection;

/**
 * Keeps the statistics roll-ups current (incident_rollup, V8; incident_rollup_country, V10; incident_rollup_year,
 * V12; incident_rollup_perpetrator_year, V30): every write to incidents takes the old incidents' contributions away and adds the new ones', in the write's
 * transaction; for an incident of an event, its correction for {@code dedupe=events} ({@link EventRollup}) moves the
 * same way. Also says which statistics the roll-ups can answer, and from which.
 */
@ApplicationScoped
public class StatsRollup implements Projection {

    /** The perpetrator_id of the rows that count every incident once. */
    static final long ALL = 0;
    /** The perpetrator_id of incidents without a perpetrator, in the per-perpetrator rows. */
    static final long NO_PERPETRATOR = -1;

    private final RollupWriter writer;
    private final EventRollup events;

    public StatsRollup(RollupWriter writer, EventRollup events) {
        this.writer = writer;
        this.events = events;
    }

    /**
     * The roll-up tables, finest first, with their key columns: the incidents' (V8, V10, V12, V30) and, with the same
     * columns, the corrections that {@code dedupe=events} adds to them (V22, V30).
     */
    enum Grain {
        /** incident_rollup (V8): by type, category and claim status too. */
        FINE("incident_rollup", "event_rollup",
                "perpetrator_id, country_code, period, type_code, category_code, claim_status"),
        /** incident_rollup_country (V10): by perpetrator, country and month only. */
        COUNTRY_MONTH("incident_rollup_country", "event_rollup_country", "perpetrator_id, country_code, period"),
        /** incident_rollup_year (V12): by perpetrator, country and year (period = year * 100 + 12). */
        COUNTRY_YEAR("incident_rollup_year", "event_rollup_year", "perpetrator_id, country_code, period"),
        /** incident_rollup_perpetrator_year (V30): by perpetrator and year, every country together. */
        PERPETRATOR_YEAR("incident_rollup_perpetrator_year", "event_rollup_perpetrator_year", "perpetrator_id, period");

        final String table;
        final String eventTable;
        final String keys;

        Grain(String table, String eventTable, String keys) {
            this.table = table;
            this.eventTable = eventTable;
            this.keys = keys;
        }

        int keyCount() {
            return keys.split(", ").length;
        }

        /** Whether the grain keeps the country (all but {@link #PERPETRATOR_YEAR}). */
        boolean byCountry() {
            return this != PERPETRATOR_YEAR;
        }

        /** Whether the grain keeps whole years, its period year * 100 + 12. */
        boolean byYear() {
            return this == COUNTRY_YEAR || this == PERPETRATOR_YEAR;
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

        void add(Counted incident, int sign) {
            measures[0] += sign;
            add(KILLED, KILLED_UNKNOWN, incident.killed(), sign);
            add(INJURED, INJURED_UNKNOWN, incident.injured(), sign);
        }

        /**
         * What {@code dedupe=events} changes in an event member's contribution: a member that is not the lead takes
         * its own away; the lead counts the event's low and high in place of its own (its best and whether its figure
         * is known stay its own), and reports no high when the event has none.
         */
        void correct(Counted incident, EventRole role, int sign) {
            if (!role.leads()) {
                add(incident, -sign);
                return;
            }
            replaceRange(KILLED, incident.killed(), role.killedLow(), role.killedHigh(), sign);
            replaceRange(INJURED, incident.injured(), role.injuredLow(), role.injuredHigh(), sign);
        }

        private void replaceRange(int at, Figures own, Integer low, Integer high, int sign) {
            measures[at] += sign * ((long) nonNull(low) - (own == null ? 0 : own.low()));
            measures[at + 2] += sign * ((long) nonNull(high) - (own == null ? 0 : nonNull(own.high())));
            // open + unknown counts the incidents without a known high: the event's instead of the lead's own
            measures[at + 3] += sign * ((high == null ? 1 : 0) - (own == null || own.high() == null ? 1 : 0));
        }

        private static int nonNull(Integer value) {
            return value == null ? 0 : value;
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

    /**
     * An incident as the roll-ups count it: where it counts ('' for no country or type; no perpetrator counts as
     * {@link #NO_PERPETRATOR}) and its figures (null when unknown).
     */
    record Counted(long id, String country, int period, String type, String category, String claimStatus,
            List<Long> perpetrators, Figures killed, Figures injured) {

        static Counted of(IncidentView v) {
            List<Long> perpetrators = v.actors().stream().filter(a -> a.role() == Role.PERPETRATOR)
                    .map(a -> a.actor().id()).distinct().toList();
            String country = v.location() == null || v.location().countryCode() == null ? ""
                    : v.location().countryCode();
            return new Counted(v.id(), country, StatsRollup.period(v.startDate()), v.type() == null ? "" : v.type().code(),
                    v.category().code(), v.claimStatus().name(), perpetrators, v.casualtySummary().killed(),
                    v.casualtySummary().injured());
        }
    }

    /**
     * An incident's row in {@code incident_event}: the event it is part of (named by its lead) and, for the lead, the
     * event's reconciled low and high figures.
     */
    record EventRole(long incidentId, long eventId, Integer killedLow, Integer killedHigh, Integer injuredLow,
            Integer injuredHigh) {

        boolean leads() {
            return incidentId == eventId;
        }
    }

    @Override
    public Projection.Step step() {
        return Projection.Step.ROLLUPS;
    }

    @Override
    public void apply(IncidentsChanged change) {
        SortedMap<Key, Contribution> deltas = new TreeMap<>();
        for (IncidentView v : change.befores()) {
            Counted before = Counted.of(v);
            add(deltas, before, c -> c.add(before, -1));
        }
        for (IncidentView v : change.afters()) {
            Counted after = Counted.of(v);
            add(deltas, after, c -> c.add(after, 1));
        }
        deltas.values().removeIf(Contribution::isZero);
        writer.add(deltas, false);
        // An incident of an event moves its correction along (EventGroups then recomputes the event if need be).
        Map<Long, EventRole> roles = events.roles(change.befores().stream().map(IncidentView::id).toList());
        if (roles.isEmpty()) {
            return;
        }
        SortedMap<Key, Contribution> corrections = new TreeMap<>();
        for (IncidentsChanged.Change c : change.changes()) {
            EventRole role = c.before() == null ? null : roles.get(c.before().id());
            if (role != null) {
                Counted before = Counted.of(c.before());
                add(corrections, before, k -> k.correct(before, role, -1));
                if (c.after() != null) {
                    Counted after = Counted.of(c.after());
                    add(corrections, after, k -> k.correct(after, role, 1));
                }
            }
        }
        corrections.values().removeIf(Contribution::isZero);
        writer.add(corrections, true);
    }

    /** Applies {@code what} to the incident's contribution at each of its keys, in each grain. */
    static void add(SortedMap<Key, Contribution> deltas, Counted incident,
            Consumer<Contribution> what) {
        List<Long> perpetrators = incident.perpetrators().isEmpty() ? List.of(NO_PERPETRATOR) : incident.perpetrators();
        for (long perpetrator : perpetrators) {
            key(deltas, perpetrator, incident, what);
        }
        key(deltas, ALL, incident, what);
    }

    private static void key(SortedMap<Key, Contribution> deltas, long perpetrator, Counted v,
            Consumer<Contribution> what) {
        what.accept(deltas.computeIfAbsent(new Key(Grain.FINE, perpetrator, v.country(), v.period(), v.type(),
                v.category(), v.claimStatus()), k -> Contribution.zero()));
        what.accept(deltas.computeIfAbsent(new Key(Grain.COUNTRY_MONTH, perpetrator, v.country(), v.period(), "", "",
                ""), k -> Contribution.zero()));
        int yearEnd = v.period() / 100 * 100 + 12;
        what.accept(deltas.computeIfAbsent(new Key(Grain.COUNTRY_YEAR, perpetrator, v.country(), yearEnd, "", "", ""),
                k -> Contribution.zero()));
        what.accept(deltas.computeIfAbsent(new Key(Grain.PERPETRATOR_YEAR, perpetrator, "", yearEnd, "", "", ""),
                k -> Contribution.zero()));
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
                && (f.from() == null || f.from().getDayOfYear() == 1)
                && (f.to() == null || (f.to().getMonthValue() == 12 && f.to().getDayOfMonth() == 31));
        if (!wholeYears) {
            return Grain.COUNTRY_MONTH;
        }
        return f.countries().isEmpty() && !groupBy.contains(Dimension.COUNTRY) ? Grain.PERPETRATOR_YEAR
                : Grain.COUNTRY_YEAR;
    }

    /**
     * Whether the roll-up answers these statistics: groups other than admin1, and filters on country, category,
     * type and claim status only, or also a {@code from} date at the start of a month (the months from then on, and
     * the incidents still going on then that started earlier, read from the incidents) and a {@code to} date at the
     * end of a month (incidents starting by then). Anything else is counted from the incidents. With
     * {@code dedupe=events} the roll-up's corrections (V22) are added to it.
     */
    static boolean answers(IncidentFilter f, List<Dimension> groupBy) {
        return !groupBy.contains(Dimension.ADMIN1)
                && (f.from() == null || f.from().getDayOfMonth() == 1)
                && (f.to() == null || f.to().equals(YearMonth.from(f.to()).atEndOfMonth()))
                && f.admin1().isEmpty() && f.involvements().isEmpty() && f.claimedBy().isEmpty()
                && f.minKilled() == null && f.maxKilled() == null && f.minInjured() == null && f.maxInjured() == null
                && f.bbox() == null && f.near() == null && f.text() == null && f.tags().isEmpty()
                && f.publishers().isEmpty() && f.externalRefs().isEmpty() && f.updatedSince() == null
                && f.ids().isEmpty();
    }
}
