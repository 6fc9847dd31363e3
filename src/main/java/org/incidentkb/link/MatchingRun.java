package org.incidentkb.link;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Timestamps;
import org.incidentkb.link.LinkRevision.Operation;
import org.incidentkb.link.Matcher.PairKey;
import org.jboss.logging.Logger;

/**
 * One matching run, on the thread that runs it: reads the incidents of its scope ({@link MatchingData}), finds the
 * pairs ({@link Matcher}), then writes them in transactions of {@value #CHUNK} links: a pair already PROPOSED keeps its
 * link (its evidence brought up to date), a new pair gets a PROPOSED link, and a PROPOSED link of the scope the run no
 * longer finds is deleted; CONFIRMED and REJECTED links are never touched (and never proposed again). Every change is
 * in the history of both incidents; at the end the events are recomputed.
 */
@ApplicationScoped
class MatchingRun {

    private static final Logger LOG = Logger.getLogger(MatchingRun.class);
    private static final int CHUNK = 10_000;
    private static final int TIMEOUT_SECONDS = 3600;
    private static final BulkRows.Table LINK = new BulkRows.Table("incident_link", "id", "version", "from_id", "to_id",
            "low_id", "high_id", "relation", "status", "score", "distance_km", "days_apart", "type_match",
            "shared_actors", "carried_by", "created_by", "created_at", "updated_at");

    private final EntityManager em;
    private final MatchingData data;
    private final EventGroups events;

    MatchingRun(EntityManager em, MatchingData data, EventGroups events) {
        this.em = em;
        this.data = data;
        this.events = events;
    }

    /** What a run did. */
    record Report(long incidents, long compared, long proposed, long kept, long removed) {
    }

    /** A PROPOSED or decided SAME_EVENT link of the scope, as it stands before the run. */
    private record Existing(long id, long from, long to, Link.Status status, Double score) {
    }

    Report run(MatchingRequest request, MatchingData.Scope scope, String author, Progress progress) {
        long started = System.nanoTime();
        Matcher.Incidents in = tx(() -> data.load(scope));
        long loaded = System.nanoTime();
        Map<PairKey, Existing> existing = tx(() -> existing(in));
        Set<PairKey> blocked = new HashSet<>();
        byte[] partners = new byte[in.size()];
        long kept = 0;
        for (Existing e : existing.values()) {
            if (e.status() != Link.Status.PROPOSED) {
                blocked.add(new PairKey(e.from(), e.to()));
                kept++;
                if (e.status() == Link.Status.CONFIRMED) {
                    int a = in.indexOf(e.from());
                    int b = in.indexOf(e.to());
                    partners[a] |= (byte) (1 << in.dataset()[b]);
                    partners[b] |= (byte) (1 << in.dataset()[a]);
                }
            }
        }
        Matcher.Result result = Matcher.match(in,
                new Matcher.Windows(request.spatialWindowKm(), request.temporalWindowDays(), request.typeLevel(),
                        request.minScore()),
                blocked, partners);
        progress.update(in.size(), result.compared());
        long matched = System.nanoTime();
        Map<Long, String> actorNames = tx(() -> actorNames(result.pairs()));

        Instant now = Timestamps.now();
        // Written in id order, so that each index on the links and their history grows at its end instead of at
        // random places (the matcher hands them out best score first).
        List<Matcher.Pair> pairs = new ArrayList<>(result.pairs());
        pairs.sort(Comparator.<Matcher.Pair>comparingLong(p -> in.id()[p.a()]).thenComparingLong(p -> in.id()[p.b()]));
        Set<PairKey> proposedNow = new HashSet<>();
        for (int from = 0; from < pairs.size(); from += CHUNK) {
            List<Matcher.Pair> chunk = pairs.subList(from, Math.min(pairs.size(), from + CHUNK));
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                    .run(() -> write(in, chunk, existing, actorNames, author, now, proposedNow));
            progress.update(in.size(), result.compared());
        }
        List<Existing> stale = existing.values().stream().filter(e -> e.status() == Link.Status.PROPOSED
                && !proposedNow.contains(new PairKey(e.from(), e.to()))).toList();
        for (int from = 0; from < stale.size(); from += CHUNK) {
            List<Existing> chunk = stale.subList(from, Math.min(stale.size(), from + CHUNK));
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> delete(chunk, author, now));
        }
        long written = System.nanoTime();
        repairEvents();
        long done = System.nanoTime();
        LOG.infof("Matching: %d incidents, %d pairs compared, %d proposed, %d decided kept, %d stale removed;"
                + " seconds: %.1f reading, %.1f matching, %.1f writing links, %.1f writing events",
                in.size(), result.compared(), pairs.size(), kept, stale.size(), seconds(loaded - started),
                seconds(matched - loaded), seconds(written - matched), seconds(done - written));
        return new Report(in.size(), result.compared(), pairs.size(), kept, stale.size());
    }

    /** Saves the job's progress (and its heartbeat). */
    interface Progress {
        void update(long incidents, long compared);
    }

    /**
     * Recomputes every event from the links, in a transaction of its own: the end of every run, and the repair after
     * a run that wrote some of its link chunks and then failed or was killed (its links stand; the events must
     * follow them).
     */
    void repairEvents() {
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(events::recomputeAll);
    }

    private void write(Matcher.Incidents in, List<Matcher.Pair> chunk, Map<PairKey, Existing> existing,
            Map<Long, String> actorNames, String author, Instant now, Set<PairKey> proposedNow) {
        events.lock();
        // Links an editor made since the run read the links: theirs stand, the run proposes nothing over them.
        Set<PairKey> madeMeanwhile = linkedNow(in, chunk);
        madeMeanwhile.removeAll(existing.keySet());
        BulkRows rows = new BulkRows();
        BulkRows.Ids ids = new BulkRows.Ids(em);
        List<Object[]> updates = new ArrayList<>();
        for (Matcher.Pair p : chunk) {
            long a = in.id()[p.a()];
            long b = in.id()[p.b()];
            PairKey key = new PairKey(a, b);
            proposedNow.add(key);
            if (madeMeanwhile.contains(key)) {
                continue;
            }
            String shared = shared(p.sharedActors(), actorNames);
            Existing before = existing.get(key);
            if (before != null) {
                if (before.score() == null || before.score() != p.score()) {
                    updates.add(new Object[] { p.score(), p.distanceKm(), p.daysApart(), p.typeMatch().name(), shared,
                            Link.carriedBy(p.carriedBy()), java.sql.Timestamp.from(now), before.id() });
                    LinkRevisions.add(rows, ids, new LinkRevision(before.id(), before.from(), before.to(),
                            Link.Relation.SAME_EVENT, Link.Status.PROPOSED, Operation.UPDATE,
                            List.of("links.score", "links.evidence"), author, now));
                }
                continue;
            }
            Link link = new Link(a, b, Link.Relation.SAME_EVENT, Link.Status.PROPOSED);
            ids.assign(link);
            rows.add(LINK, link.getId(), 0L, a, b, a, b, Link.Relation.SAME_EVENT, Link.Status.PROPOSED, p.score(),
                    p.distanceKm(), p.daysApart(), p.typeMatch(), shared, Link.carriedBy(p.carriedBy()), author, now,
                    now);
            LinkRevisions.add(rows, ids, new LinkRevision(link.getId(), a, b, Link.Relation.SAME_EVENT,
                    Link.Status.PROPOSED, Operation.CREATE, List.of("links"), author, now));
        }
        rows.write(em, List.of(LINK, LinkRevisions.TABLE));
        if (!updates.isEmpty()) {
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement s = c.prepareStatement("update incident_link set version = version + 1,"
                        + " score = ?, distance_km = ?, days_apart = ?, type_match = ?, shared_actors = ?, carried_by = ?,"
                        + " updated_at = ?"
                        + " where id = ? and status = 'PROPOSED'")) {
                    for (Object[] u : updates) {
                        for (int i = 0; i < u.length; i++) {
                            s.setObject(i + 1, u[i]);
                        }
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            });
        }
    }

    /** The pairs of the chunk joined by a SAME_EVENT link now (read under the events' lock). */
    @SuppressWarnings("unchecked")
    private Set<PairKey> linkedNow(Matcher.Incidents in, List<Matcher.Pair> chunk) {
        Set<Long> lows = new HashSet<>();
        for (Matcher.Pair p : chunk) {
            lows.add(Math.min(in.id()[p.a()], in.id()[p.b()]));
        }
        Set<PairKey> linked = new HashSet<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select low_id, high_id from incident_link"
                + " where relation = 'SAME_EVENT' and low_id in (:lows)").setParameter("lows", lows).getResultList()) {
            linked.add(new PairKey(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        }
        return linked;
    }

    private void delete(List<Existing> stale, String author, Instant now) {
        events.lock();
        BulkRows rows = new BulkRows();
        BulkRows.Ids ids = new BulkRows.Ids(em);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "delete from incident_link where id = ? and status = 'PROPOSED'")) {
                for (Existing e : stale) {
                    s.setLong(1, e.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        for (Existing e : stale) {
            LinkRevisions.add(rows, ids, new LinkRevision(e.id(), e.from(), e.to(), Link.Relation.SAME_EVENT,
                    Link.Status.PROPOSED, Operation.DELETE, List.of("links"), author, now));
        }
        rows.write(em, List.of(LinkRevisions.TABLE));
    }

    /** The SAME_EVENT links between two incidents of the run, at least one in its focus. */
    private Map<PairKey, Existing> existing(Matcher.Incidents in) {
        Map<PairKey, Existing> out = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery("select id, from_id, to_id, status, score from incident_link"
                        + " where relation = 'SAME_EVENT'")) {
                    while (r.next()) {
                        long from = r.getLong(2);
                        long to = r.getLong(3);
                        int a = in.indexOf(from);
                        int b = in.indexOf(to);
                        if (a >= 0 && b >= 0 && (in.focus()[a] || in.focus()[b])) {
                            double score = r.getDouble(5);
                            out.put(new PairKey(from, to), new Existing(r.getLong(1), from, to,
                                    Link.Status.valueOf(r.getString(4)), r.wasNull() ? null : score));
                        }
                    }
                }
            }
        });
        return out;
    }

    private Map<Long, String> actorNames(List<Matcher.Pair> pairs) {
        Set<Long> ids = new HashSet<>();
        pairs.forEach(p -> {
            for (long id : p.sharedActors()) {
                ids.add(id);
            }
        });
        Map<Long, String> names = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            em.createQuery("select a.id, a.name from Actor a where a.id in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(r -> names.put((Long) r[0], ((String) r[1]).replace('\n', ' ')));
        }
        return names;
    }

    private static String shared(long[] actors, Map<Long, String> names) {
        if (actors.length == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (long id : actors) {
            String name = names.get(id);
            if (name != null) {
                out.append(out.isEmpty() ? "" : "\n").append(id).append(':').append(name);
            }
        }
        String text = out.toString();
        int cut = text.length() > 4000 ? text.lastIndexOf('\n', 4000) : text.length();
        return cut <= 0 ? null : text.substring(0, cut);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static <T> T tx(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(work);
    }
}
