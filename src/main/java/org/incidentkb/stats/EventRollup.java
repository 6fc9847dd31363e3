package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.hibernate.Session;
import org.incidentkb.common.Figures;
import org.incidentkb.stats.StatsRollup.Contribution;
import org.incidentkb.stats.StatsRollup.Counted;
import org.incidentkb.stats.StatsRollup.EventRole;
import org.incidentkb.stats.StatsRollup.Grain;
import org.incidentkb.stats.StatsRollup.Key;

/**
 * The roll-up's corrections for {@code dedupe=events} (event_rollup, event_rollup_country, event_rollup_year; V22):
 * for every incident in an event of two or more, what deduplicating changes in its contribution (a member that is not
 * the lead takes it away; the lead counts the event's low and high instead of its own, {@link Contribution#correct}).
 * Deduplicated statistics and totals are the roll-up plus these rows, a few hundred rows read instead of a join of
 * every incident with its event.
 * <p>
 * The rows always equal the corrections of the {@code incident_event} rows as the incidents now stand: a write to an
 * incident of an event moves its correction ({@link StatsRollup}); whoever rewrites {@code incident_event} rows takes
 * their corrections away before ({@link #remove}) and adds the new ones after ({@link #add}), in its transaction.
 */
@ApplicationScoped
public class EventRollup {

    private static final int CHUNK = 500;
    /** Members whose corrections one pair of range reads fetches when every correction is rebuilt. */
    private static final int RANGE = 10_000;
    private static final String ROLES = "select incident_id, event_id, killed_low, killed_high, injured_low,"
            + " injured_high from incident_event";
    private static final String MEMBERS = "select e.incident_id, e.event_id, e.killed_low, e.killed_high,"
            + " e.injured_low, e.injured_high, i.country_code, i.start_date, i.type_code, i.category_code,"
            + " i.claim_status, i.killed_low, i.killed_best, i.killed_high, i.injured_low, i.injured_best,"
            + " i.injured_high from incident_event e join incident i on i.id = e.incident_id";
    private static final String PERPETRATORS = "select incident_id, actor_id from incident_actor"
            + " where role = 'PERPETRATOR' and ";

    private final EntityManager em;
    private final RollupWriter writer;

    public EventRollup(EntityManager em, RollupWriter writer) {
        this.em = em;
        this.writer = writer;
    }

    /**
     * The {@code incident_event} rows of these incidents (none for an incident in no event), locked until the end of
     * the transaction, so that a recomputation of their events waits for the caller's change and then reads it.
     */
    Map<Long, EventRole> roles(Collection<Long> incidents) {
        Map<Long, EventRole> out = new HashMap<>();
        if (incidents.isEmpty()) {
            return out;
        }
        em.unwrap(Session.class).doWork(c -> {
            for (List<Long> chunk : chunks(List.copyOf(incidents))) {
                try (PreparedStatement s = c.prepareStatement(ROLES + " where incident_id in (" + marks(chunk) + ")"
                        + " order by incident_id for update")) {
                    bind(s, chunk);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            EventRole role = role(r, 1);
                            out.put(role.incidentId(), role);
                        }
                    }
                }
            }
        });
        return out;
    }

    /** Takes away the corrections of these incidents' {@code incident_event} rows, before the rows change. */
    public void remove(Connection c, Collection<Long> incidents) throws SQLException {
        change(c, incidents, -1);
    }

    /** Adds the corrections of these incidents' {@code incident_event} rows, after the rows changed. */
    public void add(Connection c, Collection<Long> incidents) throws SQLException {
        change(c, incidents, 1);
    }

    /** Deletes every correction, when every {@code incident_event} row is rewritten. */
    public void clear(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Grain grain : Grain.values()) {
                s.executeUpdate("delete from " + grain.eventTable);
            }
        }
    }

    /**
     * Adds the corrections of every {@code incident_event} row (after {@link #clear} and the rows rewritten): the
     * members read by ranges of their ids (each range one index range on {@code incident_event}, its incidents and
     * their perpetrators), their corrections summed in memory per key (a few thousand), then written. (One INSERT ...
     * SELECT per grain took 41 s for a million members on H2, which buffers a large grouped union on disk; read a page
     * at a time by keyset, a minute on PostgreSQL, which planned each page as a join of the whole table.)
     */
    public void addAll(Connection c) throws SQLException {
        long[] ids;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery("select incident_id from incident_event order by incident_id")) {
                LongStream.Builder all = LongStream.builder();
                while (r.next()) {
                    all.add(r.getLong(1));
                }
                ids = all.build().toArray();
            }
        }
        SortedMap<Key, Contribution> deltas = new TreeMap<>();
        try (PreparedStatement members = c.prepareStatement(MEMBERS + " where e.incident_id between ? and ?");
                PreparedStatement perpetrators = c.prepareStatement(PERPETRATORS + "incident_id between ? and ?")) {
            for (int start = 0; start < ids.length; start += RANGE) {
                long first = ids[start];
                long last = ids[Math.min(ids.length, start + RANGE) - 1];
                members.setLong(1, first);
                members.setLong(2, last);
                perpetrators.setLong(1, first);
                perpetrators.setLong(2, last);
                correct(deltas, members(members), perpetrators(perpetrators), 1);
            }
        }
        write(c, deltas);
    }

    private void change(Connection c, Collection<Long> incidents, int sign) throws SQLException {
        SortedMap<Key, Contribution> deltas = new TreeMap<>();
        for (List<Long> chunk : chunks(List.copyOf(incidents))) {
            List<Member> members;
            try (PreparedStatement s = c.prepareStatement(MEMBERS + " where e.incident_id in (" + marks(chunk) + ")")) {
                bind(s, chunk);
                members = members(s);
            }
            if (members.isEmpty()) {
                continue;
            }
            List<Long> ids = members.stream().map(m -> m.role().incidentId()).toList();
            try (PreparedStatement s = c.prepareStatement(PERPETRATORS + "incident_id in (" + marks(ids) + ")")) {
                bind(s, ids);
                correct(deltas, members, perpetrators(s), sign);
            }
        }
        write(c, deltas);
    }

    private void write(Connection c, SortedMap<Key, Contribution> deltas) throws SQLException {
        deltas.values().removeIf(Contribution::isZero);
        writer.add(c, deltas, true);
    }

    /** A member of an event as its row and its incident's columns say, before its perpetrators are known. */
    private record Member(EventRole role, String country, LocalDate startDate, String type, String category,
            String claimStatus, Figures killed, Figures injured) {
    }

    private static void correct(SortedMap<Key, Contribution> deltas, List<Member> members,
            Map<Long, List<Long>> perpetrators, int sign) {
        for (Member m : members) {
            long id = m.role().incidentId();
            Counted incident = new Counted(id, m.country(), StatsRollup.period(m.startDate()), m.type(), m.category(),
                    m.claimStatus(), perpetrators.getOrDefault(id, List.of()), m.killed(), m.injured());
            StatsRollup.add(deltas, incident, k -> k.correct(incident, m.role(), sign));
        }
    }

    private static List<Member> members(PreparedStatement s) throws SQLException {
        List<Member> out = new ArrayList<>();
        s.setFetchSize(1_000);
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Member(role(r, 1), orEmpty(r.getString(7)), r.getObject(8, LocalDate.class),
                        orEmpty(r.getString(9)), r.getString(10), r.getString(11), figures(r, 12), figures(r, 15)));
            }
        }
        return out;
    }

    /** The distinct perpetrators of each incident the statement selects. */
    private static Map<Long, List<Long>> perpetrators(PreparedStatement s) throws SQLException {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        s.setFetchSize(1_000);
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                List<Long> of = out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>(1));
                long actor = r.getLong(2);
                if (!of.contains(actor)) {
                    of.add(actor);
                }
            }
        }
        return out;
    }

    private static EventRole role(ResultSet r, int at) throws SQLException {
        return new EventRole(r.getLong(at), r.getLong(at + 1), integer(r, at + 2), integer(r, at + 3),
                integer(r, at + 4), integer(r, at + 5));
    }

    /** low, best, high from three columns; null (unknown) when there is no best. */
    private static Figures figures(ResultSet r, int at) throws SQLException {
        Integer best = integer(r, at + 1);
        return best == null ? null : new Figures(integer(r, at), best, integer(r, at + 2));
    }

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void bind(PreparedStatement s, List<Long> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setLong(i + 1, params.get(i));
        }
    }

    private static String marks(List<Long> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }
}
