package org.incidentkb.incident.query;

import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_BEST;
import org.incidentkb.common.Figures;
import org.incidentkb.incident.model.CasualtySummary;

import static org.incidentkb.incident.query.IncidentSchema.ADMIN1;
import static org.incidentkb.incident.query.IncidentSchema.BY_ACTOR;
import static org.incidentkb.incident.query.IncidentSchema.BY_ACTOR_ACTOR;
import static org.incidentkb.incident.query.IncidentSchema.BY_ACTOR_ROLE;
import static org.incidentkb.incident.query.IncidentSchema.CASUALTY;
import static org.incidentkb.incident.query.IncidentSchema.CASUALTY_ID;
import static org.incidentkb.incident.query.IncidentSchema.CASUALTY_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.CASUALTY_NAME;
import static org.incidentkb.incident.query.IncidentSchema.CASUALTY_NAME_CASUALTY;
import static org.incidentkb.incident.query.IncidentSchema.CASUALTY_NAME_NAME;
import static org.incidentkb.incident.query.IncidentSchema.CATEGORY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.CLAIM;
import static org.incidentkb.incident.query.IncidentSchema.CLAIM_ACTOR;
import static org.incidentkb.incident.query.IncidentSchema.CLAIM_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.CLAIM_STANCE;
import static org.incidentkb.incident.query.IncidentSchema.CLAIM_STATUS;
import static org.incidentkb.incident.query.IncidentSchema.COUNTRY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.END_DATE;
import static org.incidentkb.incident.query.IncidentSchema.EVENT;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_ID;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.EXTERNAL_REF;
import static org.incidentkb.incident.query.IncidentSchema.EXTERNAL_REF_DATASET;
import static org.incidentkb.incident.query.IncidentSchema.EXTERNAL_REF_ID;
import static org.incidentkb.incident.query.IncidentSchema.EXTERNAL_REF_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.ID;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT_PLAIN;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT_SOURCE;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT_SOURCE_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT_SOURCE_SOURCE;
import static org.incidentkb.incident.query.IncidentSchema.INJURED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.KILLED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.LATITUDE;
import static org.incidentkb.incident.query.IncidentSchema.LOCALITY;
import static org.incidentkb.incident.query.IncidentSchema.LONGITUDE;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT_ACTOR;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT_ROLE;
import static org.incidentkb.incident.query.IncidentSchema.PLAIN_COUNTRY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.PLAIN_END_DATE;
import static org.incidentkb.incident.query.IncidentSchema.PLAIN_ID;
import static org.incidentkb.incident.query.IncidentSchema.SOURCE;
import static org.incidentkb.incident.query.IncidentSchema.SOURCE_ID;
import static org.incidentkb.incident.query.IncidentSchema.SOURCE_PUBLISHER;
import static org.incidentkb.incident.query.IncidentSchema.START_DATE;
import static org.incidentkb.incident.query.IncidentSchema.SUMMARY;
import static org.incidentkb.incident.query.IncidentSchema.TAG;
import static org.incidentkb.incident.query.IncidentSchema.TAG_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.TAG_TAG;
import static org.incidentkb.incident.query.IncidentSchema.TITLE;
import static org.incidentkb.incident.query.IncidentSchema.TOMBSTONE;
import static org.incidentkb.incident.query.IncidentSchema.TOMBSTONE_DELETED_AT;
import static org.incidentkb.incident.query.IncidentSchema.TOMBSTONE_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.TYPE_CODE;
import static org.incidentkb.incident.query.IncidentSchema.UPDATED_AT;
import static org.jooq.impl.DSL.asin;
import static org.jooq.impl.DSL.cos;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.power;
import static org.jooq.impl.DSL.rad;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sin;
import static org.jooq.impl.DSL.sqrt;
import static org.jooq.impl.DSL.val;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.incidentkb.common.Database;
import org.incidentkb.common.Like;
import org.incidentkb.common.TextFold;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Stance;
import org.incidentkb.incident.query.IncidentFilter.BoundingBox;
import org.incidentkb.incident.query.IncidentFilter.Circle;
import org.incidentkb.incident.query.IncidentFilter.Involvement;
import org.incidentkb.incident.text.TextIndex;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The one owner of the SQL that selects incidents: it compiles an {@link IncidentFilter} into a {@link Selection}
 * (a table and a condition, typed jOOQ objects, docs/adr/0010), and answers ids in a sort order, counts and
 * tombstones from it. The statistics build their GROUP BY on a selection from here; no one else writes conditions
 * over incidents. Each filter is a condition an index of the migrations serves. (Over 300 lines: one condition per
 * filter parameter, and 60 lines of static imports of the schema.)
 */
@ApplicationScoped
public class IncidentQueries {

    /** Mean Earth radius (IUGG), for great-circle distances. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private final Database database;

    private final TextIndex textIndex;
    /**
     * Up to this many ids from the text index are written into the statement (at a million incidents on H2, 1,600 ids:
     * 10 ms to count and 6 ms for a page, against 0.1 s and more as an array parameter).
     */
    static final int INLINE_IDS = 4_000;

    /** The sort keys {@code incident_by_actor} holds. */
    private static final Set<IncidentSort.Key> BY_ACTOR_SORTS = EnumSet.of(IncidentSort.Key.ID,
            IncidentSort.Key.START_DATE, IncidentSort.Key.END_DATE, IncidentSort.Key.KILLED, IncidentSort.Key.INJURED,
            IncidentSort.Key.COUNTRY);

    public IncidentQueries(Database database, TextIndex textIndex) {
        this.database = database;
        this.textIndex = textIndex;
    }

    /**
     * The incidents a filter selects: {@code table} (the incidents, or a union of parts, aliased {@code i}) restricted
     * by {@code where}; {@code sameValues} columns all of them share (so that an order may lead with them and follow an
     * index); for a union, its {@code parts}, so that a page can be taken from each part before the parts are merged.
     */
    public record Selection(Table<?> table, Condition where, List<Field<?>> sameValues, List<Part> parts) {

        Selection(Table<?> table, Condition where, List<Field<?>> sameValues) {
            this(table, where, sameValues, List.of());
        }
    }

    /**
     * One part of a union: the rows it reads ({@code from}, aliased {@code i}), the condition on them, and whether it
     * holds few of them. A page is taken from a part in the page's order (an index range, read up to the page's end);
     * a part of few incidents is taken whole instead, from the index its condition leads to: asked in order, H2 walks
     * the order's index past every row the condition rejects (the incidents spanning the first of a year in a country:
     * 6,163 rows read for none at 200,000 incidents, where the end-date index reads one).
     */
    public record Part(Table<?> from, Condition where, boolean few) {
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

    public Selection selection(IncidentFilter f) {
        return selection(f, Coordinates.ANY);
    }

    /** The incidents a filter selects, read from the incident table (for lists, statistics and counts alike). */
    public Selection selection(IncidentFilter f, Coordinates coordinates) {
        Condition where = where(f);
        if (coordinates != Coordinates.ANY) {
            where = where.and(coordinates == Coordinates.PRESENT ? LATITUDE.isNotNull() : LATITUDE.isNull());
        }
        List<Field<?>> sameValues = f.countries().size() == 1 ? List.of(COUNTRY_CODE)
                : f.countries().isEmpty() && f.types().size() == 1 ? List.of(TYPE_CODE) : List.of();
        return dated(INCIDENT, where, sameValues, f);
    }

    /**
     * The incidents a filter selects, as a list in this order reads them best: for one actor in one role, or one
     * claimant ({@code claimedBy}), with nothing else but what {@code incident_by_actor} holds (dates, country, type,
     * category, claim status, killed, injured; sorted on those), that table's rows of the actor in the role, one index
     * range in date order (docs/adr/0018); otherwise {@link #selection(IncidentFilter, Coordinates)}. Either way its
     * rows have the incident's id and the columns the filter and order use, under the incident's names.
     */
    public Selection listSelection(IncidentFilter f, Coordinates coordinates, IncidentSort sort) {
        Optional<Condition> byActor = byActor(f);
        if (coordinates != Coordinates.ANY || byActor.isEmpty()
                || !sort.keys().stream().allMatch(BY_ACTOR_SORTS::contains)) {
            return selection(f, coordinates);
        }
        List<Condition> w = new ArrayList<>();
        w.add(byActor.get());
        columns(w, f);
        return dated(BY_ACTOR, DSL.and(w), List.of(BY_ACTOR_ACTOR, BY_ACTOR_ROLE), f);
    }

    /**
     * The rows of {@code incident_by_actor} a filter names, when it names one actor in one role (an actor holds each
     * role in an incident once, so its rows are the incidents, each once) or one claimant (its role there is
     * {@code CLAIMED}, once per incident however many claims it made), and otherwise only columns of that table.
     */
    private static Optional<Condition> byActor(IncidentFilter f) {
        boolean onlyItsColumns = !f.dedupeEvents() && f.ids().isEmpty() && f.admin1().isEmpty() && f.bbox() == null
                && f.near() == null && f.text() == null && f.tags().isEmpty() && f.publishers().isEmpty()
                && f.externalRefs().isEmpty() && f.updatedSince() == null;
        if (!onlyItsColumns) {
            return Optional.empty();
        }
        if (f.involvements().size() == 1 && f.claimedBy().isEmpty()) {
            Involvement inv = f.involvements().get(0);
            if (inv.actorIds().size() == 1 && inv.roles().size() == 1) {
                return Optional.of(BY_ACTOR_ACTOR.eq(inv.actorIds().iterator().next())
                        .and(BY_ACTOR_ROLE.eq(inv.roles().iterator().next().name())));
            }
        }
        if (f.involvements().isEmpty() && f.claimedBy().size() == 1) {
            return Optional.of(BY_ACTOR_ACTOR.eq(f.claimedBy().iterator().next())
                    .and(BY_ACTOR_ROLE.eq(Stance.CLAIMED.name())));
        }
        return Optional.empty();
    }

    /**
     * The rows of {@code rows} (aliased {@code i}) the condition keeps within the filter's date range. A date range
     * that incidents may overlap (start before {@code from}, end after it) would be an OR no index serves; it becomes
     * the union of the incidents starting in the range and the few spanning its start, each an index range.
     */
    private Selection dated(Table<?> rows, Condition where, List<Field<?>> sameValues, IncidentFilter f) {
        if (f.from() == null) {
            return new Selection(rows, f.to() == null ? where : where.and(START_DATE.le(f.to())), sameValues);
        }
        Condition starting = START_DATE.ge(f.from());
        if (f.to() != null) {
            starting = starting.and(START_DATE.le(f.to()));
        }
        Condition spanning = spanning(f.from());
        Table<?> union = select(rows.asterisk()).from(rows).where(where.and(starting))
                .unionAll(select(rows.asterisk()).from(rows).where(where.and(spanning))).asTable("i");
        return new Selection(union, noCondition(), sameValues,
                List.of(new Part(rows, where.and(starting), false), new Part(rows, where.and(spanning), true)));
    }

    /**
     * The incidents that started before {@code from} and end on or after it: an index range on the end date. On H2
     * only that index in a subquery, or its planner walks the start-date index instead; on PostgreSQL the plain
     * condition, or its planner drives the subquery from the incidents before {@code from} when the table's
     * statistics are not fresh (2.6 s at a million instead of 0.06 s).
     */
    public Condition spanning(LocalDate from) {
        return START_DATE.lt(from).and(database.isPostgres() ? END_DATE.ge(from)
                : ID.in(select(PLAIN_ID).from(INCIDENT_PLAIN).where(PLAIN_END_DATE.ge(from))));
    }

    /**
     * The ids and sort keys of the selection in the sort's order, after the cursor when given. A union takes the
     * page's worth of each part in order first (an index range each, {@code offset + limit} rows; a part of few
     * incidents whole) and merges those:
     * ordering the whole union instead read every incident of a year in a country on PostgreSQL (0.85 s at a million
     * for Iraq in 2015; 7 ms this way).
     */
    public List<SortedId> keys(Selection s, IncidentSort sort, IncidentSort.Cursor after, int offset, int limit) {
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(ID);
        fields.addAll(sort.keyFields());
        if (s.parts().isEmpty()) {
            Condition where = after == null ? s.where() : s.where().and(sort.after(after));
            return database.read(sql -> sql.select(fields).from(s.table()).where(where)
                    .orderBy(sort.orderBy(s.sameValues())).limit(limit).offset(offset)
                    .fetch(r -> new SortedId(r.get(ID), sort.keyValues(r))));
        }
        // Each part's columns under their own names (the id may also be a sort key), then the same order over them.
        List<SelectField<?>> named = new ArrayList<>();
        List<Field<?>> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            named.add(((Field<?>) fields.get(i)).as("k" + i));
            columns.add(field(name("p", "k" + i), ((Field<?>) fields.get(i)).getType()));
        }
        org.jooq.Select<Record> union = null;
        for (Part part : s.parts()) {
            Condition where = after == null ? part.where() : part.where().and(sort.after(after));
            var rows = select(named).from(part.from()).where(where);
            // The part's end written into the SQL: H2 reuses a subquery's earlier result when the parameters of its
            // conditions are the same, without comparing those of its order and end, so a bound end answered page 3
            // with page 2's rows (H2 2.4.240).
            org.jooq.Select<Record> page = part.few() ? rows
                    : rows.orderBy(sort.orderBy(s.sameValues())).limit(inline(offset + limit));
            union = union == null ? page : union.unionAll(page);
        }
        Table<?> merged = union.asTable("p");
        return database.read(sql -> sql.select(columns).from(merged)
                .orderBy(sort.orderByColumns(columns.subList(1, columns.size()))).limit(limit).offset(offset)
                .fetch(r -> new SortedId(((Number) r.get(0)).longValue(), sort.keyValues(r))));
    }

    public long count(Selection s) {
        return database.read(sql -> sql.selectCount().from(s.table()).where(s.where()).fetchOne(0, Long.class));
    }

    /**
     * Every incident the selection holds, counted for at most {@code seconds}: past that the database cancels the
     * count and the caller gets a 503 (with Retry-After) saying how to ask instead.
     */
    public long countWithin(Selection s, int seconds) {
        return database.countWithin(seconds, sql -> sql.selectCount().from(s.table()).where(s.where()));
    }

    /**
     * How many incidents the selection holds, counting no further than {@code bound} + 1 (written into the SQL, as a
     * subquery's end must be on H2: see {@link #keys}).
     */
    public long count(Selection s, int bound) {
        return database.read(sql -> sql.selectCount()
                .from(sql.selectOne().from(s.table()).where(s.where()).limit(inline(bound + 1)).asTable("bounded"))
                .fetchOne(0, Long.class));
    }

    /** Tombstones of incidents deleted at or after {@code since}, after the cursor when given, in feed order. */
    public List<Deleted> tombstones(Instant since, IncidentSort.Cursor after, int limit) {
        Condition where = TOMBSTONE_DELETED_AT.ge(since);
        if (after != null) {
            Instant at = (Instant) after.values().get(0);
            long id = (Long) after.values().get(1);
            where = where.and(TOMBSTONE_DELETED_AT.gt(at).or(TOMBSTONE_DELETED_AT.eq(at).and(TOMBSTONE_INCIDENT.gt(id))));
        }
        Condition condition = where;
        return database.read(sql -> sql.select(TOMBSTONE_INCIDENT, TOMBSTONE_DELETED_AT).from(TOMBSTONE).where(condition)
                .orderBy(TOMBSTONE_DELETED_AT, TOMBSTONE_INCIDENT).limit(limit)
                .fetch(r -> new Deleted(r.value1(), r.value2())));
    }

    public long countTombstones(Instant since) {
        return database.read(sql -> sql.selectCount().from(TOMBSTONE).where(TOMBSTONE_DELETED_AT.ge(since))
                .fetchOne(0, Long.class));
    }

    /** For incidents shown for their event, the ids of the other incidents of the event, in id order. */
    public Map<Long, List<Long>> sameAs(Collection<Long> shown) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (shown.isEmpty()) {
            return out;
        }
        database.read(sql -> sql.select(EVENT_ID, EVENT_INCIDENT).from(EVENT).where(EVENT_ID.in(shown))
                .and(EVENT_INCIDENT.ne(EVENT_ID)).orderBy(EVENT_ID, EVENT_INCIDENT).fetch())
                .forEach(r -> out.computeIfAbsent(r.value1(), k2 -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    /**
     * The figures each incident of a deduplicated list counts for: its event's (on the lead's row of
     * {@code incident_event}, one triple from every member, link.EventFigures), or its own when it is alone; what the
     * deduplicated statistics add up.
     */
    public Map<Long, CasualtySummary> countedFigures(Collection<Long> shown) {
        Map<Long, CasualtySummary> out = new HashMap<>();
        if (shown.isEmpty()) {
            return out;
        }
        database.read(sql -> sql.select(INCIDENT_PLAIN.ID, INCIDENT_PLAIN.KILLED_LOW, INCIDENT_PLAIN.KILLED_BEST,
                INCIDENT_PLAIN.KILLED_HIGH, INCIDENT_PLAIN.INJURED_LOW, INCIDENT_PLAIN.INJURED_BEST,
                INCIDENT_PLAIN.INJURED_HIGH, EVENT_INCIDENT, EVENT_KILLED_LOW, EVENT_KILLED_BEST, EVENT_KILLED_HIGH,
                EVENT_INJURED_LOW, EVENT_INJURED_BEST, EVENT_INJURED_HIGH).from(INCIDENT_PLAIN).leftJoin(EVENT)
                .on(EVENT_INCIDENT.eq(INCIDENT_PLAIN.ID).and(EVENT_ID.eq(EVENT_INCIDENT)))
                .where(INCIDENT_PLAIN.ID.in(shown)).fetch()).forEach(r -> {
                    boolean event = r.value8() != null;
                    out.put(r.value1(), event
                            ? new CasualtySummary(figures(r.value9(), r.value10(), r.value11()),
                                    figures(r.value12(), r.value13(), r.value14()))
                            : new CasualtySummary(figures(r.value2(), r.value3(), r.value4()),
                                    figures(r.value5(), r.value6(), r.value7())));
                });
        return out;
    }

    private static Figures figures(Integer low, Integer best, Integer high) {
        return best == null ? null : new Figures(low, best, high);
    }

    /** The conditions of a filter over the incident table aliased {@code i}, all but the date range. */
    Condition where(IncidentFilter f) {
        List<Condition> w = new ArrayList<>();
        if (f.dedupeEvents()) {
            // One incident per event: not another record of an event that another incident shows.
            w.add(notExists(selectOne().from(EVENT).where(EVENT_INCIDENT.eq(ID)).and(EVENT_ID.ne(EVENT_INCIDENT))));
        }
        if (!f.ids().isEmpty()) {
            w.add(ID.in(f.ids()));
        }
        in(w, lower(ADMIN1), f.admin1());
        columns(w, f);
        for (Involvement inv : f.involvements()) {
            Condition actor = PARTICIPANT_ACTOR.in(inv.actorIds());
            if (!inv.roles().isEmpty()) {
                actor = actor.and(PARTICIPANT_ROLE.in(inv.roles().stream().map(Enum::name).toList()));
            }
            w.add(ID.in(select(PARTICIPANT_INCIDENT).from(PARTICIPANT).where(actor)));
        }
        if (!f.claimedBy().isEmpty()) {
            w.add(ID.in(select(CLAIM_INCIDENT).from(CLAIM)
                    .where(CLAIM_STANCE.eq(inline("CLAIMED")).and(CLAIM_ACTOR.in(f.claimedBy())))));
        }
        if (f.bbox() != null) {
            w.add(bbox(f.bbox()));
        }
        if (f.near() != null) {
            w.add(near(f.near()));
        }
        if (f.text() != null) {
            w.add(text(f.text(), f.countries()));
        }
        if (!f.tags().isEmpty()) {
            w.add(ID.in(select(TAG_INCIDENT).from(TAG).where(TAG_TAG.in(f.tags()))));
        }
        if (!f.publishers().isEmpty()) {
            w.add(ID.in(select(INCIDENT_SOURCE_INCIDENT).from(INCIDENT_SOURCE).join(SOURCE)
                    .on(SOURCE_ID.eq(INCIDENT_SOURCE_SOURCE)).where(lower(SOURCE_PUBLISHER).in(f.publishers()))));
        }
        if (!f.externalRefs().isEmpty()) {
            List<Condition> alternatives = new ArrayList<>();
            for (ExternalRef r : f.externalRefs()) {
                alternatives.add(EXTERNAL_REF_DATASET.eq(r.dataset()).and(EXTERNAL_REF_ID.eq(r.externalId())));
            }
            w.add(ID.in(select(EXTERNAL_REF_INCIDENT).from(EXTERNAL_REF).where(DSL.or(alternatives))));
        }
        if (f.updatedSince() != null) {
            w.add(UPDATED_AT.ge(f.updatedSince()));
        }
        return DSL.and(w);
    }

    /**
     * The conditions on the columns {@code incident_by_actor} holds too (country, category, type, claim status, killed,
     * injured; the dates are the selection's).
     */
    private static void columns(List<Condition> w, IncidentFilter f) {
        in(w, COUNTRY_CODE, f.countries());
        in(w, CATEGORY_CODE, f.categories());
        in(w, TYPE_CODE, f.types());
        in(w, CLAIM_STATUS, f.claimStatuses().stream().map(Enum::name).toList());
        if (f.minKilled() != null) {
            w.add(KILLED_BEST.ge(f.minKilled()));
        }
        if (f.maxKilled() != null) {
            w.add(KILLED_BEST.le(f.maxKilled()));
        }
        if (f.minInjured() != null) {
            w.add(INJURED_BEST.ge(f.minInjured()));
        }
        if (f.maxInjured() != null) {
            w.add(INJURED_BEST.le(f.maxInjured()));
        }
    }

    /**
     * How many incidents a filter of only a text (and countries) selects, when the text index knows it: the number of
     * its ids, exact, without reading a row. Empty otherwise.
     */
    public OptionalLong textOnlyCount(IncidentFilter f) {
        return textOnly(f) ? textIndex.count(f.text(), f.countries()) : OptionalLong.empty();
    }

    /** A page's reach of a text alone, from the text index, and the total it knows. */
    public record TextPage(Selection selection, long total) {
    }

    /**
     * A selection of only a text (and countries) read in the default order: the first {@code reach} incidents
     * after the cursor, as the text index orders them by start date and id, so that the page reads their rows alone
     * instead of every match's (the SQL orders and slices them as any selection), and how many match in all. Empty
     * where that does not apply (another filter or order, a reach past {@link TextIndex#MAX_REACH}, the index not
     * answering).
     */
    public Optional<TextPage> textPage(IncidentFilter f, IncidentSort sort, IncidentSort.Cursor after, int reach) {
        if (!textOnly(f) || !sort.isNewestFirst()) {
            return Optional.empty();
        }
        LocalDate afterStart = after == null ? null : (LocalDate) after.values().get(0);
        Long afterId = after == null ? null : (Long) after.values().get(1);
        // A few more than the reach: an id the index still holds but the database no longer does (deleted by hand,
        // or not yet on the replica read) must not cut the page short and end the paging.
        return textIndex.newest(f.text(), f.countries(), afterStart, afterId, reach + Math.max(16, reach / 10))
                .map(page -> new TextPage(new Selection(INCIDENT, anyOf(page.ids(), database.isPostgres()),
                        f.countries().size() == 1 ? List.of(COUNTRY_CODE) : List.of()), page.total()));
    }

    private boolean textOnly(IncidentFilter f) {
        return f.text() != null && f.equals(IncidentFilter.none().withText(f.text(), f.countries()));
    }

    /**
     * How relevant an incident is to the text searched for, as {@code sort=relevance} ranks it: 0 when the title
     * holds it, 1 the locality, 2 the summary, 3 only a casualty's name. The same on both databases.
     */
    public Field<Integer> relevance(String text) {
        Field<String> p = val(Like.containsFolded(text));
        boolean postgres = database.isPostgres();
        return DSL.when(TextFold.sql(TITLE, postgres).like(p, '!'), inline(0))
                .when(TextFold.sql(LOCALITY, postgres).like(p, '!'), inline(1))
                .when(TextFold.sql(SUMMARY, postgres).like(p, '!'), inline(2)).otherwise(inline(3));
    }

    /**
     * On PostgreSQL, the texts {@code q} looks in, lower-cased, joined by a character no text holds and folded
     * ({@link TextFold}), as the trigram index of migration V31 holds them (the expressions must be the same for the
     * index to serve the query; the migration keeps its own copy, and no application class reads a migration).
     */
    public static final String SEARCHED = TextFold.postgres(
            "lower(title || chr(1) || coalesce(locality, '') || chr(1) || coalesce(summary, ''))");

    /** {@link #SEARCHED} as a jOOQ field. */
    public static final Field<String> SEARCHED_TEXT = field(SEARCHED, String.class);

    /**
     * Substring search in the title, summary, locality and the names of the dead. The text index answers the ids that
     * hold the text (ADR 0016, 0021), for the rest of the query to take as a list. Where it cannot (still catching up
     * after a start, switched off, more matches than it lists), PostgreSQL reads one trigram index over the three
     * texts joined, led by the country (V26, ADR 0019), united with the casualty names' own, instead of an OR that
     * makes the planner walk the sort index and test every row; H2 tests every row.
     */
    private Condition text(String text, Collection<String> countries) {
        Optional<long[]> ids = textIndex.ids(text, countries);
        if (ids.isPresent()) {
            return anyOf(ids.get(), database.isPostgres());
        }
        Field<String> p = val(Like.containsFolded(text));
        boolean postgres = database.isPostgres();
        var names = select(CASUALTY_INCIDENT).from(CASUALTY).join(CASUALTY_NAME).on(CASUALTY_NAME_CASUALTY.eq(CASUALTY_ID))
                .where(TextFold.sql(CASUALTY_NAME_NAME, postgres).like(p, '!'));
        if (postgres) {
            Condition searched = SEARCHED_TEXT.like(p, '!');
            if (countries.size() == 1) {
                // The index leads with the country: one country's matches only are read (several: all of them).
                searched = searched.and(PLAIN_COUNTRY_CODE.eq(countries.iterator().next()));
            }
            return ID.in(select(PLAIN_ID).from(INCIDENT_PLAIN).where(searched).unionAll(names));
        }
        return TextFold.sql(TITLE, false).like(p, '!').or(TextFold.sql(SUMMARY, false).like(p, '!'))
                .or(TextFold.sql(LOCALITY, false).like(p, '!')).or(ID.in(names));
    }

    /**
     * The incidents with these ids, as H2 serves such a list best: up to {@link #INLINE_IDS} written into the
     * statement (H2 looks each up in the primary key and tests a row against a hash set); more as one bare array
     * parameter (H2 keeps parsed statements, and these would be large), also looked up in the primary key, but each
     * row is then tested against the whole array. jOOQ's any() would write one OR per id on H2, and a cast of the
     * parameter would be evaluated again for every row. PostgreSQL takes them as one array parameter however many
     * (one statement text, planned as such, instead of thousands of literals to parse).
     */
    static Condition anyOf(long[] ids, boolean postgres) {
        if (ids.length == 0) {
            return DSL.falseCondition();
        }
        if (ids.length <= INLINE_IDS && !postgres) {
            return ID.in(Arrays.stream(ids).mapToObj(DSL::inline).toList());
        }
        Object array = Arrays.stream(ids).boxed().toArray(Long[]::new);
        return DSL.condition("{0} = any({1})", ID, DSL.field("?", Object.class, array));
    }

    private static <T> void in(List<Condition> w, Field<T> column, Collection<T> values) {
        if (!values.isEmpty()) {
            w.add(column.in(values));
        }
    }

    private static Condition bbox(BoundingBox b) {
        Condition c = LATITUDE.between(b.minLat(), b.maxLat());
        if (b.minLon() <= b.maxLon()) {
            return c.and(LONGITUDE.between(b.minLon(), b.maxLon()));
        }
        return c.and(LONGITUDE.ge(b.minLon()).or(LONGITUDE.le(b.maxLon())));
    }

    /**
     * Great-circle distance by the haversine formula, after a latitude band (and, away from the poles and the
     * antimeridian, a longitude band) that an index can serve.
     */
    private static Condition near(Circle c) {
        double dLat = Math.toDegrees(c.radiusKm() / EARTH_RADIUS_KM);
        Condition band = LATITUDE.between(c.lat() - dLat, c.lat() + dLat);
        double cosLat = Math.cos(Math.toRadians(c.lat()));
        if (cosLat > 0.01) {
            double dLon = dLat / cosLat;
            if (c.lon() - dLon >= -180 && c.lon() + dLon <= 180) {
                band = band.and(LONGITUDE.between(c.lon() - dLon, c.lon() + dLon));
            }
        }
        Field<Double> lat = val(c.lat());
        Field<Double> lon = val(c.lon());
        Field<BigDecimal> haversine = power(sin(rad(LATITUDE.minus(lat)).div(inline(2))), inline(2))
                .plus(cos(rad(lat)).times(cos(rad(LATITUDE))).times(power(sin(rad(LONGITUDE.minus(lon)).div(inline(2))),
                        inline(2))));
        Field<Double> distance = inline(2 * EARTH_RADIUS_KM).times(asin(least(inline(BigDecimal.ONE), sqrt(haversine))));
        return band.and(distance.le(c.radiusKm()));
    }
}
