package org.incidentkb.link;

import static org.jooq.impl.DSL.inline;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Database;
import org.incidentkb.common.Figures;
import org.incidentkb.common.schema.Tables;
import org.incidentkb.common.schema.tables.Incident;
import org.incidentkb.common.schema.tables.IncidentEvent;
import org.incidentkb.common.schema.tables.IncidentExternalRef;
import org.incidentkb.common.schema.tables.IncidentLink;
import org.incidentkb.incident.model.IncidentRepository;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.Record;
import org.jooq.Record2;

/**
 * The events' rows and what they are computed from, read and written in the caller's transaction on its connection:
 * {@code incident_event} (V17), the joining links, the members' figures and datasets.
 */
@ApplicationScoped
class EventRows {

    static final int CHUNK = 500;
    private static final IncidentEvent EVENT = Tables.INCIDENT_EVENT;
    private static final IncidentEvent OTHER = Tables.INCIDENT_EVENT.as("m");
    private static final IncidentLink LINK = Tables.INCIDENT_LINK;
    private static final Incident INCIDENT = Tables.INCIDENT;
    private static final IncidentExternalRef REF = Tables.INCIDENT_EXTERNAL_REF;
    /** The links that join two incidents into one event. */
    private static final Condition JOINING = LINK.RELATION.eq(inline("SAME_EVENT"))
            .and(LINK.STATUS.ne(inline("REJECTED")));
    static final BulkRows.Table TABLE = new BulkRows.Table(EVENT.getName(), EVENT.INCIDENT_ID.getName(),
            EVENT.EVENT_ID.getName(), EVENT.KILLED_LOW.getName(), EVENT.KILLED_BEST.getName(),
            EVENT.KILLED_HIGH.getName(), EVENT.INJURED_LOW.getName(), EVENT.INJURED_BEST.getName(),
            EVENT.INJURED_HIGH.getName());

    private final Database database;
    private final IncidentRepository incidents;

    EventRows(Database database, IncidentRepository incidents) {
        this.database = database;
        this.incidents = incidents;
    }

    /** Takes the events' lock (V32) until the transaction ends, without flushing the session first. */
    void lock() {
        database.read(sql -> sql.selectOne().from(Tables.EVENT_LOCK).where(Tables.EVENT_LOCK.ID.eq(inline(1)))
                .forUpdate().fetch());
    }

    /** Whether any of these incidents is in an event. */
    boolean anyMember(List<Long> ids) {
        return database.read(sql -> sql.fetchExists(EVENT, EVENT.INCIDENT_ID.in(ids)));
    }

    /** Those of these incidents that are in an event. */
    List<Long> members(List<Long> ids) {
        return database.read(sql -> sql.select(EVENT.INCIDENT_ID).from(EVENT).where(EVENT.INCIDENT_ID.in(ids))
                .fetch(EVENT.INCIDENT_ID));
    }

    /** Every member of the events these incidents are in. */
    List<Long> eventsOf(List<Long> ids) {
        return database.read(sql -> sql.select(OTHER.INCIDENT_ID).from(EVENT).join(OTHER)
                .on(OTHER.EVENT_ID.eq(EVENT.EVENT_ID)).where(EVENT.INCIDENT_ID.in(ids)).fetch(OTHER.INCIDENT_ID));
    }

    /** The joining links with an end among these incidents, each as (from, to). */
    List<long[]> linksOf(List<Long> ids) {
        List<long[]> out = new ArrayList<>();
        database.read(sql -> {
            for (Record2<Long, Long> r : sql.select(LINK.FROM_ID, LINK.TO_ID).from(LINK)
                    .where(JOINING.and(LINK.LOW_ID.in(ids).or(LINK.HIGH_ID.in(ids))))) {
                out.add(new long[] { r.value1(), r.value2() });
            }
            return null;
        });
        return out;
    }

    /** Every joining link, streamed to {@code each} as (from, to). */
    void eachJoiningLink(Consumer<long[]> each) {
        database.read(sql -> {
            try (Cursor<Record2<Long, Long>> rows = sql.select(LINK.FROM_ID, LINK.TO_ID).from(LINK).where(JOINING)
                    .fetchSize(10_000).fetchLazy()) {
                for (Record2<Long, Long> r : rows) {
                    each.accept(new long[] { r.value1(), r.value2() });
                }
            }
            return null;
        });
    }

    /** Locks these incidents' rows, in id order, until the transaction ends. */
    void lockIncidents(List<Long> sortedIds) {
        incidents.lockInIdOrder(sortedIds);
    }

    void delete(Collection<Long> ids) {
        database.read(sql -> sql.deleteFrom(EVENT).where(EVENT.INCIDENT_ID.in(ids)).execute());
    }

    void deleteAll() {
        database.read(sql -> sql.deleteFrom(EVENT).execute());
    }

    /**
     * The members' figures and datasets, for the incidents {@code where} selects that {@code wanted} keeps (an
     * incident with references from two datasets has none, {@code null}; one without any, "API").
     */
    void members(Condition where, LongPredicate wanted, Consumer<EventFigures.Member> each) {
        database.read(sql -> {
            try (Cursor<? extends Record> rows = sql
                    .select(INCIDENT.ID, INCIDENT.KILLED_LOW, INCIDENT.KILLED_BEST, INCIDENT.KILLED_HIGH,
                            INCIDENT.INJURED_LOW, INCIDENT.INJURED_BEST, INCIDENT.INJURED_HIGH, REF.DATASET)
                    .from(INCIDENT).leftJoin(REF).on(REF.INCIDENT_ID.eq(INCIDENT.ID)).where(where)
                    .orderBy(INCIDENT.ID).fetchSize(10_000).fetchLazy()) {
                EventFigures.Member pending = null;
                for (Record r : rows) {
                    long id = r.get(INCIDENT.ID);
                    if (!wanted.test(id)) {
                        continue;
                    }
                    String dataset = r.get(REF.DATASET) == null ? "API" : r.get(REF.DATASET);
                    if (pending != null && pending.id() == id) {
                        if (!dataset.equals(pending.dataset())) {
                            pending = withDataset(pending, null);
                        }
                        continue;
                    }
                    if (pending != null) {
                        each.accept(pending);
                    }
                    pending = new EventFigures.Member(id, figures(r.get(INCIDENT.KILLED_LOW), r.get(INCIDENT.KILLED_BEST),
                            r.get(INCIDENT.KILLED_HIGH)), figures(r.get(INCIDENT.INJURED_LOW),
                            r.get(INCIDENT.INJURED_BEST), r.get(INCIDENT.INJURED_HIGH)), dataset);
                }
                if (pending != null) {
                    each.accept(pending);
                }
            }
            return null;
        });
    }

    /** The members of a range of incident ids, by {@link #members(Condition, LongPredicate, Consumer)}. */
    static Condition idBetween(long first, long last) {
        return INCIDENT.ID.between(first, last);
    }

    static Condition idIn(Collection<Long> ids) {
        return INCIDENT.ID.in(ids);
    }

    private static EventFigures.Member withDataset(EventFigures.Member m, String dataset) {
        return new EventFigures.Member(m.id(), m.killed(), m.injured(), dataset);
    }

    /** low, best, high from three columns; null (unknown) when there is no best. */
    private static Figures figures(Integer low, Integer best, Integer high) {
        return best == null ? null : new Figures(low, best, high);
    }

    /** Has the database plan the deduplicated queries on fresh statistics, after every row was rewritten. */
    void analyze() {
        database.analyze(EVENT.getName());
    }

}
