package org.incidentkb.link;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.LinkHistory;
import org.incidentkb.incident.api.IncidentApi.LinkChange;
import org.incidentkb.incident.write.IncidentsChanged;
import org.incidentkb.incident.write.Projection;

/** The history of links: written with every change to one, read into both its incidents' histories. */
@ApplicationScoped
public class LinkRevisions implements PanacheRepositoryBase<LinkRevision, Long>, LinkHistory, Projection {

    static final BulkRows.Table TABLE = new BulkRows.Table("link_revision", "id", "link_id", "from_id", "to_id",
            "relation", "status", "operation", "changed_fields", "author", "changed_at");

    /** Records one change to a link. */
    void record(Link link, LinkRevision.Operation operation, List<String> fields, String author) {
        persist(new LinkRevision(link, operation, fields, author, Timestamps.now()));
    }

    /** Adds the row of a change to a bulk write (a matching run's links). */
    static void add(BulkRows rows, BulkRows.Ids ids, LinkRevision revision) {
        ids.assign(revision);
        rows.add(TABLE, revision.getId(), revision.getLinkId(), revision.getFromId(), revision.getToId(),
                revision.getRelation(), revision.getStatus(), revision.getOperation(),
                String.join(",", revision.getChangedFields()), revision.getAuthor(), revision.getChangedAt());
    }

    /**
     * Deleting an incident deletes its links with it (a foreign key): each is recorded as deleted, so the history of
     * the incident at the other end says the link went, and who deleted the incident.
     */
    @Override
    public Projection.Step step() {
        return Projection.Step.LINK_HISTORY;
    }

    @Override
    public void apply(IncidentsChanged changed) {
        for (IncidentsChanged.Change change : changed.changes()) {
            if (change.after() != null) {
                continue;
            }
            long gone = change.before().id();
            Map<Long, LinkRevision> last = new LinkedHashMap<>();
            find("fromId = ?1 or toId = ?1 order by id", gone).list().forEach(r -> last.put(r.getLinkId(), r));
            Instant now = Timestamps.now();
            last.values().stream().filter(r -> r.getOperation() != LinkRevision.Operation.DELETE)
                    .forEach(r -> persist(new LinkRevision(r.getLinkId(), r.getFromId(), r.getToId(), r.getRelation(),
                            r.getStatus(), LinkRevision.Operation.DELETE, List.of("links"), changed.author(), now)));
        }
    }

    @Override
    public List<Entry> of(long incidentId) {
        return find("fromId = ?1 or toId = ?1 order by id", incidentId).list().stream()
                .map(r -> new Entry(r.getChangedAt(), r.getAuthor(), r.getOperation().name(), r.getChangedFields(),
                        new LinkChange(r.getLinkId(), r.getRelation().name(), r.getStatus().name(),
                                r.getFromId() == incidentId ? r.getToId() : r.getFromId())))
                .toList();
    }
}
