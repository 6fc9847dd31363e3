package org.incidentkb.stats;

import static org.incidentkb.incident.query.IncidentSchema.CATEGORY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.CLAIM_STATUS;
import static org.incidentkb.incident.query.IncidentSchema.COUNTRY_CODE;
import static org.incidentkb.incident.query.IncidentSchema.EVENT;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_ID;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INJURED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_KILLED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.ID;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.INJURED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.INJURED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.INJURED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.KILLED_BEST;
import static org.incidentkb.incident.query.IncidentSchema.KILLED_HIGH;
import static org.incidentkb.incident.query.IncidentSchema.KILLED_LOW;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT_ACTOR;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT_ROLE;
import static org.incidentkb.incident.query.IncidentSchema.START_DATE;
import static org.incidentkb.incident.query.IncidentSchema.TYPE_CODE;
import static org.jooq.impl.DSL.inline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentkb.common.Figures;
import org.incidentkb.stats.Contributions.Counted;
import org.incidentkb.stats.Contributions.EventRole;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;

/** Reads incidents as the roll-ups count them ({@link Counted}), with their events' rows where asked. */
final class CountedRows {

    private static final List<SelectField<?>> INCIDENT_COLUMNS = List.of(ID, COUNTRY_CODE, START_DATE, TYPE_CODE,
            CATEGORY_CODE, CLAIM_STATUS, KILLED_LOW, KILLED_BEST, KILLED_HIGH, INJURED_LOW, INJURED_BEST, INJURED_HIGH);
    private static final List<SelectField<?>> EVENT_COLUMNS = List.of(EVENT_INCIDENT, EVENT_ID, EVENT_KILLED_LOW,
            EVENT_KILLED_BEST, EVENT_KILLED_HIGH, EVENT_INJURED_LOW, EVENT_INJURED_BEST, EVENT_INJURED_HIGH);

    private CountedRows() {
    }

    /** An incident and its row in {@code incident_event}. */
    record Member(Counted incident, EventRole role) {
    }

    /**
     * The incidents {@code where} selects (a condition on {@code i}, an id range or list), each counted with its
     * perpetrators ({@code perpetratorsOf} selects theirs in {@code incident_actor}).
     */
    static List<Counted> incidents(DSLContext sql, Condition where, Condition perpetratorsOf) {
        Map<Long, List<Long>> perpetrators = perpetrators(sql, perpetratorsOf);
        List<Counted> out = new ArrayList<>();
        try (Cursor<Record> rows = sql.select(INCIDENT_COLUMNS).from(INCIDENT).where(where).fetchSize(1_000)
                .fetchLazy()) {
            for (Record r : rows) {
                out.add(counted(r, perpetrators));
            }
        }
        return out;
    }

    /** The events' members {@code where} selects (a condition on {@code incident_event}), with their rows. */
    static List<Member> members(DSLContext sql, Condition where, Condition perpetratorsOf) {
        Map<Long, List<Long>> perpetrators = perpetrators(sql, perpetratorsOf);
        List<SelectField<?>> columns = new ArrayList<>(INCIDENT_COLUMNS);
        columns.addAll(EVENT_COLUMNS);
        List<Member> out = new ArrayList<>();
        try (Cursor<Record> rows = sql.select(columns).from(EVENT).join(INCIDENT).on(ID.eq(EVENT_INCIDENT))
                .where(where).fetchSize(1_000).fetchLazy()) {
            for (Record r : rows) {
                out.add(new Member(counted(r, perpetrators), role(r)));
            }
        }
        return out;
    }

    /** The {@code incident_event} rows {@code where} selects, locked until the transaction ends. */
    static Map<Long, EventRole> rolesForUpdate(DSLContext sql, Condition where) {
        Map<Long, EventRole> out = new HashMap<>();
        for (Record r : sql.select(EVENT_COLUMNS).from(EVENT).where(where).orderBy(EVENT_INCIDENT).forUpdate()) {
            EventRole role = role(r);
            out.put(role.incidentId(), role);
        }
        return out;
    }

    /** The perpetrators' condition for an incident id condition on {@code incident_actor}'s incident_id. */
    static Condition perpetrators(Condition onIncident) {
        return PARTICIPANT_ROLE.eq(inline("PERPETRATOR")).and(onIncident);
    }

    /** The distinct perpetrators of each incident the condition selects, in the order read. */
    private static Map<Long, List<Long>> perpetrators(DSLContext sql, Condition where) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        try (Cursor<org.jooq.Record2<Long, Long>> rows = sql.select(PARTICIPANT_INCIDENT, PARTICIPANT_ACTOR).from(PARTICIPANT).where(where)
                .fetchSize(1_000).fetchLazy()) {
            for (org.jooq.Record2<Long, Long> r : rows) {
                List<Long> of = out.computeIfAbsent(r.get(PARTICIPANT_INCIDENT), k -> new ArrayList<>(1));
                Long actor = r.get(PARTICIPANT_ACTOR);
                if (!of.contains(actor)) {
                    of.add(actor);
                }
            }
        }
        return out;
    }

    private static Counted counted(Record r, Map<Long, List<Long>> perpetrators) {
        long id = r.get(ID);
        return new Counted(id, orEmpty(r.get(COUNTRY_CODE)), Contributions.month(r.get(START_DATE)),
                orEmpty(r.get(TYPE_CODE)), r.get(CATEGORY_CODE), r.get(CLAIM_STATUS),
                perpetrators.getOrDefault(id, List.of()), figures(r, KILLED_LOW, KILLED_BEST, KILLED_HIGH),
                figures(r, INJURED_LOW, INJURED_BEST, INJURED_HIGH));
    }

    private static EventRole role(Record r) {
        return new EventRole(r.get(EVENT_INCIDENT), r.get(EVENT_ID),
                figures(r, EVENT_KILLED_LOW, EVENT_KILLED_BEST, EVENT_KILLED_HIGH),
                figures(r, EVENT_INJURED_LOW, EVENT_INJURED_BEST, EVENT_INJURED_HIGH));
    }

    /** low, best, high; null (unknown) when there is no best. */
    private static Figures figures(Record r, Field<Integer> low, Field<Integer> best, Field<Integer> high) {
        Integer b = r.get(best);
        return b == null ? null : new Figures(r.get(low), b, r.get(high));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
