package org.incidentkb.link;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.LinkHistory;
import org.incidentkb.incident.api.IncidentApi.LinkChange;

/** The history of links: written with every change to one, read into both its incidents' histories. */
@ApplicationScoped
public class LinkRevisions implements PanacheRepositoryBase<LinkRevision, Long>, LinkHistory {

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

    @Override
    public List<Entry> of(long incidentId) {
        return find("fromId = ?1 or toId = ?1 order by id", incidentId).list().stream()
                .map(r -> new Entry(r.getChangedAt(), r.getAuthor(), r.getOperation().name(), r.getChangedFields(),
                        new LinkChange(r.getLinkId(), r.getRelation().name(), r.getStatus().name(),
                                r.getFromId() == incidentId ? r.getToId() : r.getFromId())))
                .toList();
    }
}
