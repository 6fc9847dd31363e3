package org.incidentkb.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.LongStream;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Figures;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.ProjectionRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.write.EventRowsChange;
import org.incidentkb.incident.write.IncidentsChanged;
import org.incidentkb.incident.write.IncidentsChanging;
import org.incidentkb.incident.write.Projection;
import org.jboss.logging.Logger;

/**
 * One event across datasets: keeps {@code incident_event} (V17), what {@code dedupe=events} reads (lists leave out
 * the members that are not the lead; statistics take the lead's row for the event's figures), true to the SAME_EVENT
 * links that are not rejected. The incidents those links join, transitively, are one event; its rows follow
 * {@link EventFigures}. Recomputed, in the caller's transaction, for the events a link change touches, for every
 * event after a matching run, and when a member's figures change or a member is deleted. Each rewrite of the rows is
 * published ({@link EventRowsChange}) so that what is derived from them (the statistics' corrections for the events)
 * moves with them. The rows are read and written by {@link EventRows}.
 */
@ApplicationScoped
public class EventGroups implements Projection {

    private static final Logger LOG = Logger.getLogger(EventGroups.class);
    /** Joined incidents whose figures one query reads, as the range from the first one's id to the last one's. */
    private static final int FIGURES_RANGE = 10_000;
    /** Rows written at a time when every event is recomputed. */
    private static final int WRITE_AT = 50_000;
    /** The transaction's resource that says it holds the events' lock. */
    private static final String LOCKED = EventGroups.class.getName() + ".locked";

    private final EntityManager em;
    private final EventRows rows;
    private final Event<EventRowsChange> rowsChange;
    private final List<String> priority;
    private final TransactionSynchronizationRegistry transactions;
    private final ProjectionRules rules;
    private static final String RULES_NAME = "events";

    public EventGroups(EntityManager em, EventRows rows, Event<EventRowsChange> rowsChange, KbConfig config,
            TransactionSynchronizationRegistry transactions, ProjectionRules rules) {
        this.em = em;
        this.rules = rules;
        this.rows = rows;
        this.rowsChange = rowsChange;
        this.transactions = transactions;
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
        rows.lock();
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
        for (List<Long> chunk : chunks(List.copyOf(changing.ids()))) {
            if (rows.anyMember(chunk)) {
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
        Set<Long> seen = new HashSet<>(incidents);
        for (List<Long> chunk : chunks(List.copyOf(incidents))) {
            seen.addAll(rows.eventsOf(chunk));
        }
        UnionFind groups = new UnionFind();
        List<Long> frontier = List.copyOf(seen);
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (List<Long> chunk : chunks(frontier)) {
                for (long[] link : rows.linksOf(chunk)) {
                    groups.union(link[0], link[1]);
                    for (long id : link) {
                        if (seen.add(id)) {
                            next.add(id);
                        }
                    }
                }
            }
            frontier = next;
        }
        // The members' rows locked in id order: a write to one of them in flight ends first, and is read below.
        List<Long> members = seen.stream().sorted().toList();
        for (List<Long> chunk : chunks(members)) {
            rows.lockIncidents(chunk);
        }
        rowsChange.fire(EventRowsChange.rewriting(seen));
        for (List<Long> chunk : chunks(members)) {
            rows.delete(chunk);
        }
        write(groups);
        rowsChange.fire(EventRowsChange.rewritten(seen));
    }

    /**
     * Recomputes every event from the links (after a matching run), in primitive arrays: the joined incidents sorted by
     * id, a union-find over their positions, one streamed read of their figures and datasets by ranges of ids, and
     * the rows written in chunks. Hundreds of thousands of links take a few seconds and tens of MB.
     */
    public void recomputeAll() {
        lock();
        em.flush();
        long started = System.nanoTime();
        // The rows first: a write to a member in flight holds its row, and ends before the corrections go.
        rows.deleteAll();
        rowsChange.fire(EventRowsChange.clearing());
        long[][] links = { new long[1024], new long[1024] };
        int[] count = { 0 };
        rows.eachJoiningLink(link -> {
            if (count[0] == links[0].length) {
                links[0] = Arrays.copyOf(links[0], count[0] * 2);
                links[1] = Arrays.copyOf(links[1], count[0] * 2);
            }
            links[0][count[0]] = link[0];
            links[1][count[0]++] = link[1];
        });
        int n = count[0];
        long[] ids = LongStream.concat(Arrays.stream(links[0], 0, n), Arrays.stream(links[1], 0, n)).sorted()
                .distinct().toArray();
        int[] parent = new int[ids.length];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        for (int l = 0; l < n; l++) {
            int a = root(parent, Arrays.binarySearch(ids, links[0][l]));
            int b = root(parent, Arrays.binarySearch(ids, links[1][l]));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        EventFigures.Member[] members = new EventFigures.Member[ids.length];
        for (int start = 0; start < ids.length; start += FIGURES_RANGE) {
            long first = ids[start];
            long last = ids[Math.min(ids.length, start + FIGURES_RANGE) - 1];
            rows.members(EventRows.idBetween(first, last), id -> Arrays.binarySearch(ids, id) >= 0,
                    m -> members[Arrays.binarySearch(ids, m.id())] = m);
        }
        // The positions grouped by their root (root in the high half, position in the low), then each event's rows.
        long[] byRoot = new long[ids.length];
        for (int k = 0; k < ids.length; k++) {
            byRoot[k] = (long) root(parent, k) << 32 | k;
        }
        Arrays.sort(byRoot);
        BulkRows out = new BulkRows();
        int pending = 0;
        for (int at = 0; at < byRoot.length;) {
            int root = (int) (byRoot[at] >>> 32);
            List<EventFigures.Member> event = new ArrayList<>();
            for (; at < byRoot.length && (int) (byRoot[at] >>> 32) == root; at++) {
                EventFigures.Member m = members[(int) byRoot[at]];
                if (m != null) {
                    event.add(m);
                }
            }
            for (EventFigures.Row row : EventFigures.rows(event, priority)) {
                add(out, row);
                pending++;
            }
            if (pending >= WRITE_AT) {
                out.write(em, List.of(EventRows.TABLE));
                out = new BulkRows();
                pending = 0;
            }
        }
        out.write(em, List.of(EventRows.TABLE));
        long corrections = System.nanoTime();
        rowsChange.fire(EventRowsChange.refilled());
        corrections = System.nanoTime() - corrections;
        // Hundreds of thousands of rows changed: plan the deduplicated queries on fresh statistics.
        rows.analyze();
        LOG.infof("Events: %d incidents joined, written in %.1f s (of which %.1f s the statistics' corrections)",
                ids.length, (System.nanoTime() - started) / 1e9, corrections / 1e9);
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
        List<Long> members = new ArrayList<>();
        for (List<Long> chunk : chunks(touched)) {
            members.addAll(rows.members(chunk));
        }
        recompute(members);
    }

    /** Writes the rows of the events (groups of two or more) the union-find holds. */
    private void write(UnionFind groups) {
        Map<Long, List<Long>> events = groups.groups();
        if (events.isEmpty()) {
            return;
        }
        Map<Long, EventFigures.Member> members = new HashMap<>();
        List<Long> ids = events.values().stream().flatMap(List::stream).toList();
        for (List<Long> chunk : chunks(ids)) {
            rows.members(EventRows.idIn(chunk), id -> true, m -> members.put(m.id(), m));
        }
        BulkRows out = new BulkRows();
        for (List<Long> event : events.values()) {
            List<EventFigures.Member> present = event.stream().map(members::get).filter(Objects::nonNull).toList();
            EventFigures.rows(present, priority).forEach(row -> add(out, row));
        }
        out.write(em, List.of(EventRows.TABLE));
    }

    private static void add(BulkRows out, EventFigures.Row row) {
        Figures k = row.killed();
        Figures i = row.injured();
        out.add(EventRows.TABLE, row.incidentId(), row.eventId(), k == null ? null : k.low(),
                k == null ? null : k.best(), k == null ? null : k.high(), i == null ? null : i.low(),
                i == null ? null : i.best(), i == null ? null : i.high());
    }

    /**
     * Recomputes every event at the start when the stored rows follow an older version of {@link EventFigures}'s rule
     * (V35's {@code projection_rules} row 'events'), in one transaction that holds that row meanwhile.
     */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            if (rules.outdated(RULES_NAME, EventFigures.RULES)) {
                LOG.infof("Events computed by an older rule than version %d: recomputing them", EventFigures.RULES);
                recomputeAll();
                rules.done(RULES_NAME, EventFigures.RULES);
            }
        });
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += EventRows.CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + EventRows.CHUNK)));
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
