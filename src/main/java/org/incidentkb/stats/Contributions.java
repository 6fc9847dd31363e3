package org.incidentkb.stats;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.incidentkb.stats.RollupSchema.Measure;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The roll-up arithmetic, and its only owner: what an incident adds to the roll-up rows ({@link Contribution#add}),
 * what counting an event once changes in it ({@link Contribution#correct}), at which keys of which grains it counts
 * ({@link #spread}), and how rows of contributions read as totals. The write side (an incremental change,
 * {@link StatsRollup}; the corrections, {@link EventRollup}; the rebuild, {@link RollupRebuild}) uses the Java form;
 * the statistics that add incidents to roll-up rows or count incidents directly ({@link StatsQueries}) use the SQL
 * form below, which {@code ContributionsTest} holds equal to the Java one. Pure: no database, no state.
 */
final class Contributions {

    /** The perpetrator_id of the rows that count every incident once. */
    static final long ALL = 0;
    /** The perpetrator_id of incidents without a perpetrator, in the per-perpetrator rows. */
    static final long NO_PERPETRATOR = -1;

    private Contributions() {
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
     * An incident as the roll-ups count it: where it counts ('' for no country or type; {@code month} is
     * {@code year * 100 + month} of its start) and its figures (null when unknown). No perpetrator counts as
     * {@link #NO_PERPETRATOR}.
     */
    record Counted(long id, String country, int month, String type, String category, String claimStatus,
            List<Long> perpetrators, Figures killed, Figures injured) {

        static Counted of(IncidentView v) {
            List<Long> perpetrators = v.actors().stream().filter(a -> a.role() == Role.PERPETRATOR)
                    .map(a -> a.actor().id()).distinct().toList();
            String country = v.location() == null || v.location().countryCode() == null ? ""
                    : v.location().countryCode();
            return new Counted(v.id(), country, Contributions.month(v.startDate()), v.type() == null ? "" : v.type().code(),
                    v.category().code(), v.claimStatus().name(), perpetrators, v.casualtySummary().killed(),
                    v.casualtySummary().injured());
        }
    }

    /**
     * An incident's row in {@code incident_event}: the event it is part of (named by its lead) and, for the lead, the
     * event's figures (null when no member knows them).
     */
    record EventRole(long incidentId, long eventId, Figures killed, Figures injured) {

        boolean leads() {
            return incidentId == eventId;
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

        /** Adds the incident ({@code sign} 1) or takes it away (-1). */
        void add(Counted incident, int sign) {
            measures[0] += sign;
            add(KILLED, KILLED_UNKNOWN, incident.killed(), sign);
            add(INJURED, INJURED_UNKNOWN, incident.injured(), sign);
        }

        /**
         * What {@code dedupe=events} changes in an event member's contribution: a member that is not the lead takes
         * its own away; the lead counts the event's figures in place of its own (unknown only when no member knows).
         */
        void correct(Counted incident, EventRole role, int sign) {
            if (!role.leads()) {
                add(incident, -sign);
                return;
            }
            add(KILLED, KILLED_UNKNOWN, incident.killed(), -sign);
            add(KILLED, KILLED_UNKNOWN, role.killed(), sign);
            add(INJURED, INJURED_UNKNOWN, incident.injured(), -sign);
            add(INJURED, INJURED_UNKNOWN, role.injured(), sign);
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

        void plus(Contribution other) {
            for (int i = 0; i < COUNT; i++) {
                measures[i] += other.measures[i];
            }
        }

        boolean isZero() {
            return Arrays.stream(measures).allMatch(m -> m == 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Contribution c && Arrays.equals(measures, c.measures);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(measures);
        }

        @Override
        public String toString() {
            return Arrays.toString(measures);
        }
    }

    /** An incident before and after a write (either null for a create or a delete), with its event row before it. */
    record Change(Counted before, Counted after, EventRole role) {
    }

    /**
     * What a write changes in the roll-up: the old incidents taken away, the new ones added, at every key of every
     * grain; rows that do not move left out.
     */
    static SortedMap<Key, Contribution> of(List<Change> changes) {
        SortedMap<Key, Contribution> deltas = new TreeMap<>();
        for (Change c : changes) {
            if (c.before() != null) {
                spread(deltas, c.before(), k -> k.add(c.before(), -1));
            }
            if (c.after() != null) {
                spread(deltas, c.after(), k -> k.add(c.after(), 1));
            }
        }
        return withoutZeros(deltas);
    }

    /**
     * What a write changes in the corrections of the events its incidents are in: the corrections of the old
     * incidents taken away and those of the new added, under the events' rows as they stand (the events themselves
     * are then recomputed, which moves the corrections again, {@link EventRollup}).
     */
    static SortedMap<Key, Contribution> corrections(List<Change> changes) {
        SortedMap<Key, Contribution> deltas = new TreeMap<>();
        for (Change c : changes) {
            if (c.role() == null || c.before() == null) {
                continue;
            }
            spread(deltas, c.before(), k -> k.correct(c.before(), c.role(), -1));
            if (c.after() != null) {
                spread(deltas, c.after(), k -> k.correct(c.after(), c.role(), 1));
            }
        }
        return withoutZeros(deltas);
    }

    /** Every roll-up row of these incidents, from nothing (a rebuild). */
    static SortedMap<Key, Contribution> whole(Iterable<Counted> incidents) {
        SortedMap<Key, Contribution> rows = new TreeMap<>();
        for (Counted i : incidents) {
            spread(rows, i, k -> k.add(i, 1));
        }
        return withoutZeros(rows);
    }

    /** Every correction of these event members, from nothing (a rebuild), or taken away ({@code sign} -1). */
    static void correctAll(SortedMap<Key, Contribution> into, Map<Counted, EventRole> members, int sign) {
        members.forEach((incident, role) -> spread(into, incident, k -> k.correct(incident, role, sign)));
    }

    static SortedMap<Key, Contribution> withoutZeros(SortedMap<Key, Contribution> deltas) {
        deltas.values().removeIf(Contribution::isZero);
        return deltas;
    }

    /**
     * Applies {@code what} to the incident's contribution at each of its keys: in every grain, once in the rows that
     * count every incident ({@link #ALL}) and once per perpetrator (or {@link #NO_PERPETRATOR}).
     */
    static void spread(SortedMap<Key, Contribution> deltas, Counted incident, Consumer<Contribution> what) {
        List<Long> perpetrators = incident.perpetrators().isEmpty() ? List.of(NO_PERPETRATOR) : incident.perpetrators();
        for (long perpetrator : perpetrators) {
            spread(deltas, perpetrator, incident, what);
        }
        spread(deltas, ALL, incident, what);
    }

    private static void spread(SortedMap<Key, Contribution> deltas, long perpetrator, Counted v,
            Consumer<Contribution> what) {
        for (Grain g : Grain.values()) {
            Key key = new Key(g, perpetrator, g.byCountry() ? v.country() : "", g.period(v.month()),
                    g.byKind() ? v.type() : "", g.byKind() ? v.category() : "", g.byKind() ? v.claimStatus() : "");
            what.accept(deltas.computeIfAbsent(key, k -> Contribution.zero()));
        }
    }

    static int month(LocalDate date) {
        return date.getYear() * 100 + date.getMonthValue();
    }

    // The same rules in SQL, for the statements that count incidents where no roll-up row holds them.

    /** A figure of an incident counted once per event: the event's (on the lead's row) when it is in one. */
    static Field<Integer> counted(Condition inEvent, Field<Integer> event, Field<Integer> own) {
        return when(inEvent, event).otherwise(own);
    }

    /**
     * One incident's {@link Contribution#add} of a figure as roll-up columns (low, best, high, open), from its low,
     * best and high ({@link #counted} ones for an event's lead), each a bigint.
     */
    static List<Field<?>> measure(Field<Integer> low, Field<Integer> best, Field<Integer> high) {
        return List.of(coalesce(low, inline(0)).cast(Long.class), coalesce(best, inline(0)).cast(Long.class),
                coalesce(high, inline(0)).cast(Long.class),
                when(high.isNull().and(best.isNotNull()), inline(1L)).otherwise(inline(0L)));
    }

    /** One incident's unknown count of a figure: 1 when it has no best. */
    static Field<Long> unknown(Field<Integer> best) {
        return when(best.isNull(), inline(1L)).otherwise(inline(0L));
    }

    /**
     * The totals of a group of incidents counted directly: low and best add the known figures; high is null once
     * any incident has no known high (no figure at all, or a figure without an upper bound).
     */
    static List<Field<?>> totals(Field<Integer> low, Field<Integer> best, Field<Integer> high) {
        return List.of(coalesce(sum(low), inline(BigDecimal.ZERO)), coalesce(sum(best), inline(BigDecimal.ZERO)),
                when(count(high).eq(count()), coalesce(sum(high), inline(BigDecimal.ZERO))));
    }

    /** {@link #totals} of a group of roll-up rows: the high is null when any row counts an open or unknown one. */
    static List<SelectField<?>> sums(String name, Measure m) {
        return List.of(coalesce(sum(m.low()), inline(BigDecimal.ZERO)).as(name + "_low"),
                coalesce(sum(m.best()), inline(BigDecimal.ZERO)).as(name + "_best"),
                when(sum(m.open()).plus(sum(m.unknown())).gt(inline(BigDecimal.ZERO)),
                        DSL.<BigDecimal>castNull(SQLDataType.DECIMAL))
                        .otherwise(coalesce(sum(m.high()), inline(BigDecimal.ZERO))).as(name + "_high"),
                coalesce(sum(m.unknown()), inline(BigDecimal.ZERO)).as(name + "_unknown"));
    }

    /** {@link #sums} of one row, which is its group. */
    static List<SelectField<?>> measures(String name, Measure m) {
        return List.of(m.low().as(name + "_low"), m.best().as(name + "_best"),
                when(m.open().plus(m.unknown()).gt(inline(0L)), DSL.<Long>castNull(SQLDataType.BIGINT))
                        .otherwise(m.high()).as(name + "_high"),
                m.unknown().as(name + "_unknown"));
    }
}
