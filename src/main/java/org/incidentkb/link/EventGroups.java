package org.incidentkb.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Session;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.KbConfig;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.write.EventRowsChange;
import org.incidentkb.incident.write.IncidentsChanged;
import org.incidentkb.incident.write.Projection;
import org.incidentkb.incident.write.IncidentsChanging;
import org.jboss.logging.Logger;

/**
 * One event across datasets: keeps {@code incident_event} (V17), what {@code dedupe=events} reads (lists leave out
 * the members that are not the lead; statistics take the lead's row for the event's figures), true to the SAME_EVENT
 * links that are not rejected.
 * The incidents those links join, transitively, are one event; its lead (the incident a deduplicated list shows) is
 * the member from the dataset first in {@code kb.links.dataset-priority}, then the lowest id. The lead's row carries
 * the event's reconciled figures: the smallest known low and the largest high, null when any member's high is
 * unknown (the best is the lead's own). Recomputed, in the caller's transaction, for the events a link change
 * touches, for every event after a matching run, and when a member's figures change or a member is deleted; the
 * rewrites are published ({@link EventRowsChange}) so that what is derived from the rows (the statistics'
 * corrections for the events) moves with them.
 */
@ApplicationScoped
public class EventGroups implements Projection {

    private static final Logger LOG = Logger.getLogger(EventGroups.class);
    private static final int CHUNK = 500;
    /** Joined incidents whose figures one query reads, as the range from the first one's id to the last one's. */
    private static final int FIGURES_RANGE = 10_000;
    private static final BulkRows.Table EVENT = new BulkRows.Table("incident_event", "incident_id", "event_id",
            "killed_low", "killed_high", "injured_low", "injured_high");
    private static final String JOINING = "relation = 'SAME_EVENT' and status <> 'REJECTED'";

    /** The transaction's resource that says it holds the events' lock. */
    private static final String LOCKED = EventGroups.class.getName() + ".locked";

    private final EntityManager em;
    private final jakarta.enterprise.event.Event<EventRowsChange> rowsChange;
    private final List<String> priority;
    private final jakarta.transaction.TransactionSynchronizationRegistry transactions;

    public EventGroups(EntityManager em, jakarta.enterprise.event.Event<EventRowsChange> rowsChange, KbConfig config,
            jakarta.transaction.TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
        this.rowsChange = rowsChange;
        this.priority = config.links().datasetPriority().stream().map(String::trim).toList();
    }

    /**
     * Takes the events' lock (V32) until the transaction ends. A transaction that writes SAME_EVENT links takes it
     * before its first write, so that link writers and event recomputations run one after the other (never waiting
     * on each other's rows in opposite orders) and each recomputation reads every link committed before it. Taking it
     * again in the same transaction is free.
     */
    public void lock() {
        if (transactions.getResource(LOCKED) != null) {
            return;
        }
        // Without flushing first: a pending change of an incident would take its row lock before this one.
        em.createNativeQuery("select id from event_lock where id = 1 for update")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList();
        transactions.putResource(LOCKED, Boolean.TRUE);
    }

    /**
     * A write about to change or delete incidents of an event takes the events' lock first, before their rows: the
     * lock order of every link writer (the lock, then incident rows), so the two never wait on each other crosswise.
     */
    void beforeChange(@Observes IncidentsChanging changing) {
        if (transactions.getResource(LOCKED) != null) {
            return;
        }
        List<Long> ids = List.copyOf(changing.ids());
        for (List<Long> chunk : chunks(ids)) {
            boolean member = !em.createNativeQuery("select incident_id from incident_event where incident_id in (:ids)")
                    .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).setParameter("ids", chunk)
                    .setMaxResults(1).getResultList().isEmpty();
            if (member) {
                lock();
                return;
            }
        }
    }

    /** Recomputes the events of these incidents (and of every incident joined to them, before or now). */
    public void recompute(Collection<Long> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        lock();
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            Set<Long> seen = new HashSet<>(incidents);
            for (List<Long> chunk : chunks(List.copyOf(incidents))) {
                seen.addAll(longs(c, "select m.incident_id from incident_event e join incident_event m"
                        + " on m.event_id = e.event_id where e.incident_id in (" + marks(chunk) + ")", chunk));
            }
            UnionFind groups = new UnionFind();
            List<Long> frontier = List.copyOf(seen);
            while (!frontier.isEmpty()) {
                List<Long> next = new ArrayList<>();
                for (List<Long> chunk : chunks(frontier)) {
                    String in = marks(chunk);
                    List<Long> both = new ArrayList<>(chunk);
                    both.addAll(chunk);
                    try (PreparedStatement s = c.prepareStatement("select from_id, to_id from incident_link where "
                            + JOINING + " and (low_id in (" + in + ") or high_id in (" + in + "))")) {
                        bind(s, both);
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                long a = r.getLong(1);
                                long b = r.getLong(2);
                                groups.union(a, b);
                                for (long id : new long[] { a, b }) {
                                    if (seen.add(id)) {
                                        next.add(id);
                                    }
                                }
                            }
                        }
                    }
                }
                frontier = next;
            }
            // The members' rows locked in id order: a write to one of them in flight ends first, and is read below.
            List<Long> members = seen.stream().sorted().toList();
            for (List<Long> chunk : chunks(members)) {
                longs(c, "select id from incident where id in (" + marks(chunk) + ") order by id for update", chunk);
            }
            rowsChange.fire(EventRowsChange.rewriting(seen));
            for (List<Long> chunk : chunks(List.copyOf(seen))) {
                try (PreparedStatement s = c.prepareStatement("delete from incident_event where incident_id in ("
                        + marks(chunk) + ")")) {
                    bind(s, chunk);
                    s.executeUpdate();
                }
            }
            write(c, groups);
            rowsChange.fire(EventRowsChange.rewritten(seen));
        });
    }

    /**
     * Recomputes every event from the links (after a matching run), in primitive arrays: the joined incidents sorted by
     * id, a union-find over their positions, one streamed read of their figures and datasets, and the rows written in
     * chunks. Hundreds of thousands of links take a few seconds and tens of MB.
     */
    public void recomputeAll() {
        lock();
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            long started = System.nanoTime();
            // The rows first: a write to a member in flight holds its row, and ends before the corrections go.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from incident_event");
            }
            rowsChange.fire(EventRowsChange.clearing());
            long[] from = new long[1024];
            long[] to = new long[1024];
            int links = 0;
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery("select from_id, to_id from incident_link where " + JOINING)) {
                    while (r.next()) {
                        if (links == from.length) {
                            from = java.util.Arrays.copyOf(from, links * 2);
                            to = java.util.Arrays.copyOf(to, links * 2);
                        }
                        from[links] = r.getLong(1);
                        to[links++] = r.getLong(2);
                    }
                }
            }
            if (links == 0) {
                return;
            }
            long[] ids = java.util.stream.LongStream.concat(java.util.Arrays.stream(from, 0, links),
                    java.util.Arrays.stream(to, 0, links)).sorted().distinct().toArray();
            int[] parent = new int[ids.length];
            for (int k = 0; k < parent.length; k++) {
                parent[k] = k;
            }
            for (int l = 0; l < links; l++) {
                int a = root(parent, java.util.Arrays.binarySearch(ids, from[l]));
                int b = root(parent, java.util.Arrays.binarySearch(ids, to[l]));
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
            Figures figures = figures(c, ids);
            // The lead of each event: the member with the best dataset rank, then the lowest id (positions follow ids).
            int[] lead = new int[ids.length];
            java.util.Arrays.fill(lead, -1);
            for (int k = 0; k < ids.length; k++) {
                int r = root(parent, k);
                if (lead[r] < 0 || figures.rank[k] < figures.rank[lead[r]]) {
                    lead[r] = k;
                }
            }
            int[][] reconciled = new int[4][ids.length]; // killed low, killed high, injured low, injured high by root
            boolean[] seen = new boolean[ids.length];
            for (int k = 0; k < ids.length; k++) {
                int r = root(parent, k);
                for (int f = 0; f < 4; f++) {
                    int v = figures.values[f][k];
                    int at = reconciled[f][r];
                    boolean low = f % 2 == 0;
                    if (!seen[r]) {
                        reconciled[f][r] = v;
                    } else if (low) {
                        reconciled[f][r] = at == NONE ? v : v == NONE ? at : Math.min(at, v);
                    } else {
                        reconciled[f][r] = at == NONE || v == NONE ? NONE : Math.max(at, v);
                    }
                }
                seen[r] = true;
            }
            BulkRows rows = new BulkRows();
            int pending = 0;
            for (int k = 0; k < ids.length; k++) {
                int r = root(parent, k);
                int l = lead[r];
                if (k == l) {
                    rows.add(EVENT, ids[k], ids[l], value(reconciled[0][r]), value(reconciled[1][r]),
                            value(reconciled[2][r]), value(reconciled[3][r]));
                } else {
                    rows.add(EVENT, ids[k], ids[l], null, null, null, null);
                }
                if (++pending == 50_000) {
                    rows.write(em, List.of(EVENT));
                    rows = new BulkRows();
                    pending = 0;
                }
            }
            rows.write(em, List.of(EVENT));
            long corrections = System.nanoTime();
            rowsChange.fire(EventRowsChange.refilled());
            corrections = System.nanoTime() - corrections;
            if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
                // Hundreds of thousands of rows changed: plan the deduplicated queries on fresh statistics.
                try (Statement s = c.createStatement()) {
                    s.execute("analyze incident_event");
                }
            }
            LOG.infof("Events: %d incidents joined, written in %.1f s (of which %.1f s the statistics' corrections)",
                    ids.length, (System.nanoTime() - started) / 1e9, corrections / 1e9);
        });
    }

    /** Marks an unknown figure in the primitive arrays. */
    private static final int NONE = Integer.MIN_VALUE;

    private static Integer value(int v) {
        return v == NONE ? null : v;
    }

    private static int root(int[] parent, int k) {
        int r = k;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[k] != r) {
            int next = parent[k];
            parent[k] = r;
            k = next;
        }
        return r;
    }

    /** The figures (killed low, high, injured low, high) and dataset rank of incidents, by position in {@code ids}. */
    private record Figures(int[][] values, int[] rank) {
    }

    private Figures figures(Connection c, long[] ids) throws SQLException {
        int[][] values = new int[4][ids.length];
        for (int[] v : values) {
            java.util.Arrays.fill(v, NONE);
        }
        int[] rank = new int[ids.length];
        String[] dataset = new String[ids.length];
        boolean[] mixed = new boolean[ids.length];
        // Ranges of the sorted ids, each one index range on both databases (H2 plans a join to the linked ids poorly).
        try (PreparedStatement s = c.prepareStatement("select i.id, i.killed_low, i.killed_high, i.injured_low,"
                + " i.injured_high, r.dataset from incident i left join incident_external_ref r on r.incident_id = i.id"
                + " where i.id between ? and ?")) {
            s.setFetchSize(10_000);
            for (int start = 0; start < ids.length; start += FIGURES_RANGE) {
                s.setLong(1, ids[start]);
                s.setLong(2, ids[Math.min(ids.length, start + FIGURES_RANGE) - 1]);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int k = java.util.Arrays.binarySearch(ids, r.getLong(1));
                        if (k < 0) {
                            continue;
                        }
                        for (int f = 0; f < 4; f++) {
                            Integer v = integer(r, f + 2);
                            values[f][k] = v == null ? NONE : v;
                        }
                        String ds = r.getString(6);
                        if (dataset[k] == null) {
                            dataset[k] = ds == null ? "API" : ds;
                        } else if (!dataset[k].equals(ds)) {
                            mixed[k] = true;
                        }
                    }
                }
            }
        }
        for (int k = 0; k < ids.length; k++) {
            rank[k] = new Member(ids[k], null, null, null, null, mixed[k] ? null : dataset[k]).rank(priority);
        }
        return new Figures(values, rank);
    }

    /** Members whose figures changed, or who were deleted, change their event. */
    @Override
    public Projection.Step step() {
        return Projection.Step.EVENTS;
    }

    @Override
    public void apply(IncidentsChanged changed) {
        List<Long> touched = new ArrayList<>();
        for (IncidentsChanged.Change change : changed.changes()) {
            IncidentView before = change.before();
            IncidentView after = change.after();
            if (before != null && (after == null || !Objects.equals(before.casualtySummary(), after.casualtySummary())
                    || !Objects.equals(before.dataset(), after.dataset()))) {
                touched.add(before.id());
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        List<Long> members = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            for (List<Long> chunk : chunks(touched)) {
                members.addAll(longs(c, "select incident_id from incident_event where incident_id in (" + marks(chunk)
                        + ")", chunk));
            }
        });
        recompute(members);
    }

    /** Writes the rows of the events (groups of two or more) the union-find holds. */
    private void write(Connection c, UnionFind groups) throws SQLException {
        Map<Long, List<Long>> events = groups.groups();
        if (events.isEmpty()) {
            return;
        }
        Map<Long, Member> members = new HashMap<>();
        List<Long> ids = events.values().stream().flatMap(List::stream).toList();
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement s = c.prepareStatement("select i.id, i.killed_low, i.killed_high, i.injured_low,"
                    + " i.injured_high, (select min(r.dataset) from incident_external_ref r where r.incident_id = i.id),"
                    + " (select max(r.dataset) from incident_external_ref r where r.incident_id = i.id)"
                    + " from incident i where i.id in (" + marks(chunk) + ")")) {
                bind(s, chunk);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String min = r.getString(6);
                        String dataset = min == null ? "API" : min.equals(r.getString(7)) ? min : null;
                        members.put(r.getLong(1), new Member(r.getLong(1), integer(r, 2), integer(r, 3), integer(r, 4),
                                integer(r, 5), dataset));
                    }
                }
            }
        }
        BulkRows rows = new BulkRows();
        for (List<Long> event : events.values()) {
            List<Member> present = event.stream().map(members::get).filter(Objects::nonNull).toList();
            if (present.size() < 2) {
                continue;
            }
            Member lead = present.stream().min((a, b) -> a.rank(priority) != b.rank(priority)
                    ? Integer.compare(a.rank(priority), b.rank(priority)) : Long.compare(a.id, b.id)).orElseThrow();
            for (Member m : present) {
                if (m == lead) {
                    rows.add(EVENT, m.id, lead.id, minLow(present, true), maxHigh(present, true),
                            minLow(present, false), maxHigh(present, false));
                } else {
                    rows.add(EVENT, m.id, lead.id, null, null, null, null);
                }
            }
        }
        rows.write(em, List.of(EVENT));
    }

    private static Integer minLow(List<Member> members, boolean killed) {
        return members.stream().map(m -> killed ? m.killedLow : m.injuredLow).filter(Objects::nonNull)
                .min(Integer::compare).orElse(null);
    }

    private static Integer maxHigh(List<Member> members, boolean killed) {
        Integer max = null;
        for (Member m : members) {
            Integer high = killed ? m.killedHigh : m.injuredHigh;
            if (high == null) {
                return null;
            }
            max = max == null ? high : Math.max(max, high);
        }
        return max;
    }

    private record Member(long id, Integer killedLow, Integer killedHigh, Integer injuredLow, Integer injuredHigh,
            String dataset) {

        /** Position of the member's dataset in the priority (API for one entered through the API); unlisted last. */
        int rank(List<String> priority) {
            int at = priority.indexOf(dataset == null ? "" : dataset);
            return at < 0 ? priority.size() : at;
        }
    }

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    private static List<Long> longs(Connection c, String sql, List<Long> params) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getLong(1));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement s, List<Long> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setLong(i + 1, params.get(i));
        }
    }

    private static String marks(List<Long> ids) {
        return String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }

    /** Disjoint sets of incident ids, joined by links. */
    private static final class UnionFind {
        private final Map<Long, Long> parent = new HashMap<>();

        void union(long a, long b) {
            long ra = find(a);
            long rb = find(b);
            if (ra != rb) {
                parent.put(Math.max(ra, rb), Math.min(ra, rb));
            }
        }

        long find(long x) {
            long root = x;
            Long p;
            while ((p = parent.get(root)) != null && p != root) {
                root = p;
            }
            parent.putIfAbsent(x, x);
            long at = x;
            while (at != root) {
                long next = parent.get(at);
                parent.put(at, root);
                at = next;
            }
            parent.putIfAbsent(root, root);
            return root;
        }

        Map<Long, List<Long>> groups() {
            Map<Long, List<Long>> out = new HashMap<>();
            for (Long id : List.copyOf(parent.keySet())) {
                out.computeIfAbsent(find(id), k -> new ArrayList<>()).add(id);
            }
            out.values().removeIf(g -> g.size() < 2);
            return out;
        }
    }
}
