package org.incidentkb.incident.write;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRevision.Operation;
import org.incidentkb.incident.model.IncidentRevision;
import org.incidentkb.incident.readmodel.IncidentDocuments;

/**
 * The audit trail: every change to an incident, its casualty records, claims or sources is recorded in the
 * transaction that makes it, with the signed-in user (or the importing user) and the fields of the representation
 * that changed. Revisions follow the incident's version, so they are unique and in order. Each change also
 * refreshes the incident's stored representation (the read model, {@link IncidentDocuments}).
 */
@ApplicationScoped
public class IncidentHistory implements PanacheRepositoryBase<IncidentRevision, Long> {

    /** Fields every change moves; not worth listing. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt");

    private final Instance<SecurityIdentity> identity;
    private final IncidentDocuments documents;
    private final Event<IncidentsChanged> changes;
    private final IncidentBulkInsert bulk;

    public IncidentHistory(Instance<SecurityIdentity> identity, IncidentDocuments documents,
            Event<IncidentsChanged> changes, IncidentBulkInsert bulk) {
        this.identity = identity;
        this.documents = documents;
        this.changes = changes;
        this.bulk = bulk;
    }

    /** An incident's revisions, oldest first. */
    public List<IncidentRevision> of(long incidentId) {
        return find("incidentId = ?1 order by revision", incidentId).list();
    }

    /** Records a new incident (after it was flushed, so it has its id). */
    public void created(Incident incident, String author) {
        IncidentView view = IncidentView.from(incident);
        documents.store(view);
        changes.fire(IncidentsChanged.created(List.of(view)));
        persist(creation(view, author));
    }

    /**
     * Writes what an import's batch created (new incidents, not yet written: {@link IncidentBulkInsert} writes them
     * with their documents and creation revisions) and records what it changed (after the changes were flushed).
     */
    public void imported(List<Incident> created, java.util.Map<Incident, IncidentView> changed, String author) {
        List<IncidentView> createdViews = bulk.insert(created, view -> creation(view, author));
        List<IncidentView> changedViews = new ArrayList<>();
        List<IncidentView> beforeViews = new ArrayList<>();
        changed.forEach((incident, before) -> {
            IncidentView after = IncidentView.from(incident);
            changedViews.add(after);
            beforeViews.add(before);
            List<String> fields = changedFields(before, after);
            if (!fields.isEmpty()) {
                persist(new IncidentRevision(incident.getId(), incident.getVersion() + 1, Timestamps.now(), author,
                        Operation.UPDATE, fields));
            }
        });
        documents.replaceAll(changedViews);
        List<IncidentView> afterViews = new ArrayList<>(createdViews);
        afterViews.addAll(changedViews);
        changes.fire(new IncidentsChanged(beforeViews, afterViews));
    }

    /** The revision that records a new incident: the fields it was created with. */
    private static IncidentRevision creation(IncidentView view, String author) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : IncidentView.class.getRecordComponents()) {
            Object value = value(c, view);
            if (!BOOKKEEPING.contains(c.getName()) && value != null && !(value instanceof List<?> l && l.isEmpty())) {
                fields.add(c.getName());
            }
        }
        return new IncidentRevision(view.id(), view.version() + 1, Timestamps.now(), author, Operation.CREATE, fields);
    }

    /** Records a change (after it was flushed, so the version has moved); nothing when no field changed. */
    public void updated(Incident incident, IncidentView before, String author) {
        IncidentView after = IncidentView.from(incident);
        documents.store(after);
        changes.fire(new IncidentsChanged(List.of(before), List.of(after)));
        List<String> fields = changedFields(before, after);
        if (!fields.isEmpty()) {
            persist(new IncidentRevision(incident.getId(), incident.getVersion() + 1, Timestamps.now(), author,
                    Operation.UPDATE, fields));
        }
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

    /** Records a deletion (before the incident is deleted). */
    public void deleted(IncidentView before) {
        changes.fire(new IncidentsChanged(List.of(before), List.of()));
        persist(new IncidentRevision(before.id(), before.version() + 2, Timestamps.now(), currentUser(), Operation.DELETE,
                List.of()));
    }

    /** The signed-in user's name, or null outside a request (start-up, background jobs name their own). */
    public String currentUser() {
        try {
            SecurityIdentity who = identity.get();
            return who.isAnonymous() ? null : who.getPrincipal().getName();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    private static Object value(RecordComponent c, IncidentView view) {
        try {
            return c.getAccessor().invoke(view);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
