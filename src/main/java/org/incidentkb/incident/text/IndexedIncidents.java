package org.incidentkb.incident.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentkb.common.schema.Tables;
import org.incidentkb.common.schema.tables.Casualty;
import org.incidentkb.common.schema.tables.CasualtyName;
import org.incidentkb.common.schema.tables.Incident;
import org.incidentkb.incident.text.TextIndex.Entry;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SelectField;

/** The incidents as the text index reads them from the database, on the connection it reads them with. */
final class IndexedIncidents {

    private static final Incident INCIDENT = Tables.INCIDENT;
    private static final Casualty CASUALTY = Tables.CASUALTY;
    private static final CasualtyName NAME = Tables.CASUALTY_NAME;
    private static final List<SelectField<?>> COLUMNS = List.of(INCIDENT.ID, INCIDENT.UPDATED_AT, INCIDENT.START_DATE,
            INCIDENT.COUNTRY_CODE, INCIDENT.TITLE, INCIDENT.LOCALITY, INCIDENT.SUMMARY);

    private IndexedIncidents() {
    }

    /** Each incident's id and updatedAt (µs), by id, streamed. */
    interface Updated {
        void accept(long id, long updatedMicros);
    }

    static void eachUpdated(DSLContext sql, Updated each) {
        try (Cursor<Record2<Long, java.time.Instant>> rows = sql.select(INCIDENT.ID, INCIDENT.UPDATED_AT)
                .from(INCIDENT).orderBy(INCIDENT.ID).fetchSize(10_000).fetchLazy()) {
            for (Record2<Long, java.time.Instant> r : rows) {
                each.accept(r.value1(), TextIndex.micros(r.value2()));
            }
        }
    }

    /**
     * The entries of these incidents (ascending ids) as the database holds them now: one index range from the first
     * id to the last, the ids between them that were not asked left out.
     */
    static List<Entry> read(DSLContext sql, List<Long> ids) {
        Condition range = INCIDENT.ID.between(ids.get(0), ids.get(ids.size() - 1));
        Map<Long, List<String>> names = names(sql, CASUALTY.INCIDENT_ID.between(ids.get(0), ids.get(ids.size() - 1)));
        Set<Long> wanted = new HashSet<>(ids);
        List<Entry> entries = new ArrayList<>();
        for (Record r : sql.select(COLUMNS).from(INCIDENT).where(range)) {
            if (wanted.contains(r.get(INCIDENT.ID))) {
                entries.add(entry(r, names));
            }
        }
        return entries;
    }

    /** The entries of these incidents (ascending ids) as the database holds them now; deleted ones where it does not. */
    static List<Entry> readOrDeleted(DSLContext sql, List<Long> ids) {
        Map<Long, List<String>> names = names(sql, CASUALTY.INCIDENT_ID.in(ids));
        Map<Long, Entry> found = new HashMap<>();
        for (Record r : sql.select(COLUMNS).from(INCIDENT).where(INCIDENT.ID.in(ids))) {
            Entry e = entry(r, names);
            found.put(e.id(), e);
        }
        return ids.stream().map(id -> found.getOrDefault(id, Entry.deleted(id))).toList();
    }

    private static Map<Long, List<String>> names(DSLContext sql, Condition casualties) {
        Map<Long, List<String>> names = new HashMap<>();
        for (Record2<Long, String> r : sql.select(CASUALTY.INCIDENT_ID, NAME.NAME).from(CASUALTY).join(NAME)
                .on(NAME.CASUALTY_ID.eq(CASUALTY.ID)).where(casualties)) {
            names.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2());
        }
        return names;
    }

    private static Entry entry(Record r, Map<Long, List<String>> names) {
        long id = r.get(INCIDENT.ID);
        return new Entry(id, TextIndex.micros(r.get(INCIDENT.UPDATED_AT)), r.get(INCIDENT.START_DATE).toEpochDay(),
                r.get(INCIDENT.COUNTRY_CODE), r.get(INCIDENT.TITLE), r.get(INCIDENT.LOCALITY), r.get(INCIDENT.SUMMARY),
                names.getOrDefault(id, List.of()));
    }
}
