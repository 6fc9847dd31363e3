package org.incidentkb.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.incidentkb.common.Ref;
import org.incidentkb.link.LinkApi.Evidence;
import org.incidentkb.link.LinkRevision.Operation;

/**
 * Links in the backup ({@code GET /export}) and back ({@code POST /imports?format=ndjson}): a link line names its
 * incidents by their {@code uid}, which the incidents of the same file carry, so a restore links the incidents it
 * restored whatever ids they got. A link already there (the pair and relation) is left as it is; one whose incident is
 * not in the knowledge base is refused with its line.
 */
@ApplicationScoped
public class LinkBackup {

    private static final int BEAT_EVERY = 500;

    private static final int CHUNK = 1000;

    private final EntityManager em;
    private final LinkRepository links;
    private final LinkRevisions revisions;
    private final EventGroups events;
    private final ObjectMapper json;

    public LinkBackup(EntityManager em, LinkRepository links, LinkRevisions revisions, EventGroups events,
            ObjectMapper json) {
        this.em = em;
        this.links = links;
        this.revisions = revisions;
        this.events = events;
        this.json = json;
    }

    /** A link as a backup line holds it. */
    @Schema(hidden = true)
    public record BackupLink(String from, String to, Link.Relation relation, Link.Status status, Double score,
            Evidence evidence, String note, String createdBy, String decidedBy, Instant decidedAt) {
    }

    /** A link line of a file being restored, with its line number. */
    public record Line(long line, BackupLink link) {
    }

    /** What a restore did: links created, left as they were, and the lines refused (line, why). */
    public record Restored(long created, long skipped, Map<Long, String> refused) {
    }

    /** Writes every link as a typed NDJSON line, by id, in chunks (each its own short read). */
    public void write(OutputStream out) throws IOException {
        long last = 0;
        List<Object[]> chunk;
        do {
            long after = last;
            chunk = QuarkusTransaction.requiringNew().call(() -> rows(after));
            for (Object[] r : chunk) {
                Link l = (Link) r[0];
                BackupLink line = new BackupLink((String) r[1], (String) r[2], l.getRelation(), l.getStatus(),
                        l.getScore(), l.getScore() == null && l.getTypeMatch() == null ? null
                                : new Evidence(l.getDistanceKm(), l.getDaysApart(), l.getTypeMatch(),
                                        LinkService.sharedActors(l.getSharedActors()), l.getCarriedBy()),
                        l.getNote(), l.getCreatedBy(), l.getDecidedBy(), l.getDecidedAt());
                out.write("{\"kind\":\"link\",\"link\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.write(json.writeValueAsBytes(line));
                out.write('}');
                out.write('\n');
                last = l.getId();
            }
            out.flush();
        } while (chunk.size() == CHUNK);
    }

    private List<Object[]> rows(long after) {
        return em.createQuery("select l, f.uid, t.uid from Link l, Incident f, Incident t where f.id = l.fromId"
                + " and t.id = l.toId and l.id > :after order by l.id", Object[].class)
                .setParameter("after", after).setMaxResults(CHUNK).getResultList();
    }

    /**
     * Restores link lines in one transaction, after the incidents of the file are written; calls {@code beat} every
     * few hundred lines, so that the job running it can show it is alive through a long restore.
     */
    public Restored restore(List<Line> lines, String author, Runnable beat) {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            events.lock();
            Instant restoredAt = org.incidentkb.common.Timestamps.now();
            Set<String> uids = new HashSet<>();
            lines.forEach(l -> {
                uids.add(l.link().from());
                uids.add(l.link().to());
            });
            Map<String, Long> ids = new HashMap<>();
            List<String> all = new ArrayList<>(uids);
            for (int i = 0; i < all.size(); i += CHUNK) {
                em.createQuery("select i.uid, i.id from Incident i where i.uid in :uids", Object[].class)
                        .setParameter("uids", all.subList(i, Math.min(all.size(), i + CHUNK))).getResultList()
                        .forEach(r -> ids.put((String) r[0], (Long) r[1]));
            }
            long created = 0;
            long skipped = 0;
            Map<Long, String> refused = new HashMap<>();
            List<Long> joined = new ArrayList<>();
            int done = 0;
            for (Line line : lines) {
                if (++done % BEAT_EVERY == 0) {
                    beat.run();
                }
                BackupLink b = line.link();
                Long from = ids.get(b.from());
                Long to = ids.get(b.to());
                if (b.relation() == null || b.status() == null) {
                    refused.put(line.line(), "a link needs relation and status");
                } else if (from == null || to == null) {
                    refused.put(line.line(), "no incident has the uid " + (from == null ? b.from() : b.to()));
                } else if (from.equals(to)) {
                    refused.put(line.line(), "an incident cannot be linked to itself");
                } else if (links.between(from, to, b.relation()).isPresent()) {
                    skipped++;
                } else {
                    Link link = new Link(from, to, b.relation(), b.status());
                    Evidence e = b.evidence();
                    link.setEvidence(b.score(), e == null ? null : e.distanceKm(), e == null ? null : e.daysApart(),
                            e == null ? null : e.typeMatch(), e == null ? null : shared(e.sharedActors()),
                            e == null ? null : e.carriedBy());
                    link.setNote(b.note());
                    link.setCreatedBy(b.createdBy());
                    link.decided(b.decidedBy(), b.decidedAt());
                    link.restored(author, restoredAt);
                    links.persist(link);
                    links.flush();
                    revisions.record(link, Operation.CREATE, List.of("links"), author);
                    created++;
                    if (b.relation() == Link.Relation.SAME_EVENT) {
                        joined.add(from);
                        joined.add(to);
                    }
                }
            }
            events.recompute(joined);
            return new Restored(created, skipped, refused);
        });
    }

    private static String shared(List<Ref> actors) {
        if (actors == null || actors.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Ref a : actors) {
            if (a.id() != null && a.name() != null) {
                out.append(out.isEmpty() ? "" : "\n").append(a.id()).append(':').append(a.name().replace('\n', ' '));
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
