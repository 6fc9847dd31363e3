package org.incidentkb.incident.write;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.IncidentRevision.Operation;
import org.incidentkb.incident.model.IncidentRevision;
import org.incidentkb.incident.write.IncidentsChanged.Change;

/**
 * The audit trail: every recorded change to an incident, its casualty records, claims or sources, with its author
 * and the fields of the representation that changed, written in the transaction that makes the change. Revisions
 * follow the incident's version, so they are unique and in order.
 */
@ApplicationScoped
public class IncidentHistory implements PanacheRepositoryBase<IncidentRevision, Long>, Projection {

    /** Fields every change moves; not worth listing. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt");

    private static final BulkRows.Table REVISION = new BulkRows.Table("incident_revision", "id", "incident_id",
            "revision", "changed_at", "author", "operation", "changed_fields");

    /** An incident's revisions, oldest first. */
    public List<IncidentRevision> of(long incidentId) {
        return find("incidentId = ?1 order by revision", incidentId).list();
    }

    /** Writes the revisions of a recorded change (none for an update that changed no field of the representation). */
    @Override
    public Projection.Step step() {
        return Projection.Step.HISTORY;
    }

    @Override
    public void apply(IncidentsChanged changed) {
        BulkRows rows = new BulkRows();
        BulkRows.Ids ids = new BulkRows.Ids(getEntityManager());
        for (Change change : changed.changes()) {
            IncidentRevision revision = revision(change, changed.author());
            if (revision != null) {
                ids.assign(revision);
                rows.add(REVISION, revision.getId(), revision.getIncidentId(), revision.getRevision(),
                        revision.getChangedAt(), revision.getAuthor(), revision.getOperation(),
                        String.join(",", revision.getChangedFields()));
            }
        }
        rows.write(getEntityManager(), List.of(REVISION));
    }

    private static IncidentRevision revision(Change change, String author) {
        if (change.after() == null) {
            IncidentView before = change.before();
            return new IncidentRevision(before.id(), before.version() + 2, Timestamps.now(), author, Operation.DELETE,
                    List.of());
        }
        IncidentView after = change.after();
        if (change.before() == null) {
            return new IncidentRevision(after.id(), after.version() + 1, Timestamps.now(), author, Operation.CREATE,
                    fieldsSet(after));
        }
        List<String> fields = changedFields(change.before(), after);
        return fields.isEmpty() ? null
                : new IncidentRevision(after.id(), after.version() + 1, Timestamps.now(), author, Operation.UPDATE, fields);
    }

    /** The fields a new incident was created with. */
    private static List<String> fieldsSet(IncidentView view) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : IncidentView.class.getRecordComponents()) {
            Object value = value(c, view);
            if (!BOOKKEEPING.contains(c.getName()) && value != null && !(value instanceof List<?> l && l.isEmpty())) {
                fields.add(c.getName());
            }
        }
        return fields;
    }

    private static List<String> changedFields(IncidentView before, IncidentView after) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : IncidentView.class.getRecordComponents()) {
            if (!BOOKKEEPING.contains(c.getName()) && !Objects.equals(value(c, before), value(c, after))) {
                fields.add(c.getName());
            }
        }
        return fields;
    }

    private static Object value(RecordComponent c, IncidentView view) {
        try {
            return c.getAccessor().invoke(view);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
