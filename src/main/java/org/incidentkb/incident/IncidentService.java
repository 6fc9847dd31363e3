package org.incidentkb.incident;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.ETags;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Ref;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.model.IncidentRevision;
import org.incidentkb.incident.readmodel.DocumentRebuilder;
import org.incidentkb.incident.readmodel.IncidentDocuments;
import org.incidentkb.incident.write.IncidentHistory;
import org.incidentkb.incident.write.IncidentMapper;
import org.incidentkb.source.Source;
import org.incidentkb.source.SourceApi;
import org.incidentkb.source.SourceRepository;

/** Incidents as aggregates: each write is one transaction that also keeps the derived values current. */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final SourceRepository sources;
    private final IncidentMapper mapper;
    private final MergePatch mergePatch;
    private final IncidentHistory history;
    private final IncidentDocuments documents;

    public IncidentService(IncidentRepository incidents, SourceRepository sources, IncidentMapper mapper,
            MergePatch mergePatch, IncidentHistory history, IncidentDocuments documents) {
        this.documents = documents;
        this.incidents = incidents;
        this.history = history;
        this.sources = sources;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
    }

    public Optional<IncidentView> get(long id) {
        return incidents.findByIdOptional(id).map(IncidentView::from);
    }

    /**
     * The incident's stored representation: one primary-key read. One not stored yet (dropped when an actor or source
     * it shows was renamed, until {@link DocumentRebuilder} stores it again) is built from the entities; a read never
     * writes.
     */
    public Optional<IncidentDocuments.Stored> document(long id) {
        Optional<IncidentDocuments.Stored> stored = documents.find(id);
        if (stored.isPresent()) {
            return stored;
        }
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> incidents.findByIdOptional(id).map(i -> documents.of(IncidentView.from(i))));
    }

    @Transactional
    public IncidentView create(IncidentInput input) {
        ProblemException.requireNoVersion(input.version());
        Incident incident = new Incident();
        mapper.apply(incident, input);
        incidents.persist(incident);
        incidents.flush();
        history.created(incident, history.currentUser());
        return IncidentView.from(incident);
    }

    @Transactional
    public Optional<IncidentView> update(long id, IncidentInput input, Long ifMatch) {
        Optional<Incident> found = incidents.findByIdOptional(id);
        found.ifPresent(incident -> {
            ETags.check("Incident " + id, ifMatch, input.version(), incident.getVersion());
            IncidentView before = IncidentView.from(incident);
            if (apply(incident, input, true)) {
                incidents.flush();
                history.updated(incident, before, history.currentUser());
            }
        });
        return found.map(IncidentView::from);
    }

    @Transactional
    public Optional<IncidentView> patch(long id, JsonNode patch, Long ifMatch) {
        Optional<Incident> found = incidents.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ETags.check("Incident " + id, ifMatch, null, found.get().getVersion());
        return update(id, mergePatch.apply(IncidentView.from(found.get()), patch, IncidentInput.class), null);
    }

    @Transactional
    public boolean delete(long id, Long ifMatch) {
        Optional<Incident> found = incidents.findByIdOptional(id);
        if (found.isEmpty()) {
            return false;
        }
        ETags.check("Incident " + id, ifMatch, null, found.get().getVersion());
        IncidentView before = IncidentView.from(found.get());
        incidents.delete(found.get());
        incidents.addTombstone(id, Timestamps.now());
        history.deleted(before);
        return true;
    }

    public Optional<List<Ref>> sources(long id) {
        return incidents.findByIdOptional(id).map(i -> i.getSources().stream()
                .sorted(Comparator.comparing(Source::getId)).map(SourceApi::ref).toList());
    }

    /** Cites a source for the incident; citing it again changes nothing. */
    @Transactional
    public Optional<IncidentView> attachSource(long id, long sourceId, Long ifMatch) {
        return changeSources(id, sourceId, ifMatch, true);
    }

    /** Stops citing a source; 404 when the incident does not cite it. */
    @Transactional
    public Optional<IncidentView> detachSource(long id, long sourceId, Long ifMatch) {
        return changeSources(id, sourceId, ifMatch, false);
    }

    private Optional<IncidentView> changeSources(long id, long sourceId, Long ifMatch, boolean attach) {
        Optional<Incident> found = incidents.findByIdOptional(id);
        found.ifPresent(incident -> {
            ETags.check("Incident " + id, ifMatch, null, incident.getVersion());
            Source source = sources.findByIdOptional(sourceId)
                    .orElseThrow(() -> ProblemException.notFound("Source", sourceId));
            boolean changed = attach ? incident.getSources().add(source) : incident.getSources().remove(source);
            if (!attach && !changed) {
                throw new ProblemException(404, "urn:incident-kb:problem:not-found", "Not found",
                        "Incident " + id + " does not cite source " + sourceId, null);
            }
            if (changed) {
                IncidentView before = IncidentView.from(incident);
                incident.touch();
                incidents.flush();
                history.updated(incident, withSourcesOf(before, attach, source, incident), history.currentUser());
            }
        });
        return found.map(IncidentView::from);
    }

    /** The view before a citation changed: the same view with the source list as it was. */
    private static IncidentView withSourcesOf(IncidentView now, boolean attached, Source source, Incident incident) {
        List<Ref> sources = new java.util.ArrayList<>(now.sources());
        if (attached) {
            sources.removeIf(r -> r.id().equals(source.getId()));
        } else {
            sources.add(SourceApi.ref(source));
        }
        return new IncidentView(now.id(), now.version(), now.uid(), now.title(), now.summary(), now.category(), now.type(),
                now.startDate(), now.endDate(), now.datePrecision(), now.location(), now.actors(), now.casualties(),
                now.casualtySummary(), now.claims(), now.claimStatus(), sources, now.tags(), now.externalRefs(),
                now.createdAt(), now.updatedAt());
    }

    public List<IncidentRevision> history(long id) {
        return history.of(id);
    }

    public boolean exists(long id) {
        return incidents.count("id", id) > 0;
    }

    /**
     * Writes the input onto a managed incident and, when that changed what it says, marks it changed (so its
     * version and updatedAt move). Returns whether it changed. A write that changes nothing changes no row.
     */
    public boolean apply(Incident incident, IncidentInput input, boolean checkExternalRefs) {
        IncidentView before = IncidentView.from(incident);
        mapper.apply(incident, input, checkExternalRefs);
        if (sameContent(before, IncidentView.from(incident))) {
            return false;
        }
        incident.touch();
        return true;
    }

    /** Whether two views say the same thing, leaving aside the incident's version and timestamps. */
    private static boolean sameContent(IncidentView a, IncidentView b) {
        return normalized(a).equals(normalized(b));
    }

    private static IncidentView normalized(IncidentView v) {
        return new IncidentView(v.id(), 0, v.uid(), v.title(), v.summary(), v.category(), v.type(), v.startDate(), v.endDate(),
                v.datePrecision(), v.location(), v.actors(), v.casualties(), v.casualtySummary(), v.claims(),
                v.claimStatus(), v.sources(), v.tags(), v.externalRefs(), null, null);
    }
}
