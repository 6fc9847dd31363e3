package org.incidentkb.stats;

import static org.incidentkb.incident.query.IncidentSchema.EVENT;
import static org.incidentkb.incident.query.IncidentSchema.EVENT_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT_INCIDENT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.incidentkb.common.Database;
import org.incidentkb.incident.write.EventRowsChange;
import org.incidentkb.stats.Contributions.Contribution;
import org.incidentkb.stats.Contributions.Counted;
import org.incidentkb.stats.Contributions.EventRole;
import org.incidentkb.stats.Contributions.Key;
import org.incidentkb.stats.CountedRows.Member;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The roll-up's corrections for {@code dedupe=events} (event_rollup, event_rollup_country, event_rollup_year,
 * event_rollup_perpetrator_year; V22, V30): for every incident in an event of two or more, what deduplicating changes
 * in its contribution ({@link Contribution#correct}). Deduplicated statistics and totals are the roll-up plus these
 * rows, a few hundred rows read instead of a join of every incident with its event.
 * <p>
 * The rows always equal the corrections of the {@code incident_event} rows as the incidents now stand: a write to an
 * incident of an event moves its correction ({@link StatsRollup}); a rewrite of {@code incident_event} rows
 * ({@link EventRowsChange}, fired by whoever rewrites them) takes their corrections away before and adds the new ones
 * after, in its transaction.
 */
@ApplicationScoped
public class EventRollup {

    private static final int CHUNK = 500;
    /** Members whose corrections one pair of range reads fetches when every correction is rebuilt. */
    private static final int RANGE = 10_000;

    private final Database database;
    private final RollupWriter writer;

    public EventRollup(Database database, RollupWriter writer) {
        this.database = database;
        this.writer = writer;
    }

    void on(@Observes EventRowsChange change) {
        switch (change.phase()) {
            case REWRITING -> change(change.incidents(), -1);
            case REWRITTEN -> change(change.incidents(), 1);
            case CLEARING -> clear();
            case REFILLED -> addAll();
        }
    }

    /**
     * The {@code incident_event} rows of these incidents (none for an incident in no event), locked until the end of
     * the transaction, so that a recomputation of their events waits for the caller's change and then reads it.
     */
    Map<Long, EventRole> roles(Collection<Long> incidents) {
        Map<Long, EventRole> out = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(incidents))) {
            out.putAll(database.read(sql -> CountedRows.rolesForUpdate(sql, EVENT_INCIDENT.in(chunk))));
        }
        return out;
    }

    /** Deletes every correction, before every {@code incident_event} row is rewritten. */
    private void clear() {
        database.read(sql -> {
            for (Grain grain : Grain.values()) {
                sql.deleteFrom(DSL.table(DSL.name(grain.eventTable))).execute();
            }
            return null;
        });
    }

    /**
     * Adds the corrections of every {@code incident_event} row (after {@link #clear} and the rows rewritten): the
     * members read by ranges of their ids (each range one index range on {@code incident_event}, its incidents and
     * their perpetrators), their corrections summed in memory per key (a few thousand), then written. (One INSERT ...
     * SELECT per grain took 41 s for a million members on H2, which buffers a large grouped union on disk; read a page
     * at a time by keyset, a minute on PostgreSQL, which planned each page as a join of the whole table.)
     */
    private void addAll() {
        SortedMap<Key, Contribution> deltas = new TreeMap<>();
        database.read(sql -> {
            long[] ids = ids(sql.select(EVENT_INCIDENT).from(EVENT).orderBy(EVENT_INCIDENT));
            for (int start = 0; start < ids.length; start += RANGE) {
                long first = ids[start];
                long last = ids[Math.min(ids.length, start + RANGE) - 1];
                correct(deltas, CountedRows.members(sql, EVENT_INCIDENT.between(first, last),
                        CountedRows.perpetrators(PARTICIPANT_INCIDENT.between(first, last))), 1);
            }
            return null;
        });
        writer.add(Contributions.withoutZeros(deltas), true);
    }

    /** The ids a query selects, in its order, without a record per id kept. */
    static long[] ids(org.jooq.ResultQuery<org.jooq.Record1<Long>> query) {
        java.util.stream.LongStream.Builder ids = java.util.stream.LongStream.builder();
        try (org.jooq.Cursor<org.jooq.Record1<Long>> rows = query.fetchSize(10_000).fetchLazy()) {
            for (org.jooq.Record1<Long> r : rows) {
                ids.add(r.value1());
            }
        }
        return ids.build().toArray();
    }

    private void change(Collection<Long> incidents, int sign) {
        SortedMap<Key, Contribution> deltas = new TreeMap<>();
        for (List<Long> chunk : chunks(List.copyOf(incidents))) {
            correct(deltas, database.read((DSLContext sql) -> CountedRows.members(sql, EVENT_INCIDENT.in(chunk),
                    CountedRows.perpetrators(PARTICIPANT_INCIDENT.in(chunk)))), sign);
        }
        writer.add(Contributions.withoutZeros(deltas), true);
    }

    private static void correct(SortedMap<Key, Contribution> deltas, List<Member> members, int sign) {
        Map<Counted, EventRole> roles = new LinkedHashMap<>();
        members.forEach(m -> roles.put(m.incident(), m.role()));
        Contributions.correctAll(deltas, roles, sign);
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }
}
