package org.incidentkb.incident.write;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.write.IncidentsChanged.Change;

/**
 * The write side of incidents: every change goes through here, is flushed, and is then recorded once as (before,
 * after) views that every {@link Projection} derives from in the same transaction, in the one order of
 * {@link Projection.Step} (the audit trail, the stored documents, the roll-ups, the events...). Nothing else writes
 * what they derive.
 */
@ApplicationScoped
public class IncidentChanges {

    private final IncidentRepository incidents;
    private final Event<IncidentsChanged> changed;
    private final Event<IncidentsChanging> changing;
    private final Instance<SecurityIdentity> identity;
    private final Instance<Projection> projections;
    private volatile List<Projection> ordered;

    public IncidentChanges(IncidentRepository incidents, Event<IncidentsChanged> changed,
            Event<IncidentsChanging> changing, Instance<SecurityIdentity> identity, Instance<Projection> projections) {
        this.incidents = incidents;
        this.changed = changed;
        this.changing = changing;
        this.identity = identity;
        this.projections = projections;
    }

    /** Writes a new incident and records it; returns its view. */
    public IncidentView create(Incident incident) {
        incidents.persist(incident);
        incidents.flush();
        IncidentView after = IncidentView.from(incident);
        record(List.of(new Change(null, after)), currentUser());
        return after;
    }

    /**
     * Applies a change to a managed incident. When that changed what the incident says, its version and updatedAt
     * move, the change is recorded, and the view after it is returned; otherwise nothing is written and the view as it
     * was is returned.
     */
    public IncidentView change(Incident incident, Consumer<Incident> change) {
        IncidentView before = IncidentView.from(incident);
        changing(List.of(incident.getId())); // before the change: a query it runs may flush the row
        if (!apply(incident, before, change)) {
            return before;
        }
        incidents.flush();
        IncidentView after = IncidentView.from(incident);
        record(List.of(new Change(before, after)), currentUser());
        return after;
    }

    /**
     * Applies a change to an incident without flushing or recording it (an import's batch records all its changes
     * at once); returns whether it changed what the incident says, in which case the incident is marked changed.
     */
    public boolean apply(Incident incident, IncidentView before, Consumer<Incident> change) {
        change.accept(incident);
        if (before != null && sameContent(before, IncidentView.from(incident))) {
            return false;
        }
        incident.touch();
        return true;
    }

    /** Deletes an incident, leaves its tombstone for the change feed, and records the deletion. */
    public void delete(Incident incident) {
        IncidentView before = IncidentView.from(incident);
        changing(List.of(incident.getId()));
        incidents.delete(incident);
        incidents.addTombstone(before.id(), Timestamps.now());
        record(List.of(new Change(before, null)), currentUser());
    }

    /**
     * Says which stored incidents a write is about to change or delete, before their rows are written: what must be
     * locked before them is locked now. {@link #change} and {@link #delete} say it themselves; a writer of many (an
     * import's batch, a merge) says it before it writes or locks any of them.
     */
    public void changing(java.util.Collection<Long> ids) {
        if (!ids.isEmpty()) {
            changing.fire(new IncidentsChanging(ids));
        }
    }

    /**
     * Records changes already written and flushed (an import's batch): every projection derives from them, in the
     * order of {@link Projection.Step}, and the event goes to those who act once the transaction ends (the text index).
     */
    public void record(List<Change> changes, String author) {
        if (!changes.isEmpty()) {
            IncidentsChanged recorded = new IncidentsChanged(changes, author);
            for (Projection projection : inOrder()) {
                projection.apply(recorded);
            }
            changed.fire(recorded);
        }
    }

    /** A missing or doubled projection stops the start rather than the first write. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        inOrder();
    }

    /** The projections by their step, one each; resolved once (lazily: they may use this class). */
    private List<Projection> inOrder() {
        List<Projection> found = ordered;
        if (found == null) {
            Map<Projection.Step, Projection> byStep = new EnumMap<>(Projection.Step.class);
            for (Projection p : projections) {
                if (byStep.put(p.step(), p) != null) {
                    throw new IllegalStateException("Two projections for the step " + p.step());
                }
            }
            if (byStep.size() != Projection.Step.values().length) {
                java.util.Set<Projection.Step> missing = java.util.EnumSet.allOf(Projection.Step.class);
                missing.removeAll(byStep.keySet());
                throw new IllegalStateException("No projection for the steps " + missing);
            }
            found = List.copyOf(byStep.values());
            ordered = found;
        }
        return found;
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

    /** Whether two views say the same thing, leaving aside the incident's version and timestamps. */
    private static boolean sameContent(IncidentView a, IncidentView b) {
        return normalized(a).equals(normalized(b));
    }

    private static IncidentView normalized(IncidentView v) {
        return new IncidentView(v.id(), 0, v.uid(), v.title(), v.summary(), v.category(), v.type(), v.startDate(),
                v.endDate(), v.datePrecision(), v.location(), v.actors(), v.casualties(), v.casualtySummary(), v.claims(),
                v.claimStatus(), v.sources(), v.tags(), v.externalRefs(), v.dataset(), null, null);
    }
}
