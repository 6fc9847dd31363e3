package org.incidentkb.stats;

import static org.incidentkb.incident.query.IncidentSchema.EVENT;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_ID;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.CATEGORY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.COUNTRY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.ID;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.INJURED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.INJURED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.INJURED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.KILLED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.KILLED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.KILLED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.PERPETRATOR;
import static org.incidentkb.incident.query.IncidentSchema.PERPETRATOR_ID;
import static org.incidentkb.incident.query.IncidentSchema.PERPETRATOR_PART;
import static org.incidentkb.incident.query.IncidentSchema.PERPETRATOR_PART_ACTOR;
import static org.incidentkb.incident.query.IncidentSchema.PERPETRATOR_PART_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.PERPETRATOR_PART_ROLE;
import static org.incidentkb.incident.query.IncidentSchema.START_DATE;
import static org.incidentkb.incident.query.IncidentSchema.TYPE_CODE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentkb.common.Database;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentQueries;
import org.incidentkb.incident.query.IncidentSchema;
import org.incidentkb.stats.RollupSchema.Measure;
import org.incidentkb.stats.StatsApi.Row;
import org.incidentkb.stats.StatsApi.Totals;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The aggregations behind /stats, as one statement: over a roll-up table (V8, V10, V12, V30) when it can answer the
 * filter and the groups (a GROUP BY of its rows, or its rows as they are where each is a group), otherwise a GROUP BY
 * over the incidents {@link IncidentQueries} selects (joined to their perpetrators when grouping by them). Either way
 * the database does the counting and summing. Every statement
 * selects the group keys, then the incidents, killed low, best, high, injured low, best, high, and the incidents
 * with unknown killed and injured figures.
 */
@ApplicationScoped
public class StatsQueries {

    private final Database database;
    private final IncidentQueries incidents;

    public StatsQueries(Database database, IncidentQueries incidents) {
        this.database = database;
        this.incidents = incidents;
    }

    /** Rows a statement hands over at a time where the driver can keep a cursor (PostgreSQL, in a transaction). */
    private static final int FETCH_SIZE = 1_000;

    /** Takes the rows of a statistic one by one, as they are read. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Row row);
    }

    /** The statistics of the incidents a filter selects, grouped by the dimensions, in the order of their keys. */
    public List<Row> aggregate(List<Dimension> groupBy, IncidentFilter filter) {
        List<Row> rows = new ArrayList<>();
        each(groupBy, filter, rows::add);
        return rows;
    }

    /**
     * Hands the rows of {@link #aggregate} to {@code sink} as they are read, without holding them: grouped by
     * perpetrator and month, a million incidents make hundreds of thousands of rows, which held at once took more than
     * the heap docs/operations.md recommends. H2 keeps a large result on disk past its own bound (MAX_MEMORY_ROWS);
     * PostgreSQL's driver reads {@value #FETCH_SIZE} rows at a time when the caller holds a transaction.
     */
    public void each(List<Dimension> groupBy, IncidentFilter filter, RowSink sink) {
        stream(groupBy, RollupPlan.answers(filter, groupBy) ? fromRollup(groupBy, filter)
                : fromIncidentsQuery(groupBy, filter), sink);
    }

    /** The same statistics computed from the incident table, whatever the filter. */
    List<Row> fromIncidents(List<Dimension> groupBy, IncidentFilter filter) {
        List<Row> rows = new ArrayList<>();
        stream(groupBy, fromIncidentsQuery(groupBy, filter), rows::add);
        return rows;
    }

    private void stream(List<Dimension> groupBy, ResultQuery<Record> query, RowSink sink) {
        database.read(sql -> {
            try (Cursor<Record> cursor = sql.fetchLazy(query.fetchSize(FETCH_SIZE))) {
                for (Record r : cursor) {
                    sink.accept(row(groupBy, r));
                }
            }
            return null;
        });
    }

    private ResultQuery<Record> fromIncidentsQuery(List<Dimension> groupBy, IncidentFilter filter) {
        // Deduplicated, one join does both: a record that is not its event's lead drops out, a lead brings the figures.
        IncidentQueries.Selection selection = incidents.selection(filter.withoutDedupe());
        List<Field<?>> keys = groupBy.stream().flatMap(d -> d.columns.stream()).toList();
        Table<?> from = selection.table();
        if (groupBy.contains(Dimension.PERPETRATOR)) {
            from = from.leftJoin(PERPETRATOR_PART).on(PERPETRATOR_PART_INCIDENT.eq(ID)
                    .and(PERPETRATOR_PART_ROLE.eq(inline("PERPETRATOR"))))
                    .leftJoin(PERPETRATOR).on(PERPETRATOR_ID.eq(PERPETRATOR_PART_ACTOR));
        }
        Field<Integer> killedLow = KILLED_LOW;
        Field<Integer> killedBest = KILLED_BEST;
        Field<Integer> killedHigh = KILLED_HIGH;
        Field<Integer> injuredLow = INJURED_LOW;
        Field<Integer> injuredBest = INJURED_BEST;
        Field<Integer> injuredHigh = INJURED_HIGH;
        Condition where = selection.where();
        if (filter.dedupeEvents()) {
            // An event counts once, where its lead falls, with the event's reconciled low and high.
            from = from.leftJoin(EVENT).on(EVENT_INCIDENT.eq(ID));
            where = where.and(EVENT_INCIDENT.isNull().or(EVENT_ID.eq(EVENT_INCIDENT)));
            Condition lead = EVENT_INCIDENT.isNotNull();
            killedLow = Contributions.counted(lead, EVENT_KILLED_LOW, KILLED_LOW);
            killedBest = Contributions.counted(lead, EVENT_KILLED_BEST, KILLED_BEST);
            killedHigh = Contributions.counted(lead, EVENT_KILLED_HIGH, KILLED_HIGH);
            injuredLow = Contributions.counted(lead, EVENT_INJURED_LOW, INJURED_LOW);
            injuredBest = Contributions.counted(lead, EVENT_INJURED_BEST, INJURED_BEST);
            injuredHigh = Contributions.counted(lead, EVENT_INJURED_HIGH, INJURED_HIGH);
        }
        List<SelectField<?>> fields = new ArrayList<>(keys);
        fields.add(count());
        fields.addAll(Contributions.totals(killedLow, killedBest, killedHigh));
        fields.addAll(Contributions.totals(injuredLow, injuredBest, injuredHigh));
        fields.add(count().minus(count(killedBest)));
        fields.add(count().minus(count(injuredBest)));
        return select(fields).from(from).where(where).groupBy(keys).orderBy(nullsLast(keys));
    }

    /**
     * How many incidents a filter the roll-up answers ({@link RollupPlan#answers}) selects: the incidents of its
     * rows added up, and nothing else (a list's total).
     */
    public long incidentCount(IncidentFilter filter) {
        Grain grain = RollupPlan.grain(filter, List.of());
        Field<BigDecimal> incidents = coalesce(sum(RollupSchema.INCIDENTS), inline(BigDecimal.ZERO));
        Table<?> source = source(grain, filter, false);
        List<Condition> where = rollupWhere(filter, false);
        return database.read(sql -> sql.select(incidents).from(source).where(where).fetchOne(0, BigDecimal.class))
                .longValueExact();
    }

    private ResultQuery<Record> fromRollup(List<Dimension> groupBy, IncidentFilter filter) {
        Grain grain = RollupPlan.grain(filter, groupBy);
        boolean byPerpetrator = groupBy.contains(Dimension.PERPETRATOR);
        List<Condition> where = rollupWhere(filter, byPerpetrator);
        // Grouped first, by perpetrator id; the few groups then get their perpetrator's name (not every row).
        List<SelectField<?>> inner = new ArrayList<>();
        List<Field<?>> innerGroup = new ArrayList<>();
        List<Field<?>> outerKeys = new ArrayList<>();
        Field<Long> groupPerpetrator = field(name("g", "perpetrator_id"), Long.class);
        for (Dimension d : groupBy) {
            if (d == Dimension.PERPETRATOR) {
                inner.add(RollupSchema.PERPETRATOR_ID.as("perpetrator_id"));
                innerGroup.add(RollupSchema.PERPETRATOR_ID);
                outerKeys.addAll(d.rollupColumns);
                continue;
            }
            for (Field<?> column : d.rollupColumns) {
                String alias = "k" + innerGroup.size();
                inner.add(column.as(alias));
                outerKeys.add(field(name("g", alias), column.getType()));
                innerGroup.add(column);
            }
        }
        Table<?> g;
        if (RollupPlan.oneRowPerGroup(grain, groupBy, filter)) {
            // The roll-up's rows are the groups (perpetrators by year over all countries: 63,717 rows at a million):
            // read as they are, without adding up numeric sums.
            inner.add(RollupSchema.INCIDENTS.as("incidents"));
            inner.addAll(Contributions.measures("killed", RollupSchema.KILLED));
            inner.addAll(Contributions.measures("injured", RollupSchema.INJURED));
            where.add(RollupSchema.INCIDENTS.gt(inline(0L)));
            g = select(inner).from(source(grain, filter, byPerpetrator)).where(where).asTable("g");
        } else {
            inner.add(coalesce(sum(RollupSchema.INCIDENTS), inline(BigDecimal.ZERO)).as("incidents"));
            inner.addAll(Contributions.sums("killed", RollupSchema.KILLED));
            inner.addAll(Contributions.sums("injured", RollupSchema.INJURED));
            var grouped = select(inner).from(source(grain, filter, byPerpetrator)).where(where);
            g = (innerGroup.isEmpty() ? grouped
                    : grouped.groupBy(innerGroup).having(sum(RollupSchema.INCIDENTS).gt(inline(BigDecimal.ZERO))))
                    .asTable("g");
        }
        Table<?> from = byPerpetrator ? g.leftJoin(PERPETRATOR).on(PERPETRATOR_ID.eq(groupPerpetrator)) : g;
        List<SelectField<?>> fields = new ArrayList<>(outerKeys);
        for (String column : List.of("incidents", "killed_low", "killed_best", "killed_high", "injured_low",
                "injured_best", "injured_high", "killed_unknown", "injured_unknown")) {
            fields.add(field(name("g", column), Long.class));
        }
        return select(fields).from(from).orderBy(nullsLast(outerKeys));
    }

    /** The roll-up rows a filter selects: per perpetrator, or those counting every incident once. */
    private static List<Condition> rollupWhere(IncidentFilter filter, boolean byPerpetrator) {
        List<Condition> where = new ArrayList<>();
        where.add(byPerpetrator ? RollupSchema.PERPETRATOR_ID.ne(inline(0L)) : RollupSchema.PERPETRATOR_ID.eq(inline(0L)));
        in(where, RollupSchema.COUNTRY_CODE, filter.countries());
        in(where, RollupSchema.CATEGORY_CODE, filter.categories());
        in(where, RollupSchema.TYPE_CODE, filter.types());
        in(where, RollupSchema.CLAIM_STATUS, filter.claimStatuses().stream().map(Enum::name).toList());
        if (filter.to() != null) {
            where.add(RollupSchema.PERIOD.le(Contributions.month(filter.to())));
        }
        return where;
    }

    /**
     * The rows a roll-up statistic adds up: the grain's roll-up table; with {@code dedupe=events} its corrections too;
     * with {@code from} (the first of a month) the rows of the months from then on, and the incidents that started
     * earlier and are still going on then, each as the row it would be in the roll-up (few: an index range on the end
     * date), once per perpetrator or once each as the statistic asks. All with the roll-up's columns and types, as
     * {@code r}: PostgreSQL moves a condition on a column into the branches of the union only where every branch gives
     * it the same type (then the roll-up's rows are one range of its primary key: 0.5 ms instead of a 4.7 ms scan
     * for the total of a list of one country and year at a million incidents).
     */
    private Table<?> source(Grain grain, IncidentFilter filter, boolean byPerpetrator) {
        if (filter.from() == null && !filter.dedupeEvents()) {
            return RollupSchema.table(grain);
        }
        List<Field<?>> columns = RollupSchema.columns(grain);
        Condition fromOn = filter.from() == null ? DSL.noCondition()
                : field(name("period"), Integer.class).ge(Contributions.month(filter.from()));
        org.jooq.Select<Record> rows = select(columns).from(DSL.table(name(grain.table))).where(fromOn);
        if (filter.dedupeEvents()) {
            rows = rows.unionAll(select(columns).from(DSL.table(name(grain.eventTable))).where(fromOn));
        }
        if (filter.from() != null) {
            rows = rows.unionAll(spanning(grain, filter, byPerpetrator));
        }
        return rows.asTable("r");
    }

    /**
     * The incidents that started before {@code from} and end on or after it, as roll-up rows of one incident each:
     * counted once (perpetrator 0) or once per perpetrator; deduplicated, a member that is not its event's lead is left
     * out and the lead counts the event's low and high.
     */
    private org.jooq.Select<Record> spanning(Grain grain, IncidentFilter filter, boolean perPerpetrator) {
        boolean dedupe = filter.dedupeEvents();
        Condition lead = EVENT_INCIDENT.isNotNull();
        Field<Integer> killedLow = dedupe ? Contributions.counted(lead, EVENT_KILLED_LOW, KILLED_LOW) : KILLED_LOW;
        Field<Integer> killedBest = dedupe ? Contributions.counted(lead, EVENT_KILLED_BEST, KILLED_BEST) : KILLED_BEST;
        Field<Integer> injuredBest = dedupe ? Contributions.counted(lead, EVENT_INJURED_BEST, INJURED_BEST)
                : INJURED_BEST;
        Field<Integer> killedHigh = dedupe ? Contributions.counted(lead, EVENT_KILLED_HIGH, KILLED_HIGH) : KILLED_HIGH;
        Field<Integer> injuredLow = dedupe ? Contributions.counted(lead, EVENT_INJURED_LOW, INJURED_LOW) : INJURED_LOW;
        Field<Integer> injuredHigh = dedupe ? Contributions.counted(lead, EVENT_INJURED_HIGH, INJURED_HIGH)
                : INJURED_HIGH;
        Field<Integer> year = DSL.year(START_DATE);
        List<Field<?>> fields = new ArrayList<>();
        fields.add(perPerpetrator ? coalesce(PERPETRATOR_PART_ACTOR, inline(Contributions.NO_PERPETRATOR))
                : inline(Contributions.ALL).cast(Long.class));
        if (grain.byCountry()) {
            fields.add(coalesce(COUNTRY_CODE, inline("")));
        }
        // An integer, as in the roll-up (PostgreSQL's extract is a numeric, whose division would keep the month).
        fields.add((grain.byYear() ? year.mul(inline(100)).plus(inline(12))
                : year.mul(inline(100)).plus(DSL.month(START_DATE))).cast(Integer.class));
        if (grain.byKind()) {
            fields.add(coalesce(TYPE_CODE, inline("")));
            fields.add(CATEGORY_CODE);
            fields.add(IncidentSchema.CLAIM_STATUS);
        }
        fields.add(inline(1L).cast(Long.class));
        fields.addAll(Contributions.measure(killedLow, killedBest, killedHigh));
        fields.addAll(Contributions.measure(injuredLow, injuredBest, injuredHigh));
        fields.add(Contributions.unknown(killedBest));
        fields.add(Contributions.unknown(injuredBest));
        Table<?> from = INCIDENT;
        Condition where = incidents.spanning(filter.from());
        if (filter.to() != null) {
            where = where.and(START_DATE.le(filter.to()));
        }
        if (perPerpetrator) {
            from = from.leftJoin(PERPETRATOR_PART).on(PERPETRATOR_PART_INCIDENT.eq(ID)
                    .and(PERPETRATOR_PART_ROLE.eq(inline("PERPETRATOR"))));
        }
        if (dedupe) {
            from = from.leftJoin(EVENT).on(EVENT_INCIDENT.eq(ID));
            where = where.and(EVENT_INCIDENT.isNull().or(EVENT_ID.eq(EVENT_INCIDENT)));
        }
        return select(fields).from(from).where(where);
    }

    private static List<SortField<?>> nullsLast(List<Field<?>> keys) {
        return keys.stream().<SortField<?>>map(k -> k.asc().nullsLast()).toList();
    }

    private static <T> void in(List<Condition> where, Field<T> column, java.util.Collection<T> values) {
        if (!values.isEmpty()) {
            where.add(column.in(values));
        }
    }

    /** A row: the group's keys, then the measures in the order every statement above selects them. */
    private static Row row(List<Dimension> groupBy, Record r) {
        Map<String, Object> keys = new LinkedHashMap<>();
        int at = 0;
        for (Dimension d : groupBy) {
            keys.put(d.param, d.key(r, at));
            at += d.columns.size();
        }
        long incidents = number(r, at);
        long killedUnknown = number(r, at + 7);
        long injuredUnknown = number(r, at + 8);
        return new Row(keys, incidents, totals(r, at + 1, incidents == killedUnknown), killedUnknown,
                totals(r, at + 4, incidents == injuredUnknown), injuredUnknown);
    }

    /** A group none of whose incidents has a figure has no totals at all (null), not zeros. */
    private static Totals totals(Record r, int at, boolean noneKnown) {
        if (noneKnown) {
            return null;
        }
        Object high = r.get(at + 2);
        return new Totals(number(r, at), number(r, at + 1), high == null ? null : ((Number) high).longValue());
    }

    /**
     * A count or sum as it came from the driver (Long or BigDecimal): read without jOOQ's type conversion, which
     * costs more than the query when a grouping has tens of thousands of rows.
     */
    private static long number(Record r, int at) {
        return ((Number) r.get(at)).longValue();
    }
}
